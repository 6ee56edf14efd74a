package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.faultline.storage.metadata.SavedSearch;
import dev.faultline.storage.metadata.SavedSearchStore;

/**
 * {@link SavedSearchStore} over the {@code saved_searches} table. Names are unique per
 * owner ({@code UNIQUE (organization_id, owner_user_id, name)}) and, among shared
 * searches, per organization (a partial unique index), so a name clash is a conflict of
 * the insert on both engines.
 */
final class JdbcSavedSearchStore implements SavedSearchStore {

	private static final String SELECT = "SELECT id, organization_id, owner_user_id, name, query, sort, shared, "
			+ "created_at FROM saved_searches ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcSavedSearchStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public SavedSearch create(long organizationId, long ownerUserId, String name, String query, String sort,
			boolean shared) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO saved_searches (organization_id, owner_user_id, name, query, sort, shared, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
				"a saved search of that name exists: " + name, organizationId, ownerUserId, name, query, sort, shared,
				now));
		return new SavedSearch(id, organizationId, ownerUserId, name, query, sort, shared, now);
	}

	@Override
	public List<SavedSearch> listVisible(long organizationId, long userId) {
		return this.database.read((connection) -> Queries.list(connection,
				SELECT + "WHERE organization_id = ? AND (owner_user_id = ? OR shared) ORDER BY name, id",
				JdbcSavedSearchStore::savedSearch, organizationId, userId));
	}

	@Override
	public boolean delete(long organizationId, long searchId, long userId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM saved_searches WHERE id = ? AND organization_id = ? AND owner_user_id = ?", searchId,
				organizationId, userId)) > 0;
	}

	private static SavedSearch savedSearch(ResultSet row) throws SQLException {
		return new SavedSearch(row.getLong("id"), row.getLong("organization_id"),
				IssueRows.nullableLong(row, "owner_user_id"), row.getString("name"), row.getString("query"),
				row.getString("sort"), row.getBoolean("shared"), Columns.instant(row, "created_at"));
	}

}
