package dev.faultline.storage.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A processed event as the event store keeps it: searchable columns plus the full
 * normalized event JSON.
 *
 * @param eventId 32 lower-case hex characters; unique per project
 * @param timestamp the event's (normalized) time, millisecond precision
 * @param receivedAt when ingest received it, millisecond precision
 * @param level Sentry level: fatal, error, warning, info, debug
 * @param tags the event's tags, keys unique
 * @param user who was affected, or null
 * @param primaryHash the grouping hash that selected the issue
 * @param groupingVariant which grouping variant produced the hash (e.g. {@code app},
 * {@code system}, {@code custom-fingerprint}, {@code message})
 * @param payload the normalized event as a JSON object text
 */
public record StoredEvent(long projectId, String eventId, long issueId, Instant timestamp, Instant receivedAt,
		String platform, String level, String title, String culprit, String message, @Nullable String release,
		@Nullable String environment, @Nullable String transaction, @Nullable String traceId, Map<String, String> tags,
		@Nullable EventUser user, String primaryHash, String groupingVariant, String payload) {

	public StoredEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(culprit, "culprit");
		Objects.requireNonNull(message, "message");
		tags = Map.copyOf(tags);
		Objects.requireNonNull(primaryHash, "primaryHash");
		Objects.requireNonNull(groupingVariant, "groupingVariant");
		Objects.requireNonNull(payload, "payload");
	}

}
