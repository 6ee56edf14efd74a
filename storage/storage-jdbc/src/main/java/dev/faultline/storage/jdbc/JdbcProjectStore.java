package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.metadata.KeyRateLimit;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectKey;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

/**
 * {@link ProjectStore} over the {@code projects} and {@code project_keys} tables.
 */
final class JdbcProjectStore implements ProjectStore {

	private static final String PROJECT = "SELECT id, organization_id, team_id, slug, name, platform, date_created, "
			+ "first_event FROM projects ";

	private static final String KEY = "SELECT id, project_id, public_key, secret_key, label, active, date_created "
			+ "FROM project_keys ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcProjectStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Project create(long organizationId, long teamId, String slug, String name, String platform) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO projects (organization_id, team_id, slug, name, platform, date_created) "
						+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
				"project slug exists in organization " + organizationId + ": " + slug, organizationId, teamId, slug,
				name, platform, now));
		return new Project(id, organizationId, teamId, slug, name, platform, now);
	}

	@Override
	public Optional<Project> findById(long id) {
		return this.database
			.read((connection) -> Queries.first(connection, PROJECT + "WHERE id = ?", JdbcProjectStore::project, id));
	}

	@Override
	public Optional<Project> findBySlug(long organizationId, String slug) {
		return this.database.read((connection) -> Queries.first(connection,
				PROJECT + "WHERE organization_id = ? AND slug = ?", JdbcProjectStore::project, organizationId, slug));
	}

	@Override
	public List<Project> listByOrganization(long organizationId) {
		return this.database.read((connection) -> Queries.list(connection,
				PROJECT + "WHERE organization_id = ? ORDER BY slug", JdbcProjectStore::project, organizationId));
	}

	@Override
	public ProjectKey createKey(long projectId, String label, String publicKey, String secretKey) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO project_keys (project_id, public_key, secret_key, label, active, date_created) "
						+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
				"public key exists", projectId, publicKey, secretKey, label, true, now));
		return new ProjectKey(id, projectId, publicKey, secretKey, label, true, now);
	}

	@Override
	public List<ProjectKey> listKeys(long projectId) {
		return this.database.read((connection) -> Queries.list(connection, KEY + "WHERE project_id = ? ORDER BY id",
				JdbcProjectStore::key, projectId));
	}

	@Override
	public Optional<ProjectKey> findKeyByPublicKey(String publicKey) {
		return this.database.read((connection) -> Queries.first(connection, KEY + "WHERE public_key = ?",
				JdbcProjectStore::key, publicKey));
	}

	@Override
	public Optional<ProjectKey> updateKey(long projectId, String publicKey, @Nullable String label,
			@Nullable Boolean active) {
		// COALESCE keeps a field the caller left null: one statement for every
		// combination.
		return this.database.write((connection) -> Queries.first(connection,
				"UPDATE project_keys SET label = COALESCE(?, label), active = COALESCE(?, active) "
						+ "WHERE project_id = ? AND public_key = ? "
						+ "RETURNING id, project_id, public_key, secret_key, label, active, date_created",
				JdbcProjectStore::key, label, active, projectId, publicKey));
	}

	@Override
	public boolean deleteKey(long projectId, String publicKey) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM project_keys WHERE project_id = ? AND public_key = ?", projectId, publicKey)) > 0;
	}

	@Override
	public Optional<KeyRateLimit> findKeyRateLimit(String publicKey) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT rate_limit_count, rate_limit_window FROM project_keys "
						+ "WHERE public_key = ? AND rate_limit_count IS NOT NULL AND rate_limit_window IS NOT NULL",
				(row) -> new KeyRateLimit(row.getLong(1), Duration.ofSeconds(row.getLong(2))), publicKey));
	}

	@Override
	public boolean setKeyRateLimit(long projectId, String publicKey, @Nullable KeyRateLimit limit) {
		Long count = (limit != null) ? limit.count() : null;
		Long window = (limit != null) ? limit.window().getSeconds() : null;
		return this.database.write(
				(connection) -> Queries
					.update(connection,
							"UPDATE project_keys SET rate_limit_count = ?, rate_limit_window = ? "
									+ "WHERE project_id = ? AND public_key = ?",
							count, window, projectId, publicKey)) > 0;
	}

	private static Project project(ResultSet row) throws SQLException {
		return new Project(row.getLong("id"), row.getLong("organization_id"), row.getLong("team_id"),
				row.getString("slug"), row.getString("name"), row.getString("platform"),
				Columns.instant(row, "date_created"), Columns.nullableInstant(row, "first_event"));
	}

	private static ProjectKey key(ResultSet row) throws SQLException {
		return new ProjectKey(row.getLong("id"), row.getLong("project_id"), row.getString("public_key"),
				row.getString("secret_key"), row.getString("label"), row.getBoolean("active"),
				Columns.instant(row, "date_created"));
	}

}
