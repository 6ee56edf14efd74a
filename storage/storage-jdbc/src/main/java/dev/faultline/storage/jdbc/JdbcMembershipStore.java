package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Invite;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.TeamMember;
import dev.faultline.storage.metadata.User;
import org.jspecify.annotations.Nullable;

/**
 * {@link MembershipStore} over {@code organization_members}, {@code team_members},
 * {@code organization_invites} and the {@code open_membership} column of
 * {@code organizations}. Every statement names the organization, so ids of another
 * organization's rows match nothing.
 */
final class JdbcMembershipStore implements MembershipStore {

	private static final String INVITE = "SELECT id, organization_id, email, role, team_ids, token_hash, "
			+ "inviter_user_id, date_created, expires_at FROM organization_invites ";

	private final JdbcDatabase database;

	private final Clock clock;

	JdbcMembershipStore(JdbcDatabase database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	@Override
	public boolean openMembership(long organizationId) {
		return this.database
			.read((connection) -> Queries.first(connection, "SELECT open_membership FROM organizations WHERE id = ?",
					(row) -> row.getBoolean(1), organizationId))
			.orElse(false);
	}

	@Override
	public void setOpenMembership(long organizationId, boolean open) {
		this.database.write((connection) -> Queries.update(connection,
				"UPDATE organizations SET open_membership = ? WHERE id = ?", open, organizationId));
	}

	@Override
	public Optional<Organization> rename(long organizationId, String name) {
		return this.database.write((connection) -> {
			Queries.update(connection, "UPDATE organizations SET name = ? WHERE id = ?", name, organizationId);
			return Queries.first(connection, "SELECT id, slug, name, date_created FROM organizations WHERE id = ?",
					(row) -> new Organization(row.getLong("id"), row.getString("slug"), row.getString("name"),
							Columns.instant(row, "date_created")),
					organizationId);
		});
	}

	@Override
	public boolean changeRole(long organizationId, long userId, String role) {
		return this.database.write((connection) -> Queries.update(connection,
				"UPDATE organization_members SET role = ? WHERE organization_id = ? AND user_id = ?", role,
				organizationId, userId)) > 0;
	}

	@Override
	public boolean removeMember(long organizationId, long userId) {
		return this.database.write((connection) -> {
			Queries.update(connection,
					"DELETE FROM team_members WHERE user_id = ? "
							+ "AND team_id IN (SELECT id FROM teams WHERE organization_id = ?)",
					userId, organizationId);
			return Queries.update(connection,
					"DELETE FROM organization_members WHERE organization_id = ? AND user_id = ?", organizationId,
					userId) > 0;
		});
	}

	@Override
	public int countOwners(long organizationId) {
		return this.database.read((connection) -> Queries.first(connection,
				"SELECT COUNT(*) FROM organization_members WHERE organization_id = ? AND role = 'owner'",
				(row) -> row.getInt(1), organizationId))
			.orElse(0);
	}

	@Override
	public Optional<Team> renameTeam(long organizationId, long teamId, String slug, String name) {
		return this.database.write((connection) -> {
			boolean taken = Queries
				.first(connection, "SELECT id FROM teams WHERE organization_id = ? AND slug = ? AND id <> ?",
						(row) -> row.getLong(1), organizationId, slug, teamId)
				.isPresent();
			if (taken) {
				throw new DuplicateException("team slug exists in organization " + organizationId + ": " + slug);
			}
			Queries.update(connection, "UPDATE teams SET slug = ?, name = ? WHERE id = ? AND organization_id = ?", slug,
					name, teamId, organizationId);
			return Queries.first(connection,
					"SELECT id, organization_id, slug, name, date_created FROM teams WHERE id = ? AND organization_id = ?",
					(row) -> new Team(row.getLong("id"), row.getLong("organization_id"), row.getString("slug"),
							row.getString("name"), Columns.instant(row, "date_created")),
					teamId, organizationId);
		});
	}

	@Override
	public boolean deleteTeam(long organizationId, long teamId) {
		return this.database.write((connection) -> {
			if (countProjects(connection, teamId) > 0) {
				throw new IllegalStateException("team " + teamId + " still has projects");
			}
			Queries.update(connection, "DELETE FROM team_members WHERE team_id IN "
					+ "(SELECT id FROM teams WHERE id = ? AND organization_id = ?)", teamId, organizationId);
			return Queries.update(connection, "DELETE FROM teams WHERE id = ? AND organization_id = ?", teamId,
					organizationId) > 0;
		});
	}

	@Override
	public int countTeamProjects(long teamId) {
		return this.database.read((connection) -> countProjects(connection, teamId));
	}

	private static int countProjects(Connection connection, long teamId) throws SQLException {
		return Queries
			.first(connection, "SELECT COUNT(*) FROM projects WHERE team_id = ?", (row) -> row.getInt(1), teamId)
			.orElse(0);
	}

	@Override
	public boolean addTeamMember(long organizationId, long teamId, long userId, String teamRole) {
		Instant now = Columns.now(this.clock);
		return this.database.write((connection) -> Queries.update(connection,
				"INSERT INTO team_members (team_id, user_id, role, date_created) "
						+ "SELECT t.id, m.user_id, ?, ? FROM teams t JOIN organization_members m "
						+ "ON m.organization_id = t.organization_id "
						+ "WHERE t.id = ? AND t.organization_id = ? AND m.user_id = ? "
						+ "ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role",
				teamRole, now, teamId, organizationId, userId)) > 0;
	}

	@Override
	public boolean removeTeamMember(long organizationId, long teamId, long userId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM team_members WHERE user_id = ? AND team_id IN "
						+ "(SELECT id FROM teams WHERE id = ? AND organization_id = ?)",
				userId, teamId, organizationId)) > 0;
	}

	@Override
	public List<TeamMember> listTeamMembers(long organizationId, long teamId) {
		return this.database.read((connection) -> Queries.list(connection,
				"SELECT u.id, u.email, u.name, u.password_hash, u.date_created AS user_created, tm.team_id, tm.role, "
						+ "tm.date_created FROM team_members tm JOIN teams t ON t.id = tm.team_id "
						+ "JOIN users u ON u.id = tm.user_id WHERE tm.team_id = ? AND t.organization_id = ? "
						+ "ORDER BY u.email_key, u.id",
				(row) -> new TeamMember(row.getLong("team_id"),
						new User(row.getLong("id"), row.getString("email"), row.getString("name"),
								row.getString("password_hash"), Columns.instant(row, "user_created")),
						row.getString("role"), Columns.instant(row, "date_created")),
				teamId, organizationId));
	}

	@Override
	public Map<Long, String> teamRolesOf(long organizationId, long userId) {
		return this.database.read((connection) -> {
			Map<Long, String> roles = new LinkedHashMap<>();
			for (Object[] pair : Queries.list(connection,
					"SELECT tm.team_id, tm.role FROM team_members tm JOIN teams t ON t.id = tm.team_id "
							+ "WHERE tm.user_id = ? AND t.organization_id = ? ORDER BY t.slug",
					(row) -> new Object[] { row.getLong(1), row.getString(2) }, userId, organizationId)) {
				roles.put((Long) pair[0], (String) pair[1]);
			}
			return roles;
		});
	}

	@Override
	public Map<Long, Integer> teamMemberCounts(long organizationId) {
		return this.database.read((connection) -> {
			Map<Long, Integer> counts = new LinkedHashMap<>();
			for (long[] pair : Queries.list(connection,
					"SELECT tm.team_id, COUNT(*) FROM team_members tm JOIN teams t ON t.id = tm.team_id "
							+ "WHERE t.organization_id = ? GROUP BY tm.team_id",
					(row) -> new long[] { row.getLong(1), row.getLong(2) }, organizationId)) {
				counts.put(pair[0], (int) pair[1]);
			}
			return counts;
		});
	}

	@Override
	public Invite createInvite(long organizationId, String email, String role, Set<Long> teamIds, String tokenHash,
			@Nullable Long inviterUserId, Instant expiresAt) {
		Instant now = Columns.now(this.clock);
		Instant expires = expiresAt.truncatedTo(ChronoUnit.MILLIS);
		return this.database.write((connection) -> {
			List<Long> teams = new ArrayList<>();
			for (long teamId : new TreeSet<>(teamIds)) {
				if (Queries
					.first(connection, "SELECT id FROM teams WHERE id = ? AND organization_id = ?",
							(row) -> row.getLong(1), teamId, organizationId)
					.isPresent()) {
					teams.add(teamId);
				}
			}
			long id = Queries.insert(connection,
					"INSERT INTO organization_invites (organization_id, email, email_key, role, team_ids, token_hash, "
							+ "inviter_user_id, date_created, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
							+ "ON CONFLICT DO NOTHING RETURNING id",
					"organization " + organizationId + " has an invitation for this email", organizationId, email,
					emailKey(email), role, join(teams), tokenHash, inviterUserId, now, expires);
			return new Invite(id, organizationId, email, role, teams, tokenHash, inviterUserId, now, expires);
		});
	}

	@Override
	public List<Invite> listInvites(long organizationId) {
		return this.database
			.read((connection) -> Queries.list(connection, INVITE + "WHERE organization_id = ? ORDER BY email_key, id",
					JdbcMembershipStore::invite, organizationId));
	}

	@Override
	public Optional<Invite> findInvite(long organizationId, long inviteId) {
		return this.database
			.read((connection) -> Queries.first(connection, INVITE + "WHERE id = ? AND organization_id = ?",
					JdbcMembershipStore::invite, inviteId, organizationId));
	}

	@Override
	public Optional<Invite> renewInvite(long organizationId, long inviteId, String tokenHash, Instant expiresAt) {
		return this.database.write((connection) -> {
			Queries.update(connection,
					"UPDATE organization_invites SET token_hash = ?, expires_at = ? WHERE id = ? AND organization_id = ?",
					tokenHash, expiresAt.truncatedTo(ChronoUnit.MILLIS), inviteId, organizationId);
			return Queries.first(connection, INVITE + "WHERE id = ? AND organization_id = ?",
					JdbcMembershipStore::invite, inviteId, organizationId);
		});
	}

	@Override
	public boolean changeInviteRole(long organizationId, long inviteId, String role) {
		return this.database.write((connection) -> Queries.update(connection,
				"UPDATE organization_invites SET role = ? WHERE id = ? AND organization_id = ?", role, inviteId,
				organizationId)) > 0;
	}

	@Override
	public boolean deleteInvite(long organizationId, long inviteId) {
		return this.database.write((connection) -> Queries.update(connection,
				"DELETE FROM organization_invites WHERE id = ? AND organization_id = ?", inviteId, organizationId)) > 0;
	}

	@Override
	public Optional<Invite> acceptInvite(long inviteId, String tokenHash, long userId, Instant now) {
		Instant joined = Columns.now(this.clock);
		return this.database.write((connection) -> {
			Optional<Invite> found = Queries.first(connection, INVITE + "WHERE id = ? AND token_hash = ?",
					JdbcMembershipStore::invite, inviteId, tokenHash);
			if (found.isEmpty() || found.get().isExpired(now)) {
				return Optional.<Invite>empty();
			}
			Invite invite = found.get();
			Queries.update(connection,
					"INSERT INTO organization_members (organization_id, user_id, role, date_created) "
							+ "VALUES (?, ?, ?, ?) ON CONFLICT (organization_id, user_id) DO NOTHING",
					invite.organizationId(), userId, invite.role(), joined);
			for (long teamId : invite.teamIds()) {
				Queries.update(connection,
						"INSERT INTO team_members (team_id, user_id, role, date_created) "
								+ "SELECT id, ?, 'contributor', ? FROM teams WHERE id = ? AND organization_id = ? "
								+ "ON CONFLICT (team_id, user_id) DO NOTHING",
						userId, joined, teamId, invite.organizationId());
			}
			Queries.update(connection, "DELETE FROM organization_invites WHERE id = ?", inviteId);
			return Optional.of(invite);
		});
	}

	private static String emailKey(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	private static String join(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
	}

	private static Invite invite(ResultSet row) throws SQLException {
		String teams = row.getString("team_ids");
		List<Long> teamIds = teams.isEmpty() ? List.of() : Arrays.stream(teams.split(" ")).map(Long::valueOf).toList();
		long inviter = row.getLong("inviter_user_id");
		Long inviterId = row.wasNull() ? null : inviter;
		return new Invite(row.getLong("id"), row.getLong("organization_id"), row.getString("email"),
				row.getString("role"), teamIds, row.getString("token_hash"), inviterId,
				Columns.instant(row, "date_created"), Columns.instant(row, "expires_at"));
	}

}
