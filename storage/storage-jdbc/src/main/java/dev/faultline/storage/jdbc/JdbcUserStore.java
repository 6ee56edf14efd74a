package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;

/**
 * {@link UserStore} over the {@code users} and {@code api_tokens} tables.
 *
 * <p>
 * Emails are unique by a lower-cased copy ({@code email_key}, lower-cased in Java with
 * {@link Locale#ROOT}) so that both engines compare them the same way, including
 * non-ASCII letters, which SQLite's {@code NOCASE} would not fold. Scopes are stored as
 * one space-separated string, as OAuth writes them; a scope name never contains a space.
 */
final class JdbcUserStore implements UserStore {

	private static final String USER = "SELECT id, email, name, password_hash, date_created FROM users ";

	private final JdbcDatabase database;

	private final Clock clock;

	private final JdbcTokenStore tokens;

	JdbcUserStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
		this.tokens = new JdbcTokenStore(database, clock);
	}

	@Override
	public User create(String email, String name, String passwordHash) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO users (email, email_key, name, password_hash, date_created) VALUES (?, ?, ?, ?, ?) "
						+ "ON CONFLICT DO NOTHING RETURNING id",
				"a user has this email", email, emailKey(email), name, passwordHash, now));
		return new User(id, email, name, passwordHash, now);
	}

	@Override
	public Optional<User> findById(long id) {
		return this.database
			.read((connection) -> Queries.first(connection, USER + "WHERE id = ?", JdbcUserStore::user, id));
	}

	@Override
	public Optional<User> findByEmail(String email) {
		return this.database.read((connection) -> Queries.first(connection, USER + "WHERE email_key = ?",
				JdbcUserStore::user, emailKey(email)));
	}

	@Override
	public ApiToken createToken(long userId, String name, String tokenHash, Set<String> scopes) {
		return this.tokens.insert(userId, null, name, tokenHash, "", scopes);
	}

	@Override
	public Optional<ApiToken> findTokenByHash(String tokenHash) {
		return this.tokens.findByHash(tokenHash);
	}

	private static String emailKey(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	private static User user(ResultSet row) throws SQLException {
		return new User(row.getLong("id"), row.getString("email"), row.getString("name"),
				row.getString("password_hash"), Columns.instant(row, "date_created"));
	}

}
