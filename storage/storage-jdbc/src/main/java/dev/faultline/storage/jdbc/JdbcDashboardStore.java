package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.discover.Dashboard;
import dev.faultline.storage.discover.DashboardStore;
import dev.faultline.storage.metadata.DuplicateException;
import org.jspecify.annotations.Nullable;

/**
 * {@link DashboardStore} over the {@code dashboards} table. A taken title is found by the
 * insert's {@code ON CONFLICT DO NOTHING} on create and by a lookup in the same
 * transaction on update, so neither engine raises a constraint error (which would abort a
 * PostgreSQL transaction).
 */
final class JdbcDashboardStore implements DashboardStore {

	private static final String SELECT = "SELECT id, organization_id, created_by, title, body, created_at, updated_at "
			+ "FROM dashboards ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcDashboardStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Dashboard create(long organizationId, @Nullable Long createdBy, String title, String body) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO dashboards (organization_id, created_by, title, body, created_at, updated_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
				"Dashboard with that title already exists.", organizationId, createdBy, title, body, now, now));
		return new Dashboard(id, organizationId, createdBy, title, body, now, now);
	}

	@Override
	public List<Dashboard> list(long organizationId) {
		return this.database
			.read((connection) -> Queries.list(connection, SELECT + "WHERE organization_id = ? ORDER BY title, id",
					JdbcDashboardStore::dashboard, organizationId));
	}

	@Override
	public Optional<Dashboard> find(long organizationId, long dashboardId) {
		return this.database
			.read((connection) -> Queries.first(connection, SELECT + "WHERE id = ? AND organization_id = ?",
					JdbcDashboardStore::dashboard, dashboardId, organizationId));
	}

	@Override
	public Optional<Dashboard> update(long organizationId, long dashboardId, String title, String body) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> {
			boolean taken = Queries
				.first(connection, "SELECT id FROM dashboards WHERE organization_id = ? AND title = ? AND id <> ?",
						(row) -> row.getLong(1), organizationId, title, dashboardId)
				.isPresent();
			if (taken) {
				throw new DuplicateException("Dashboard with that title already exists.");
			}
			int changed = Queries.update(connection,
					"UPDATE dashboards SET title = ?, body = ?, updated_at = ? WHERE id = ? AND organization_id = ?",
					title, body, now, dashboardId, organizationId);
			if (changed == 0) {
				return Optional.empty();
			}
			return Queries.first(connection, SELECT + "WHERE id = ?", JdbcDashboardStore::dashboard, dashboardId);
		});
	}

	@Override
	public boolean delete(long organizationId, long dashboardId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM dashboards WHERE id = ? AND organization_id = ?", dashboardId, organizationId)) > 0;
	}

	private static Dashboard dashboard(ResultSet row) throws SQLException {
		return new Dashboard(row.getLong("id"), row.getLong("organization_id"),
				IssueRows.nullableLong(row, "created_by"), row.getString("title"), row.getString("body"),
				Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
	}

}
