package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.TokenStore;
import org.jspecify.annotations.Nullable;

/**
 * {@link TokenStore} over the {@code api_tokens} table: personal tokens have no
 * {@code organization_id}, organization tokens have one (and {@code user_id} is their
 * creator). Scopes are one space-separated string, as OAuth writes them.
 */
final class JdbcTokenStore implements TokenStore {

	static final String TOKEN = "SELECT id, user_id, organization_id, name, token_hash, scopes, token_last_characters, "
			+ "date_created, date_last_used FROM api_tokens ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcTokenStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public ApiToken createPersonal(long userId, String name, String tokenHash, String lastCharacters,
			Set<String> scopes) {
		return insert(userId, null, name, tokenHash, lastCharacters, scopes);
	}

	@Override
	public ApiToken createForOrganization(long organizationId, long createdBy, String name, String tokenHash,
			String lastCharacters, Set<String> scopes) {
		return insert(createdBy, organizationId, name, tokenHash, lastCharacters, scopes);
	}

	ApiToken insert(long userId, @Nullable Long organizationId, String name, String tokenHash, String lastCharacters,
			Set<String> scopes) {
		for (String scope : scopes) {
			if (scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
				throw new IllegalArgumentException("invalid scope name: '" + scope + "'");
			}
		}
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO api_tokens (user_id, organization_id, name, token_hash, scopes, token_last_characters, "
						+ "date_created) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
				"a token has this hash", userId, organizationId, name, tokenHash,
				String.join(" ", new TreeSet<>(scopes)), lastCharacters, now));
		return new ApiToken(id, userId, organizationId, name, tokenHash, scopes, lastCharacters, now, null);
	}

	@Override
	public Optional<ApiToken> findByHash(String tokenHash) {
		return this.database.read((connection) -> Queries.first(connection, TOKEN + "WHERE token_hash = ?",
				JdbcTokenStore::token, tokenHash));
	}

	@Override
	public List<ApiToken> listPersonal(long userId) {
		return this.database.read((connection) -> Queries.list(connection,
				TOKEN + "WHERE user_id = ? AND organization_id IS NULL ORDER BY date_created, id",
				JdbcTokenStore::token, userId));
	}

	@Override
	public List<ApiToken> listForOrganization(long organizationId) {
		return this.database.read((connection) -> Queries.list(connection,
				TOKEN + "WHERE organization_id = ? ORDER BY date_created, id", JdbcTokenStore::token, organizationId));
	}

	@Override
	public boolean deletePersonal(long userId, long tokenId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM api_tokens WHERE id = ? AND user_id = ? AND organization_id IS NULL", tokenId,
				userId)) > 0;
	}

	@Override
	public boolean deleteForOrganization(long organizationId, long tokenId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM api_tokens WHERE id = ? AND organization_id = ?", tokenId, organizationId)) > 0;
	}

	@Override
	public Optional<ApiToken> renameForOrganization(long organizationId, long tokenId, String name) {
		return this.database.write((connection) -> {
			Queries.update(connection, "UPDATE api_tokens SET name = ? WHERE id = ? AND organization_id = ?", name,
					tokenId, organizationId);
			return Queries.first(connection, TOKEN + "WHERE id = ? AND organization_id = ?", JdbcTokenStore::token,
					tokenId, organizationId);
		});
	}

	@Override
	public void recordUse(long tokenId, Instant at) {
		Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
		this.database
			.write((connection) -> Queries.update(connection, "UPDATE api_tokens SET date_last_used = ? WHERE id = ? "
					+ "AND (date_last_used IS NULL OR date_last_used < ?)", millis, tokenId, millis));
	}

	static ApiToken token(ResultSet row) throws SQLException {
		String scopes = row.getString("scopes");
		Set<String> scopeSet = scopes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(" ")));
		long organizationId = row.getLong("organization_id");
		Long organization = row.wasNull() ? null : organizationId;
		return new ApiToken(row.getLong("id"), row.getLong("user_id"), organization, row.getString("name"),
				row.getString("token_hash"), scopeSet, row.getString("token_last_characters"),
				Columns.instant(row, "date_created"), Columns.nullableInstant(row, "date_last_used"));
	}

}
