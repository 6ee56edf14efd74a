package dev.faultline.storage.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.sessions.StoredSession;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded sessions role: the {@code sessions} table of the event database
 * ({@code V3__sessions.sql}), on the event store's one connection and under its lock. A
 * batch is first merged per session in memory (an upsert may touch a row once per
 * statement), appended to a staging table, then upserted: a stored session takes the
 * greater version, error count and distinct id and keeps {@code init} once set, which is
 * {@link StoredSession#merge} in SQL.
 */
final class DuckDbSessionStore implements SessionWriter {

	private static final String STAGED = "project_id, session_id, distinct_id, started, release, environment, "
			+ "quantity, init, errors, seq, time_status, received_at";

	private static final String UPSERT = "INSERT INTO sessions (project_id, session_id, distinct_id, started, "
			+ "release, environment, quantity, init, errors, version, received_at) SELECT project_id, session_id, "
			+ "distinct_id, started, release, environment, quantity, init, errors, "
			+ "(seq::HUGEINT << 64) + time_status::HUGEINT, received_at FROM sessions_staging "
			+ "ON CONFLICT (project_id, session_id) DO UPDATE SET init = sessions.init OR excluded.init, "
			+ "errors = greatest(sessions.errors, excluded.errors), "
			+ "version = greatest(sessions.version, excluded.version), "
			+ "distinct_id = greatest(sessions.distinct_id, excluded.distinct_id), "
			+ "received_at = greatest(sessions.received_at, excluded.received_at)";

	private final DuckDbEventStore store;

	DuckDbSessionStore(DuckDbEventStore store) {
		this.store = store;
	}

	/**
	 * Creates the connection's staging table (a temporary table lives as long as the
	 * connection).
	 */
	static void createStaging(Statement statement) throws SQLException {
		statement.execute("CREATE TEMP TABLE sessions_staging (project_id BIGINT, session_id VARCHAR, "
				+ "distinct_id VARCHAR, started TIMESTAMP, release VARCHAR, environment VARCHAR, quantity BIGINT, "
				+ "init BOOLEAN, errors BIGINT, seq BIGINT, time_status BIGINT, received_at TIMESTAMP)");
	}

	@Override
	public void writeSessions(List<StoredSession> sessions) {
		if (sessions.isEmpty()) {
			return;
		}
		Map<String, StoredSession> merged = new LinkedHashMap<>();
		for (StoredSession session : sessions) {
			merged.merge(session.projectId() + ":" + session.sessionId(), session, StoredSession::merge);
		}
		this.store.inTransaction("Cannot write " + merged.size() + " sessions", (connection) -> {
			try (DuckDBAppender appender = connection.createAppender("temp", "main", "sessions_staging")) {
				for (StoredSession session : merged.values()) {
					appender.beginRow()
						.append(session.projectId())
						.append(session.sessionId())
						.append(Objects.requireNonNullElse(session.distinctId(), ""))
						.append(utc(session.started()))
						.append(session.release())
						.append(Objects.requireNonNullElse(session.environment(), ""))
						.append(session.quantity())
						.append(session.init())
						.append(session.errors())
						.append(session.seq())
						.append(session.timeAndStatus())
						.append(utc(session.receivedAt()))
						.endRow();
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(UPSERT);
				statement.execute("DELETE FROM sessions_staging");
			}
		});
	}

	/**
	 * Deletes the sessions that started before the cutoff; runs under the caller's lock.
	 */
	static void deleteOlderThan(DuckDBConnection connection, Instant cutoff) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM sessions WHERE started < epoch_ms(?::BIGINT)")) {
			statement.setLong(1, cutoff.toEpochMilli());
			statement.executeUpdate();
		}
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
	}

}
