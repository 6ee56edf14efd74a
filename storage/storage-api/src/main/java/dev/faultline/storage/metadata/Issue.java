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
 * @param type {@code error} for exception events, {@code default} for messages; for a
 * performance issue its Sentry issue type ({@code performance_n_plus_one_db_queries})
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

	/** The category of error issues. */
	public static final String ERROR_CATEGORY = "error";

	/** The category of issues found in the spans of transactions. */
	public static final String PERFORMANCE_CATEGORY = "performance";

	/** The prefix of the types of performance issues. */
	public static final String PERFORMANCE_TYPE_PREFIX = "performance_";

	/** Sentry's {@code issueCategory}: {@code performance} or {@code error}. */
	public String category() {
		return isPerformance() ? PERFORMANCE_CATEGORY : ERROR_CATEGORY;
	}

	/**
	 * Sentry's {@code issueType}: the performance issue's type, {@code error} for the
	 * issues of error events.
	 */
	public String issueType() {
		return isPerformance() ? this.type : ERROR_CATEGORY;
	}

	/**
	 * The type of its events as Sentry's group {@code type} names it: {@code transaction}
	 * for a performance issue.
	 */
	public String eventType() {
		return isPerformance() ? "transaction" : this.type;
	}

	private boolean isPerformance() {
		return this.type.startsWith(PERFORMANCE_TYPE_PREFIX);
	}

}
