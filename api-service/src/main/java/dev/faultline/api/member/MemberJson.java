package dev.faultline.api.member;

import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.Invite;
import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.TeamMember;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's organization member: an active member ({@code id} is the user's id, as
 * memberships have no id of their own) or a pending invitation ({@code pending}, no
 * {@code user}, {@code id} {@code i} and the invitation's number, so that the two kinds
 * never share an id). {@code inviteLink} is given to callers who may invite, for sharing
 * the invitation by hand; {@code teamRole} is set in a team's member list.
 */
public record MemberJson(String id, String email, String name, @Nullable UserJson user, String orgRole, String role,
		String roleName, boolean pending, boolean expired, Map<String, Boolean> flags, @Nullable String dateCreated,
		String inviteStatus, @Nullable String inviterName, List<String> teams, List<TeamRoleJson> teamRoles,
		@Nullable String inviteLink, @Nullable Boolean inviteMailed, @Nullable String teamRole,
		@Nullable String teamSlug) {

	/** The prefix of invitation ids. */
	public static final String INVITE_PREFIX = "i";

	static MemberJson active(Member member, @Nullable String dateJoined, List<TeamRoleJson> teamRoles) {
		return new MemberJson(Long.toString(member.user().id()), member.user().email(), member.user().name(),
				UserJson.of(member.user()), member.role(), member.role(), roleName(member.role()), false, false,
				Map.of(), dateJoined, "approved", null, teamRoles.stream().map(TeamRoleJson::teamSlug).toList(),
				teamRoles, null, null, null, null);
	}

	static MemberJson pending(Invite invite, boolean expired, @Nullable String inviterName,
			List<TeamRoleJson> teamRoles, @Nullable String inviteLink, @Nullable Boolean inviteMailed) {
		return new MemberJson(INVITE_PREFIX + invite.id(), invite.email(), invite.email(), null, invite.role(),
				invite.role(), roleName(invite.role()), true, expired, Map.of(), ApiDates.format(invite.dateCreated()),
				"approved", inviterName, teamRoles.stream().map(TeamRoleJson::teamSlug).toList(), teamRoles, inviteLink,
				inviteMailed, null, null);
	}

	/**
	 * A member in a team's member list, with their team role.
	 */
	public static MemberJson teamMember(TeamMember member, String orgRole, Team team) {
		return new MemberJson(Long.toString(member.user().id()), member.user().email(), member.user().name(),
				UserJson.of(member.user()), orgRole, orgRole, roleName(orgRole), false, false, Map.of(),
				ApiDates.format(member.dateCreated()), "approved", null, List.of(team.slug()),
				List.of(new TeamRoleJson(team.slug(), member.role())), null, null, member.role(), team.slug());
	}

	static String roleName(String role) {
		return role.isEmpty() ? role : Character.toUpperCase(role.charAt(0)) + role.substring(1);
	}

	/**
	 * Sentry's {@code teamRoles} entry: {@code role} is {@code contributor} or
	 * {@code admin}.
	 */
	public record TeamRoleJson(String teamSlug, String role) {

	}

}
