package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of an issue's activity log, with Sentry's activity type names.
 *
 * @param id increasing in the order entries were recorded
 * @param type one of the constants of this record ({@code first_seen},
 * {@code set_regression}, {@code set_resolved}, {@code set_unresolved},
 * {@code set_ignored})
 * @param data type-specific details, e.g. {@code event_id} of the event that caused a
 * regression
 * @param at when it happened: the event time for {@code first_seen} and
 * {@code set_regression}, the change time for status changes
 */
public record IssueActivity(long id, long issueId, String type, Map<String, String> data, Instant at) {

	/** The issue was created by its first event. */
	public static final String FIRST_SEEN = "first_seen";

	/** A new event arrived for a resolved issue, which was reopened. */
	public static final String SET_REGRESSION = "set_regression";

	/** The status was set to resolved. */
	public static final String SET_RESOLVED = "set_resolved";

	/** The status was set to unresolved. */
	public static final String SET_UNRESOLVED = "set_unresolved";

	/** The status was set to ignored. */
	public static final String SET_IGNORED = "set_ignored";

	public IssueActivity {
		Objects.requireNonNull(type, "type");
		data = Map.copyOf(data);
		Objects.requireNonNull(at, "at");
	}

	/**
	 * The activity type recorded when the status is set to {@code status}.
	 */
	public static String statusChange(IssueStatus status) {
		return switch (status) {
			case RESOLVED -> SET_RESOLVED;
			case UNRESOLVED -> SET_UNRESOLVED;
			case IGNORED -> SET_IGNORED;
		};
	}

}
