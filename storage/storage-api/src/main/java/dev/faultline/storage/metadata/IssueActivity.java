package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One entry of an issue's activity log, with Sentry's activity type names.
 *
 * @param id increasing in the order entries were recorded
 * @param type one of the constants of this record (Sentry's activity type names)
 * @param data type-specific details, e.g. {@code event_id} of the event that caused a
 * regression, {@code text} of a note, {@code version} of a resolution in a release
 * @param userId who did it, or null for the system (first seen, regressions, wake-ups)
 * @param at when it happened: the event time for {@code first_seen} and
 * {@code set_regression}, the change time for status changes
 */
public record IssueActivity(long id, long issueId, String type, Map<String, String> data, @Nullable Long userId,
		Instant at) {

	/** The issue was created by its first event. */
	public static final String FIRST_SEEN = "first_seen";

	/** A new event arrived for a resolved issue, which was reopened. */
	public static final String SET_REGRESSION = "set_regression";

	/** The status was set to resolved. */
	public static final String SET_RESOLVED = "set_resolved";

	/** The status was set to unresolved. */
	public static final String SET_UNRESOLVED = "set_unresolved";

	/** The status was set to ignored (data: the ignore conditions that were set). */
	public static final String SET_IGNORED = "set_ignored";

	/**
	 * Resolved in a release (data {@code version}) or in the next release (data
	 * {@code inNextRelease}: {@code true}, {@code version}: the release current then,
	 * when there was one).
	 */
	public static final String SET_RESOLVED_IN_RELEASE = "set_resolved_in_release";

	/** A comment (data {@code text}, markdown). */
	public static final String NOTE = "note";

	/**
	 * Assigned (data {@code assignee}: the id, {@code assigneeType}: {@code user} or
	 * {@code team}).
	 */
	public static final String ASSIGNED = "assigned";

	/** The assignee was removed. */
	public static final String UNASSIGNED = "unassigned";

	/**
	 * Other issues were merged into this one (data {@code issues}: their ids,
	 * comma-separated).
	 */
	public static final String MERGE = "merge";

	/**
	 * Hashes were split off into a new issue (data {@code destination}, {@code hashes}).
	 */
	public static final String UNMERGE_SOURCE = "unmerge_source";

	/**
	 * This issue was created from hashes split off another (data {@code source},
	 * {@code hashes}).
	 */
	public static final String UNMERGE_DESTINATION = "unmerge_destination";

	public IssueActivity {
		Objects.requireNonNull(type, "type");
		data = Map.copyOf(data);
		Objects.requireNonNull(at, "at");
	}

}
