package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One event counted against an issue.
 *
 * @param eventId 32 lower-case hex characters
 * @param userKey a stable identifier of the event's user ({@code id:…}, {@code email:…},
 * {@code ip:…}), or null when the event has no user; distinct keys make the user count
 * @param primaryHash the grouping hash the event was grouped by (what unmerge splits by)
 * @param release the event's release, or null (what resolve-in-release compares)
 */
public record EventOccurrence(long issueId, long projectId, String eventId, Instant timestamp, String level,
		@Nullable String userKey, String primaryHash, @Nullable String release) {

	public EventOccurrence {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(timestamp, "timestamp");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(primaryHash, "primaryHash");
	}

}
