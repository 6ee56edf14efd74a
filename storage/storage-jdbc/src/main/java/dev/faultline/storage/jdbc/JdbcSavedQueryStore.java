package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.discover.SavedQuery;
import dev.faultline.storage.discover.SavedQueryStore;

/**
 * {@link SavedQueryStore} over the {@code discover_saved_queries} table. Every statement
 * names the organization, and the visibility rule (own or shared) is one WHERE clause.
 */
final class JdbcSavedQueryStore implements SavedQueryStore {

	private static final String SELECT = "SELECT id, organization_id, owner_user_id, name, shared, body, created_at, "
			+ "updated_at FROM discover_saved_queries ";

	private static final String VISIBLE = "organization_id = ? AND (owner_user_id = ? OR shared) ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcSavedQueryStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public SavedQuery create(long organizationId, long ownerUserId, String name, boolean shared, String body) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO discover_saved_queries (organization_id, owner_user_id, name, shared, body, created_at, "
						+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
				"the saved query was not stored: " + name, organizationId, ownerUserId, name, shared, body, now, now));
		return new SavedQuery(id, organizationId, ownerUserId, name, shared, body, now, now);
	}

	@Override
	public List<SavedQuery> listVisible(long organizationId, long userId) {
		return this.database.read((connection) -> Queries.list(connection,
				SELECT + "WHERE " + VISIBLE + "ORDER BY updated_at DESC, id DESC", JdbcSavedQueryStore::savedQuery,
				organizationId, userId));
	}

	@Override
	public Optional<SavedQuery> findVisible(long organizationId, long queryId, long userId) {
		return this.database.read((connection) -> Queries.first(connection, SELECT + "WHERE id = ? AND " + VISIBLE,
				JdbcSavedQueryStore::savedQuery, queryId, organizationId, userId));
	}

	@Override
	public Optional<SavedQuery> update(long organizationId, long queryId, long userId, String name, boolean shared,
			String body) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			int changed = Queries.update(connection,
					"UPDATE discover_saved_queries SET name = ?, shared = ?, body = ?, updated_at = ? "
							+ "WHERE id = ? AND organization_id = ? AND owner_user_id = ?",
					name, shared, body, now, queryId, organizationId, userId);
			if (changed == 0) {
				return Optional.empty();
			}
			return Queries.first(connection, SELECT + "WHERE id = ?", JdbcSavedQueryStore::savedQuery, queryId);
		});
	}

	@Override
	public boolean delete(long organizationId, long queryId, long userId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM discover_saved_queries WHERE id = ? AND organization_id = ? AND owner_user_id = ?",
				queryId, organizationId, userId)) > 0;
	}

	private static SavedQuery savedQuery(ResultSet row) throws SQLException {
		return new SavedQuery(row.getLong("id"), row.getLong("organization_id"),
				IssueRows.nullableLong(row, "owner_user_id"), row.getString("name"), row.getBoolean("shared"),
				row.getString("body"), Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
	}

}
