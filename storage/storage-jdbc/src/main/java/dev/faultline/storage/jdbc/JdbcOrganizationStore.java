package dev.faultline.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;

/**
 * {@link OrganizationStore} over the {@code organizations}, {@code teams} and
 * {@code organization_members} tables (members with their {@code users} rows).
 */
final class JdbcOrganizationStore implements OrganizationStore {

	private static final String ORGANIZATION = "SELECT id, slug, name, date_created FROM organizations ";

	private static final String TEAM = "SELECT id, organization_id, slug, name, date_created FROM teams ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcOrganizationStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public Organization create(String slug, String name) {
		Instant now = Columns.now(this.clock);
		long id = this.database
			.write((connection) -> Queries.insert(connection,
					"INSERT INTO organizations (slug, name, date_created) VALUES (?, ?, ?) "
							+ "ON CONFLICT DO NOTHING RETURNING id",
					"organization slug exists: " + slug, slug, name, now));
		return new Organization(id, slug, name, now);
	}

	@Override
	public Optional<Organization> findById(long id) {
		return this.database.read((connection) -> Queries.first(connection, ORGANIZATION + "WHERE id = ?",
				JdbcOrganizationStore::organization, id));
	}

	@Override
	public Optional<Organization> findBySlug(String slug) {
		return this.database.read((connection) -> Queries.first(connection, ORGANIZATION + "WHERE slug = ?",
				JdbcOrganizationStore::organization, slug));
	}

	@Override
	public List<Organization> listForUser(long userId) {
		return this.database.read((connection) -> Queries.list(connection, ORGANIZATION
				+ "WHERE id IN (SELECT organization_id FROM organization_members WHERE user_id = ?) " + "ORDER BY slug",
				JdbcOrganizationStore::organization, userId));
	}

	@Override
	public Team createTeam(long organizationId, String slug, String name) {
		Instant now = Columns.now(this.clock);
		long id = this.database.write((connection) -> Queries.insert(connection,
				"INSERT INTO teams (organization_id, slug, name, date_created) VALUES (?, ?, ?, ?) "
						+ "ON CONFLICT DO NOTHING RETURNING id",
				"team slug exists in organization " + organizationId + ": " + slug, organizationId, slug, name, now));
		return new Team(id, organizationId, slug, name, now);
	}

	@Override
	public List<Team> listTeams(long organizationId) {
		return this.database.read((connection) -> Queries.list(connection,
				TEAM + "WHERE organization_id = ? ORDER BY slug", JdbcOrganizationStore::team, organizationId));
	}

	@Override
	public Optional<Team> findTeam(long organizationId, String slug) {
		return this.database.read((connection) -> Queries.first(connection,
				TEAM + "WHERE organization_id = ? AND slug = ?", JdbcOrganizationStore::team, organizationId, slug));
	}

	@Override
	public void addMember(long organizationId, long userId, String role) {
		this.database.write((connection) -> Queries.update(connection,
				"INSERT INTO organization_members (organization_id, user_id, role, date_created) VALUES (?, ?, ?, ?) "
						+ "ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role",
				organizationId, userId, role, Columns.now(this.clock)));
	}

	@Override
	public Optional<String> findMemberRole(long organizationId, long userId) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT role FROM organization_members WHERE organization_id = ? AND user_id = ?",
				(row) -> row.getString(1), organizationId, userId));
	}

	@Override
	public List<Member> listMembers(long organizationId) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT u.id, u.email, u.name, u.password_hash, u.date_created, m.role FROM organization_members m "
						+ "JOIN users u ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY u.email_key, u.id",
				(row) -> new Member(
						new User(row.getLong("id"), row.getString("email"), row.getString("name"),
								row.getString("password_hash"), Columns.instant(row, "date_created")),
						row.getString("role")),
				organizationId));
	}

	@Override
	public boolean isEmpty() {
		return this.database.read((connection) -> Queries
			.first(connection, "SELECT id FROM organizations LIMIT 1", (row) -> row.getLong(1))
			.isEmpty());
	}

	private static Organization organization(ResultSet row) throws SQLException {
		return new Organization(row.getLong("id"), row.getString("slug"), row.getString("name"),
				Columns.instant(row, "date_created"));
	}

	private static Team team(ResultSet row) throws SQLException {
		return new Team(row.getLong("id"), row.getLong("organization_id"), row.getString("slug"), row.getString("name"),
				Columns.instant(row, "date_created"));
	}

}
