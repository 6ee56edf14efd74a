package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.StatusChange;
import dev.faultline.storage.metadata.StatusDetails;
import org.jspecify.annotations.Nullable;

/**
 * Status changes and the rules that undo them: regressions of resolved issues and
 * wake-ups of ignored ones. Every method runs inside the caller's write transaction.
 *
 * <p>
 * Rules, as Sentry applies them:
 * <ul>
 * <li>Regression: a plain resolution reopens on any newly counted event; a resolution in
 * the next release only on an event whose release the project first saw after the
 * resolution ({@code status_changed_at}); a resolution in release {@code v} only on an
 * event of a later release ({@link ReleaseOrder#isLater}). Events without a release never
 * regress a resolution in a release.</li>
 * <li>Ignore counts without a window count from the ignore: {@code times_seen} and
 * {@code user_count} are saved when the issue is ignored ({@code ignore_times_seen},
 * {@code ignore_user_count}) and the issue wakes when the difference reaches the count,
 * as Sentry's {@code GroupSnooze} does. So {@code ignoreUserCount} counts users new to
 * the issue.</li>
 * <li>With a window, the events (distinct user keys) whose time lies within the
 * {@code window} minutes up to the new event's time and not before the ignore are
 * counted.</li>
 * <li>{@code ignoreUntil} wakes the issue at its next event once the event time or the
 * store clock reaches it, and in {@link #wakeExpired} sweeps.</li>
 * </ul>
 */
final class IssueStatusRules {

	/** {@code data.reason} of a wake-up activity. */
	static final String IGNORE_UNTIL = "ignore_until";

	static final String IGNORE_COUNT = "ignore_count";

	static final String IGNORE_USER_COUNT = "ignore_user_count";

	private static final long MINUTE = 60_000;

	private final IssueRows rows;

	private final IssueActivities activities;

	private final Clock clock;

	IssueStatusRules(IssueRows rows, IssueActivities activities, Clock clock) {
		this.rows = rows;
		this.activities = activities;
		this.clock = clock;
	}

	/**
	 * Applies the regression and wake-up rules after {@code occurrence} was counted
	 * against {@code issueId} for the first time.
	 */
	void afterOccurrence(Connection connection, long issueId, EventOccurrence occurrence) throws SQLException {
		State state = state(connection, issueId);
		if (state.status() == IssueStatus.RESOLVED && regresses(connection, state, occurrence)) {
			reopen(connection, issueId);
			Map<String, String> data = new HashMap<>();
			data.put("event_id", occurrence.eventId());
			if (occurrence.release() != null) {
				data.put("version", occurrence.release());
			}
			this.activities.add(connection, issueId, IssueActivity.SET_REGRESSION, data, null, occurrence.timestamp());
		}
		else if (state.status() == IssueStatus.IGNORED) {
			String reason = wakeReason(connection, issueId, state, occurrence.timestamp());
			if (reason != null) {
				wake(connection, issueId, reason, Columns.now(this.clock));
			}
		}
	}

	/**
	 * Wakes every ignored issue whose {@code ignoreUntil} is not after {@code now}.
	 */
	int wakeExpired(Connection connection, Instant now) throws SQLException {
		List<Long> expired = Queries.list(connection,
				"SELECT id FROM issues WHERE status = ? AND ignore_until IS NOT NULL AND ignore_until <= ? ORDER BY id",
				(row) -> row.getLong(1), IssueStatus.IGNORED.apiName(), now);
		for (long id : expired) {
			wake(connection, id, IGNORE_UNTIL, now);
		}
		return expired.size();
	}

	/**
	 * Sets the status and details; see {@code IssueStore.updateStatus}.
	 */
	Optional<Issue> update(Connection connection, long id, StatusChange change, @Nullable Long actorUserId)
			throws SQLException {
		Optional<Issue> current = this.rows.find(connection, id);
		if (current.isEmpty()) {
			return current;
		}
		StatusDetails details = details(connection, id, change, actorUserId);
		if (current.get().status() == change.status()
				&& withoutActor(current.get().statusDetails()).equals(withoutActor(details))) {
			return current;
		}
		Instant now = Columns.now(this.clock);
		// An ignore saves the counters its counts start from; other statuses clear them.
		String bases = (change instanceof StatusChange.Ignore)
				? "ignore_times_seen = times_seen, ignore_user_count = user_count"
				: "ignore_times_seen = NULL, ignore_user_count = NULL";
		Queries.update(connection,
				"UPDATE issues SET status = ?, status_details = ?, status_changed_at = ?, ignore_until = ?, " + bases
						+ " WHERE id = ?",
				change.status().apiName(), this.rows.statusDetails().write(details), now, details.ignoreUntil(), id);
		this.activities.add(connection, id, change.activityType(), activityData(details), actorUserId, now);
		return this.rows.find(connection, id);
	}

	private boolean regresses(Connection connection, State state, EventOccurrence occurrence) throws SQLException {
		StatusDetails details = state.details();
		String release = occurrence.release();
		if (details.inNextRelease()) {
			return release != null
					&& ReleaseOrder.isNewerThan(connection, occurrence.projectId(), release, state.changedAt());
		}
		if (details.inRelease() != null) {
			return release != null && ReleaseOrder.isLater(connection, occurrence.projectId(), release,
					details.inRelease(), state.changedAt());
		}
		return true;
	}

	private @Nullable String wakeReason(Connection connection, long issueId, State state, Instant eventTime)
			throws SQLException {
		StatusDetails details = state.details();
		Instant until = details.ignoreUntil();
		if (until != null && (!eventTime.isBefore(until) || !Columns.now(this.clock).isBefore(until))) {
			return IGNORE_UNTIL;
		}
		if (details.ignoreCount() != null) {
			long events = (details.ignoreWindow() == null) ? state.timesSeen() - state.timesSeenBase()
					: inWindow(connection, "COUNT(*)", issueId, state, details.ignoreWindow(), eventTime);
			if (events >= details.ignoreCount()) {
				return IGNORE_COUNT;
			}
		}
		if (details.ignoreUserCount() != null) {
			long users = (details.ignoreUserWindow() == null) ? state.userCount() - state.userCountBase() : inWindow(
					connection, "COUNT(DISTINCT user_key)", issueId, state, details.ignoreUserWindow(), eventTime);
			if (users >= details.ignoreUserCount()) {
				return IGNORE_USER_COUNT;
			}
		}
		return null;
	}

	/**
	 * Counts the issue's events within {@code minutes} up to {@code eventTime}, not
	 * before the ignore; {@code aggregate} is one of two fixed expressions.
	 */
	private static long inWindow(Connection connection, String aggregate, long issueId, State state, int minutes,
			Instant eventTime) throws SQLException {
		long end = eventTime.toEpochMilli();
		long start = end - minutes * MINUTE;
		return Queries
			.first(connection,
					"SELECT " + aggregate + " FROM issue_events WHERE issue_id = ? AND seen_at > ? AND seen_at <= ? "
							+ "AND seen_at >= ?",
					(row) -> row.getLong(1), issueId, start, end, state.changedAt())
			.orElse(0L);
	}

	private void reopen(Connection connection, long issueId) throws SQLException {
		Queries.update(connection,
				"UPDATE issues SET status = ?, status_details = '{}', status_changed_at = ?, ignore_until = NULL, "
						+ "ignore_times_seen = NULL, ignore_user_count = NULL WHERE id = ?",
				IssueStatus.UNRESOLVED.apiName(), Columns.now(this.clock), issueId);
	}

	private void wake(Connection connection, long issueId, String reason, Instant at) throws SQLException {
		reopen(connection, issueId);
		this.activities.add(connection, issueId, IssueActivity.SET_UNRESOLVED, Map.of("reason", reason), null, at);
	}

	private static StatusDetails details(Connection connection, long issueId, StatusChange change,
			@Nullable Long actorUserId) throws SQLException {
		if (change instanceof StatusChange.Resolve) {
			return new StatusDetails(null, false, null, null, null, null, null, actorUserId);
		}
		if (change instanceof StatusChange.ResolveInNextRelease) {
			return new StatusDetails(latestRelease(connection, issueId), true, null, null, null, null, null,
					actorUserId);
		}
		if (change instanceof StatusChange.ResolveInRelease inRelease) {
			return new StatusDetails(inRelease.version(), false, null, null, null, null, null, actorUserId);
		}
		if (change instanceof StatusChange.Ignore ignore) {
			return new StatusDetails(null, false, ignore.until(), ignore.count(), ignore.window(), ignore.userCount(),
					ignore.userWindow(), actorUserId);
		}
		return StatusDetails.NONE;
	}

	/** The release of the issue's most recent occurrence that has one. */
	private static @Nullable String latestRelease(Connection connection, long issueId) throws SQLException {
		return Queries
			.first(connection,
					"SELECT release_version FROM issue_events WHERE issue_id = ? AND release_version IS NOT NULL "
							+ "ORDER BY seen_at DESC, event_id DESC LIMIT 1",
					(row) -> row.getString(1), issueId)
			.orElse(null);
	}

	private static Map<String, String> activityData(StatusDetails details) {
		Map<String, String> data = new HashMap<>();
		if (details.inRelease() != null) {
			data.put("version", details.inRelease());
		}
		if (details.inNextRelease()) {
			data.put("inNextRelease", "true");
		}
		if (details.ignoreUntil() != null) {
			data.put("ignoreUntil", details.ignoreUntil().toString());
		}
		putNumber(data, "ignoreCount", details.ignoreCount());
		putNumber(data, "ignoreWindow", details.ignoreWindow());
		putNumber(data, "ignoreUserCount", details.ignoreUserCount());
		putNumber(data, "ignoreUserWindow", details.ignoreUserWindow());
		return data;
	}

	private static void putNumber(Map<String, String> data, String key, @Nullable Number value) {
		if (value != null) {
			data.put(key, value.toString());
		}
	}

	private static StatusDetails withoutActor(StatusDetails details) {
		return new StatusDetails(details.inRelease(), details.inNextRelease(), details.ignoreUntil(),
				details.ignoreCount(), details.ignoreWindow(), details.ignoreUserCount(), details.ignoreUserWindow(),
				null);
	}

	private State state(Connection connection, long issueId) throws SQLException {
		return Queries
			.first(connection,
					"SELECT status, status_details, status_changed_at, times_seen, user_count, ignore_times_seen, "
							+ "ignore_user_count FROM issues WHERE id = ?",
					(row) -> new State(IssueStatus.fromApiName(row.getString("status")),
							this.rows.statusDetails().read(row.getString("status_details")),
							row.getLong("status_changed_at"), row.getLong("times_seen"), row.getLong("user_count"),
							row.getLong("ignore_times_seen"), row.getLong("ignore_user_count")),
					issueId)
			.orElseThrow(() -> new IllegalStateException("issue " + issueId + " vanished"));
	}

	/**
	 * What the rules read of an issue; absent times and bases read as 0 (rows from before
	 * the workflow columns).
	 */
	private record State(IssueStatus status, StatusDetails details, long changedAt, long timesSeen, long userCount,
			long timesSeenBase, long userCountBase) {

	}

}
