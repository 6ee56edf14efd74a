package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who belongs to an organization and its teams, beyond the read side of
 * {@link OrganizationStore}: roles changed, members removed (their data stays, as it
 * belongs to the organization), team membership, invitations, and the organization's
 * membership settings. Every method is scoped by the organization it names: an id of
 * another organization's team or invitation is treated as missing. Thread-safe.
 */
public interface MembershipStore {

	/**
	 * Whether members may join and leave teams by themselves (Sentry's open membership;
	 * on for a new organization).
	 */
	boolean openMembership(long organizationId);

	void setOpenMembership(long organizationId, boolean open);

	/**
	 * Renames the organization; returns it, or empty when it does not exist.
	 */
	Optional<Organization> rename(long organizationId, String name);

	/**
	 * Changes a member's organization role; returns whether the user is a member.
	 */
	boolean changeRole(long organizationId, long userId, String role);

	/**
	 * Removes the user from the organization and from its teams; what they created
	 * (issues' activity, comments, releases…) stays. Returns whether they were a member.
	 */
	boolean removeMember(long organizationId, long userId);

	/**
	 * How many members have the role {@code owner}.
	 */
	int countOwners(long organizationId);

	/**
	 * Renames a team (slug and name); empty when the organization has no such team.
	 * @throws DuplicateException when another team of the organization has the slug
	 */
	Optional<Team> renameTeam(long organizationId, long teamId, String slug, String name);

	/**
	 * Deletes a team and its memberships; returns whether it existed.
	 * @throws IllegalStateException when projects still belong to the team
	 */
	boolean deleteTeam(long organizationId, long teamId);

	/**
	 * How many projects belong to the team.
	 */
	int countTeamProjects(long teamId);

	/**
	 * Puts a member of the organization on one of its teams with a team role, or changes
	 * their team role; returns false when the team is not the organization's or the user
	 * is no member of it.
	 */
	boolean addTeamMember(long organizationId, long teamId, long userId, String teamRole);

	/**
	 * Takes the user off the team; returns whether they were on it.
	 */
	boolean removeTeamMember(long organizationId, long teamId, long userId);

	/**
	 * The team's members, by email.
	 */
	List<TeamMember> listTeamMembers(long organizationId, long teamId);

	/**
	 * The user's teams in the organization, with the user's team role in each.
	 */
	Map<Long, String> teamRolesOf(long organizationId, long userId);

	/**
	 * Every team's member count in the organization (teams without members absent).
	 */
	Map<Long, Integer> teamMemberCounts(long organizationId);

	/**
	 * Stores an invitation.
	 * @param teamIds teams of the organization (others are ignored)
	 * @throws DuplicateException when the organization has an invitation for this email
	 */
	Invite createInvite(long organizationId, String email, String role, Set<Long> teamIds, String tokenHash,
			@Nullable Long inviterUserId, Instant expiresAt);

	/**
	 * The organization's pending invitations, by email.
	 */
	List<Invite> listInvites(long organizationId);

	Optional<Invite> findInvite(long organizationId, long inviteId);

	/**
	 * Gives the invitation a new secret and expiry (a resent invitation); empty when it
	 * is not there.
	 */
	Optional<Invite> renewInvite(long organizationId, long inviteId, String tokenHash, Instant expiresAt);

	/**
	 * Changes an invitation's role; returns whether it exists.
	 */
	boolean changeInviteRole(long organizationId, long inviteId, String role);

	/**
	 * Withdraws an invitation; returns whether it existed.
	 */
	boolean deleteInvite(long organizationId, long inviteId);

	/**
	 * Accepts an invitation in one transaction: when the invitation with this id has this
	 * secret hash and has not expired at {@code now}, the user becomes a member with its
	 * role (someone already a member keeps their role), joins its teams, and the
	 * invitation is deleted.
	 * @return the invitation accepted; empty when there is none with this id and hash, or
	 * it expired
	 */
	Optional<Invite> acceptInvite(long inviteId, String tokenHash, long userId, Instant now);

}
