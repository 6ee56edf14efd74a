package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A group of events that share a grouping hash.
 *
 * @param shortNumber per-project sequence number, shown as {@code PROJECT-SLUG-<base36>}
 * @param primaryHash the grouping hash that created the issue
 * @param type {@code error} for exception events, {@code default} for messages
 * @param metadata Sentry's issue metadata ({@code type}, {@code value}, {@code filename},
 * {@code function} for errors; {@code title} for messages)
 * @param timesSeen number of distinct events (by event id) recorded
 * @param userCount number of distinct users recorded
 * @param statusDetails how it is resolved or ignored ({@link StatusDetails#NONE}
 * otherwise)
 * @param assignee who owns it, or null
 */
public record Issue(long id, long projectId, long shortNumber, String primaryHash, String title, String culprit,
		String level, String type, Map<String, String> metadata, IssueStatus status, StatusDetails statusDetails,
		@Nullable Assignee assignee, long timesSeen, long userCount, Instant firstSeen, Instant lastSeen) {

	public Issue {
		Objects.requireNonNull(primaryHash, "primaryHash");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(culprit, "culprit");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(type, "type");
		metadata = Map.copyOf(metadata);
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(statusDetails, "statusDetails");
		Objects.requireNonNull(firstSeen, "firstSeen");
		Objects.requireNonNull(lastSeen, "lastSeen");
	}

}
