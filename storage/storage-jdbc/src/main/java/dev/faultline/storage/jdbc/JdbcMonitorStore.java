package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.monitor.CheckIn;
import dev.faultline.storage.monitor.CheckInResult;
import dev.faultline.storage.monitor.CheckInResult.Transition;
import dev.faultline.storage.monitor.DueEnvironment;
import dev.faultline.storage.monitor.Monitor;
import dev.faultline.storage.monitor.MonitorConfig;
import dev.faultline.storage.monitor.MonitorEnvironment;
import dev.faultline.storage.monitor.MonitorStore;
import dev.faultline.storage.monitor.NewCheckIn;
import org.jspecify.annotations.Nullable;

/**
 * {@link MonitorStore} over the {@code monitors}, {@code monitor_environments},
 * {@code monitor_checkins} and {@code scheduler_leases} tables.
 * <p>
 * Every change to an environment first locks its row with a no-op update
 * ({@code SET name = name}): PostgreSQL holds the row lock to the commit, SQLite's writes
 * are serialized anyway, so one SQL text keeps the counters exact on both. Locks are
 * taken environment first, check-in second, in every method, so two transactions never
 * wait on each other in a circle. The detector's writes are compare-and-set updates
 * ({@code WHERE next_checkin = ?}, {@code WHERE status = 'in_progress'}): only the
 * transaction that changed the row goes on to write the missed or timed-out check-in.
 */
final class JdbcMonitorStore implements MonitorStore {

	private static final String MONITOR_COLUMNS = "id, organization_id, project_id, slug, name, status, muted, "
			+ "schedule_type, crontab, interval_value, interval_unit, timezone, checkin_margin, max_runtime, "
			+ "failure_issue_threshold, recovery_threshold, date_created";

	private static final String SELECT_MONITOR = "SELECT " + MONITOR_COLUMNS + " FROM monitors ";

	private static final String ENVIRONMENT_COLUMNS = "id, monitor_id, name, status, date_created, last_checkin, "
			+ "next_checkin, next_checkin_latest, failures, successes, incident_open";

	private static final String SELECT_ENVIRONMENT = "SELECT " + ENVIRONMENT_COLUMNS + " FROM monitor_environments ";

	private static final String SELECT_CHECKIN = "SELECT c.monitor_id, e.name AS environment, c.check_in_id, c.status, "
			+ "c.duration, c.date_added, c.date_updated, c.date_in_progress, c.expected_time, c.timeout_at, c.trace_id "
			+ "FROM monitor_checkins c JOIN monitor_environments e ON e.id = c.environment_id ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcMonitorStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Monitor create(long organizationId, long projectId, String slug, String name, String status,
			MonitorConfig config) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries
			.insert(connection, "INSERT INTO monitors (" + MONITOR_COLUMNS.substring("id, ".length())
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
					"a monitor with this slug exists: " + slug, organizationId, projectId, slug, name, status, false,
					config.scheduleType(), config.crontab(), config.intervalValue(), config.intervalUnit(),
					config.timezone(), config.checkinMargin(), config.maxRuntime(), config.failureIssueThreshold(),
					config.recoveryThreshold(), now));
		return new Monitor(id, organizationId, projectId, slug, name, status, false, config, now);
	}

	@Override
	public Optional<Monitor> upsertConfig(long organizationId, long projectId, String slug, MonitorConfig config) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			Queries.update(connection, "INSERT INTO monitors (" + MONITOR_COLUMNS.substring("id, ".length())
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
					+ "ON CONFLICT (organization_id, slug) DO UPDATE SET schedule_type = excluded.schedule_type, "
					+ "crontab = excluded.crontab, interval_value = excluded.interval_value, "
					+ "interval_unit = excluded.interval_unit, timezone = excluded.timezone, "
					+ "checkin_margin = excluded.checkin_margin, max_runtime = excluded.max_runtime, "
					+ "failure_issue_threshold = excluded.failure_issue_threshold, "
					+ "recovery_threshold = excluded.recovery_threshold WHERE monitors.project_id = excluded.project_id",
					organizationId, projectId, slug, slug, Monitor.ACTIVE, false, config.scheduleType(),
					config.crontab(), config.intervalValue(), config.intervalUnit(), config.timezone(),
					config.checkinMargin(), config.maxRuntime(), config.failureIssueThreshold(),
					config.recoveryThreshold(), now);
			return Queries
				.first(connection, SELECT_MONITOR + "WHERE organization_id = ? AND slug = ?", JdbcMonitorStore::monitor,
						organizationId, slug)
				.filter((monitor) -> monitor.projectId() == projectId);
		});
	}

	@Override
	public Optional<Monitor> find(long organizationId, String slug) {
		return this.database
			.read((connection) -> Queries.first(connection, SELECT_MONITOR + "WHERE organization_id = ? AND slug = ?",
					JdbcMonitorStore::monitor, organizationId, slug));
	}

	@Override
	public Optional<Monitor> findById(long monitorId) {
		return this.database.read((connection) -> Queries.first(connection, SELECT_MONITOR + "WHERE id = ?",
				JdbcMonitorStore::monitor, monitorId));
	}

	@Override
	public List<Monitor> list(long organizationId, Collection<Long> projectIds) {
		List<Object> values = new ArrayList<>();
		values.add(organizationId);
		String where = "WHERE organization_id = ?";
		if (!projectIds.isEmpty()) {
			where += " AND project_id IN (" + placeholders(projectIds.size()) + ")";
			values.addAll(projectIds);
		}
		String sql = SELECT_MONITOR + where + " ORDER BY name, id";
		return this.database
			.read((connection) -> Queries.list(connection, sql, JdbcMonitorStore::monitor, values.toArray()));
	}

	@Override
	public Optional<Monitor> update(Monitor changed) {
		MonitorConfig config = changed.config();
		return this.database.write((connection) -> {
			boolean taken = Queries
				.first(connection, "SELECT id FROM monitors WHERE organization_id = ? AND slug = ? AND id <> ?",
						(row) -> row.getLong(1), changed.organizationId(), changed.slug(), changed.id())
				.isPresent();
			if (taken) {
				throw new DuplicateException("a monitor with this slug exists: " + changed.slug());
			}
			Queries.update(connection, "UPDATE monitors SET slug = ?, name = ?, status = ?, muted = ?, "
					+ "schedule_type = ?, crontab = ?, interval_value = ?, interval_unit = ?, timezone = ?, "
					+ "checkin_margin = ?, max_runtime = ?, failure_issue_threshold = ?, recovery_threshold = ? "
					+ "WHERE id = ?", changed.slug(), changed.name(), changed.status(), changed.muted(),
					config.scheduleType(), config.crontab(), config.intervalValue(), config.intervalUnit(),
					config.timezone(), config.checkinMargin(), config.maxRuntime(), config.failureIssueThreshold(),
					config.recoveryThreshold(), changed.id());
			return Queries.first(connection, SELECT_MONITOR + "WHERE id = ?", JdbcMonitorStore::monitor, changed.id());
		});
	}

	@Override
	public boolean delete(long monitorId) {
		return this.database
			.write((connection) -> Queries.update(connection, "DELETE FROM monitors WHERE id = ?", monitorId)) > 0;
	}

	@Override
	public Map<Long, List<MonitorEnvironment>> environments(Collection<Long> monitorIds) {
		Map<Long, List<MonitorEnvironment>> byMonitor = new LinkedHashMap<>();
		if (monitorIds.isEmpty()) {
			return byMonitor;
		}
		String sql = SELECT_ENVIRONMENT + "WHERE monitor_id IN (" + placeholders(monitorIds.size())
				+ ") ORDER BY monitor_id, name";
		List<MonitorEnvironment> rows = this.database
			.read((connection) -> Queries.list(connection, sql, JdbcMonitorStore::environment, monitorIds.toArray()));
		for (MonitorEnvironment row : rows) {
			byMonitor.computeIfAbsent(row.monitorId(), (key) -> new ArrayList<>()).add(row);
		}
		return byMonitor;
	}

	@Override
	public boolean deleteEnvironment(long monitorId, String environment) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM monitor_environments WHERE monitor_id = ? AND name = ?", monitorId, environment)) > 0;
	}

	@Override
	public List<CheckIn> checkIns(long monitorId, @Nullable String environment, Instant since, int limit) {
		List<Object> values = new ArrayList<>(List.of(monitorId, since));
		String where = "WHERE c.monitor_id = ? AND c.date_added >= ?";
		if (environment != null) {
			where += " AND e.name = ?";
			values.add(environment);
		}
		values.add(limit);
		String sql = SELECT_CHECKIN + where + " ORDER BY c.date_added DESC, c.id DESC LIMIT ?";
		return this.database
			.read((connection) -> Queries.list(connection, sql, JdbcMonitorStore::checkIn, values.toArray()));
	}

	@Override
	public CheckInResult recordCheckIn(NewCheckIn given) {
		Instant now = given.receivedAt().truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> {
			long environmentId = environmentId(connection, given.monitorId(), given.environment(), now);
			MonitorEnvironment environment = lockEnvironment(connection, environmentId);
			Optional<CheckIn> existing = Queries.first(connection,
					SELECT_CHECKIN + "WHERE c.monitor_id = ? AND c.check_in_id = ?", JdbcMonitorStore::checkIn,
					given.monitorId(), given.checkInId());
			if (existing.isPresent()) {
				CheckIn open = existing.get();
				boolean closes = CheckIn.IN_PROGRESS.equals(open.status())
						&& !CheckIn.IN_PROGRESS.equals(given.status());
				if (!closes) {
					return new CheckInResult(open, environment, Transition.IGNORED);
				}
				long duration = (given.durationMillis() != null) ? given.durationMillis()
						: Math.max(0, Duration.between(open.dateAdded(), now).toMillis());
				Queries.update(connection,
						"UPDATE monitor_checkins SET status = ?, duration = ?, date_updated = ?, timeout_at = NULL "
								+ "WHERE monitor_id = ? AND check_in_id = ?",
						given.status(), duration, now, given.monitorId(), given.checkInId());
				CheckIn closed = new CheckIn(open.monitorId(), open.environment(), open.checkInId(), given.status(),
						duration, open.dateAdded(), now, open.dateInProgress(), open.expectedTime(), null,
						open.traceId());
				State state = State.of(environment).apply(given.status(), given.thresholds());
				MonitorEnvironment updated = state.write(connection, environment, now, null, null);
				return new CheckInResult(closed, updated, state.transition);
			}
			boolean inProgress = CheckIn.IN_PROGRESS.equals(given.status());
			Instant timeoutAt = inProgress ? given.timeoutAt() : null;
			Queries.update(connection,
					"INSERT INTO monitor_checkins (monitor_id, environment_id, check_in_id, status, duration, "
							+ "date_added, date_updated, date_in_progress, expected_time, timeout_at, trace_id) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					given.monitorId(), environmentId, given.checkInId(), given.status(), given.durationMillis(), now,
					now, inProgress ? now : null, environment.nextCheckIn(), timeoutAt, given.traceId());
			CheckIn stored = new CheckIn(given.monitorId(), environment.name(), given.checkInId(), given.status(),
					given.durationMillis(), now, now, inProgress ? now : null, environment.nextCheckIn(), timeoutAt,
					given.traceId());
			State state = State.of(environment).apply(given.status(), given.thresholds());
			MonitorEnvironment updated = state.write(connection, environment, now, given.nextCheckIn(),
					given.nextCheckInLatest());
			return new CheckInResult(stored, updated, state.transition);
		});
	}

	@Override
	public List<DueEnvironment> dueEnvironments(Instant now, int limit) {
		return this.database.read((connection) -> {
			List<MonitorEnvironment> due = Queries.list(connection, "SELECT " + prefixed("e.", ENVIRONMENT_COLUMNS)
					+ " FROM monitor_environments e JOIN monitors m ON m.id = e.monitor_id "
					+ "WHERE e.next_checkin_latest <= ? AND m.status = ? ORDER BY e.next_checkin_latest, e.id LIMIT ?",
					JdbcMonitorStore::environment, now, Monitor.ACTIVE, limit);
			List<DueEnvironment> result = new ArrayList<>(due.size());
			for (MonitorEnvironment environment : due) {
				Queries
					.first(connection, SELECT_MONITOR + "WHERE id = ?", JdbcMonitorStore::monitor,
							environment.monitorId())
					.ifPresent((monitor) -> result.add(new DueEnvironment(monitor, environment)));
			}
			return result;
		});
	}

	@Override
	public Optional<CheckInResult> markMissed(long environmentId, Instant expected, Instant next, Instant nextLatest,
			String checkInId, Instant now, NewCheckIn.Thresholds thresholds) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> {
			int moved = Queries.update(connection,
					"UPDATE monitor_environments SET next_checkin = ?, "
							+ "next_checkin_latest = ? WHERE id = ? AND next_checkin = ?",
					next, nextLatest, environmentId, expected);
			if (moved == 0) {
				return Optional.empty();
			}
			MonitorEnvironment environment = lockEnvironment(connection, environmentId);
			Queries.update(connection,
					"INSERT INTO monitor_checkins (monitor_id, environment_id, check_in_id, status, duration, "
							+ "date_added, date_updated, date_in_progress, expected_time, timeout_at, trace_id) "
							+ "VALUES (?, ?, ?, ?, NULL, ?, ?, NULL, ?, NULL, NULL) ON CONFLICT DO NOTHING",
					environment.monitorId(), environmentId, checkInId, CheckIn.MISSED, at, at, expected);
			CheckIn missed = new CheckIn(environment.monitorId(), environment.name(), checkInId, CheckIn.MISSED, null,
					at, at, null, expected, null, null);
			State state = State.of(environment).apply(CheckIn.MISSED, thresholds);
			MonitorEnvironment updated = state.write(connection, environment, null, null, null);
			return Optional.of(new CheckInResult(missed, updated, state.transition));
		});
	}

	@Override
	public List<CheckIn> dueTimeouts(Instant now, int limit) {
		return this.database.read((connection) -> Queries.list(connection,
				SELECT_CHECKIN + "WHERE c.status = ? AND c.timeout_at <= ? ORDER BY c.timeout_at, c.id LIMIT ?",
				JdbcMonitorStore::checkIn, CheckIn.IN_PROGRESS, now, limit));
	}

	@Override
	public Optional<CheckInResult> markTimedOut(long monitorId, String checkInId, Instant now,
			NewCheckIn.Thresholds thresholds) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> {
			Optional<Long> environmentId = Queries.first(connection,
					"SELECT environment_id FROM monitor_checkins WHERE monitor_id = ? AND check_in_id = ?",
					(row) -> row.getLong(1), monitorId, checkInId);
			if (environmentId.isEmpty()) {
				return Optional.empty();
			}
			MonitorEnvironment environment = lockEnvironment(connection, environmentId.get());
			int changed = Queries.update(connection,
					"UPDATE monitor_checkins SET status = ?, date_updated = ?, timeout_at = NULL "
							+ "WHERE monitor_id = ? AND check_in_id = ? AND status = ?",
					CheckIn.TIMEOUT, at, monitorId, checkInId, CheckIn.IN_PROGRESS);
			if (changed == 0) {
				return Optional.empty();
			}
			CheckIn timedOut = Queries
				.first(connection, SELECT_CHECKIN + "WHERE c.monitor_id = ? AND c.check_in_id = ?",
						JdbcMonitorStore::checkIn, monitorId, checkInId)
				.orElseThrow();
			State state = State.of(environment).apply(CheckIn.TIMEOUT, thresholds);
			MonitorEnvironment updated = state.write(connection, environment, null, null, null);
			return Optional.of(new CheckInResult(timedOut, updated, state.transition));
		});
	}

	@Override
	public boolean tryLease(String name, String holder, Instant now, Duration ttl) {
		return this.database.write((connection) -> Queries
			.first(connection,
					"INSERT INTO scheduler_leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) "
							+ "DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
							+ "WHERE scheduler_leases.holder = excluded.holder OR scheduler_leases.expires_at <= ? "
							+ "RETURNING holder",
					(row) -> row.getString(1), name, holder, now.plus(ttl), now)
			.isPresent());
	}

	private static long environmentId(Connection connection, long monitorId, String name, Instant now)
			throws SQLException {
		Queries.update(connection,
				"INSERT INTO monitor_environments (monitor_id, name, status, date_created, failures, successes, "
						+ "incident_open) VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (monitor_id, name) DO NOTHING",
				monitorId, name, MonitorEnvironment.STATUS_ACTIVE, now, false);
		return Queries
			.first(connection, "SELECT id FROM monitor_environments WHERE monitor_id = ? AND name = ?",
					(row) -> row.getLong(1), monitorId, name)
			.orElseThrow();
	}

	/** Locks the environment's row to the end of the transaction and reads it. */
	private static MonitorEnvironment lockEnvironment(Connection connection, long environmentId) throws SQLException {
		Queries.update(connection, "UPDATE monitor_environments SET name = name WHERE id = ?", environmentId);
		return Queries
			.first(connection, SELECT_ENVIRONMENT + "WHERE id = ?", JdbcMonitorStore::environment, environmentId)
			.orElseThrow();
	}

	/** An environment's counters and status, and what a check-in does to them. */
	private record State(String status, int failures, int successes, boolean incidentOpen, Transition transition) {

		static State of(MonitorEnvironment environment) {
			return new State(environment.status(), environment.failures(), environment.successes(),
					environment.incidentOpen(), Transition.NONE);
		}

		State apply(String checkInStatus, NewCheckIn.Thresholds thresholds) {
			if (CheckIn.isFailure(checkInStatus)) {
				int failed = this.failures + 1;
				String failedStatus = CheckIn.MISSED.equals(checkInStatus) ? "missed_checkin" : checkInStatus;
				if (this.incidentOpen) {
					return new State(failedStatus, failed, 0, true, Transition.INCIDENT_CONTINUED);
				}
				if (failed >= thresholds.failure()) {
					return new State(failedStatus, failed, 0, true, Transition.INCIDENT_OPENED);
				}
				return new State(this.status, failed, 0, false, Transition.NONE);
			}
			if (CheckIn.OK.equals(checkInStatus)) {
				int succeeded = this.successes + 1;
				if (!this.incidentOpen) {
					return new State(MonitorEnvironment.STATUS_OK, 0, succeeded, false, Transition.NONE);
				}
				if (succeeded >= thresholds.recovery()) {
					return new State(MonitorEnvironment.STATUS_OK, 0, succeeded, false, Transition.INCIDENT_RESOLVED);
				}
				return new State(this.status, 0, succeeded, true, Transition.NONE);
			}
			return this;
		}

		/**
		 * Writes the counters and status, and the check-in and expected times that are
		 * given (null keeps them).
		 */
		MonitorEnvironment write(Connection connection, MonitorEnvironment environment, @Nullable Instant lastCheckIn,
				@Nullable Instant next, @Nullable Instant nextLatest) throws SQLException {
			Instant last = (lastCheckIn != null) ? lastCheckIn : environment.lastCheckIn();
			Instant nextCheckIn = (next != null) ? next : environment.nextCheckIn();
			Instant latest = (nextLatest != null) ? nextLatest : environment.nextCheckInLatest();
			Queries.update(connection,
					"UPDATE monitor_environments SET status = ?, failures = ?, successes = ?, incident_open = ?, "
							+ "last_checkin = ?, next_checkin = ?, next_checkin_latest = ? WHERE id = ?",
					this.status, this.failures, this.successes, this.incidentOpen, last, nextCheckIn, latest,
					environment.id());
			return new MonitorEnvironment(environment.id(), environment.monitorId(), environment.name(), this.status,
					environment.dateCreated(), last, nextCheckIn, latest, this.failures, this.successes,
					this.incidentOpen);
		}

	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static String prefixed(String prefix, String columns) {
		StringBuilder out = new StringBuilder();
		for (String column : columns.split(", ")) {
			if (out.length() > 0) {
				out.append(", ");
			}
			out.append(prefix).append(column);
		}
		return out.toString();
	}

	private static Monitor monitor(ResultSet row) throws SQLException {
		MonitorConfig config = new MonitorConfig(row.getString("schedule_type"), row.getString("crontab"),
				row.getInt("interval_value"), row.getString("interval_unit"), row.getString("timezone"),
				nullableInt(row, "checkin_margin"), nullableInt(row, "max_runtime"),
				nullableInt(row, "failure_issue_threshold"), nullableInt(row, "recovery_threshold"));
		return new Monitor(row.getLong("id"), row.getLong("organization_id"), row.getLong("project_id"),
				row.getString("slug"), row.getString("name"), row.getString("status"), row.getBoolean("muted"), config,
				Columns.instant(row, "date_created"));
	}

	private static MonitorEnvironment environment(ResultSet row) throws SQLException {
		return new MonitorEnvironment(row.getLong("id"), row.getLong("monitor_id"), row.getString("name"),
				row.getString("status"), Columns.instant(row, "date_created"),
				Columns.nullableInstant(row, "last_checkin"), Columns.nullableInstant(row, "next_checkin"),
				Columns.nullableInstant(row, "next_checkin_latest"), row.getInt("failures"), row.getInt("successes"),
				row.getBoolean("incident_open"));
	}

	private static CheckIn checkIn(ResultSet row) throws SQLException {
		return new CheckIn(row.getLong("monitor_id"), row.getString("environment"), row.getString("check_in_id"),
				row.getString("status"), IssueRows.nullableLong(row, "duration"), Columns.instant(row, "date_added"),
				Columns.instant(row, "date_updated"), Columns.nullableInstant(row, "date_in_progress"),
				Columns.nullableInstant(row, "expected_time"), Columns.nullableInstant(row, "timeout_at"),
				row.getString("trace_id"));
	}

	private static @Nullable Integer nullableInt(ResultSet row, String column) throws SQLException {
		int value = row.getInt(column);
		return row.wasNull() ? null : value;
	}

}
