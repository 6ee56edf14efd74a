package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.faultline.storage.metadata.Session;
import dev.faultline.storage.metadata.SessionStore;

/**
 * {@link SessionStore} over the {@code sessions} table. A lookup is one read by the
 * unique token hash, and expiry is checked in the query, so an expired row that was not
 * yet deleted never authenticates.
 */
final class JdbcSessionStore implements SessionStore {

	private static final String SESSION = "SELECT id, user_id, token_hash, csrf_hash, date_created, expires_at "
			+ "FROM sessions ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcSessionStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Session create(long userId, String tokenHash, String csrfHash, Instant expiresAt) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO sessions (user_id, token_hash, csrf_hash, date_created, expires_at) "
						+ "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
				"a session has this token hash", userId, tokenHash, csrfHash, now, expiresAt));
		return new Session(id, userId, tokenHash, csrfHash, now, Instant.ofEpochMilli(expiresAt.toEpochMilli()));
	}

	@Override
	public Optional<Session> findByTokenHash(String tokenHash, Instant now) {
		return this.database.read((connection) -> Queries.first(connection,
				SESSION + "WHERE token_hash = ? AND expires_at > ?", JdbcSessionStore::session, tokenHash, now));
	}

	@Override
	public boolean delete(String tokenHash) {
		return this.database.write(
				(connection) -> Queries.update(connection, "DELETE FROM sessions WHERE token_hash = ?", tokenHash)) > 0;
	}

	@Override
	public int deleteExpired(Instant now) {
		return this.database
			.write((connection) -> Queries.update(connection, "DELETE FROM sessions WHERE expires_at <= ?", now));
	}

	private static Session session(ResultSet row) throws SQLException {
		return new Session(row.getLong("id"), row.getLong("user_id"), row.getString("token_hash"),
				row.getString("csrf_hash"), Columns.instant(row, "date_created"), Columns.instant(row, "expires_at"));
	}

}
