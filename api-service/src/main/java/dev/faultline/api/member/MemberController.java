package dev.faultline.api.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Invite;
import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's members and invitations, on Sentry's paths and with Sentry's rules:
 * inviting needs {@code member:invite}; changing roles and removing others needs
 * {@code member:admin}, and never reaches a role above the caller's own; anyone may
 * leave; the only owner can neither leave, be removed nor be demoted. Team membership:
 * members join and leave teams by themselves when membership is open (or with
 * {@code team:write}), and put others on teams with {@code team:write} or as the team's
 * admin. Leaving and removal keep everything the member did.
 */
@RestController
class MemberController {

	private static final Logger logger = LoggerFactory.getLogger(MemberController.class);

	private static final String MEMBERS = "/api/0/organizations/{organizationSlug}/members/";

	private static final String MEMBER = MEMBERS + "{memberId}/";

	private static final String MEMBER_TEAM = MEMBER + "teams/{teamSlug}/";

	private final Access access;

	private final TeamAccess teamAccess;

	private final OrganizationStore organizations;

	private final MembershipStore memberships;

	private final UserStore users;

	private final Invitations invitations;

	MemberController(Access access, TeamAccess teamAccess, OrganizationStore organizations, MetadataStores stores,
			UserStore users, Invitations invitations) {
		this.access = access;
		this.teamAccess = teamAccess;
		this.organizations = organizations;
		this.memberships = stores.memberships();
		this.users = users;
		this.invitations = invitations;
	}

	/**
	 * Members by email, then pending invitations by email.
	 */
	@GetMapping(MEMBERS)
	List<MemberJson> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.MEMBER_READ);
		Map<Long, Team> teams = teams(organization);
		List<MemberJson> members = new ArrayList<>();
		for (Member member : this.organizations.listMembers(organization.id())) {
			members.add(active(organization, member, teams));
		}
		for (Invite invite : this.memberships.listInvites(organization.id())) {
			members.add(pending(invite, teams, null, null));
		}
		return members;
	}

	/**
	 * {@code {email*, orgRole|role, teamRoles:[{teamSlug, role}] | teams:[slug],
	 * sendInvite}} → 201 with the pending member, its {@code inviteLink} and whether it
	 * was mailed.
	 */
	@PostMapping(MEMBERS)
	ResponseEntity<MemberJson> invite(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, "member:invite");
		requireUser(caller);
		JsonNode request = object(body);
		String email = request.path("email").asString("").trim();
		if (!ClientPatterns.EMAIL_ADDRESS.re2j().matcher(email).matches()) {
			throw ApiException.badRequest("email: Enter a valid email address.");
		}
		String callerRole = this.access.role(caller, organization.id());
		String role = role(request, Scopes.MEMBER_ROLE);
		requireAssignable(callerRole, role);
		Map<Long, Team> teams = teams(organization);
		Set<Long> teamIds = teamIds(request, teams);
		Optional<User> existing = this.users.findByEmail(email);
		if (existing.isPresent()
				&& this.organizations.findMemberRole(organization.id(), existing.get().id()).isPresent()) {
			throw ApiException.conflict("The user " + email + " is already a member");
		}
		boolean send = !request.has("sendInvite") || request.path("sendInvite").asBoolean(true);
		Invitations.Sent sent;
		try {
			sent = this.invitations.invite(organization, email, role, teamIds, caller.user().id(), caller.user().name(),
					send);
		}
		catch (DuplicateException ex) {
			throw ApiException.conflict("The user " + email + " has already been invited");
		}
		logger.info("User {} invited a {} to organization {} (invitation {}, mailed: {})", caller.user().id(), role,
				organization.id(), sent.invite().id(), sent.mailed());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(pending(sent.invite(), teams, sent.link(), sent.mailed()));
	}

	@GetMapping(MEMBER)
	MemberJson detail(Caller caller, @PathVariable String organizationSlug, @PathVariable String memberId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.MEMBER_READ);
		Map<Long, Team> teams = teams(organization);
		Long inviteId = Invitations.inviteId(memberId);
		if (inviteId != null) {
			return pending(invite(organization, inviteId), teams, null, null);
		}
		return active(organization, member(organization, memberId), teams);
	}

	/**
	 * {@code {orgRole|role, teamRoles, reinvite, regenerate}}.
	 */
	@PutMapping(MEMBER)
	MemberJson update(Caller caller, @PathVariable String organizationSlug, @PathVariable String memberId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.MEMBER_READ);
		requireUser(caller);
		JsonNode request = object(body);
		String callerRole = this.access.role(caller, organization.id());
		Map<Long, Team> teams = teams(organization);
		Long inviteId = Invitations.inviteId(memberId);
		if (inviteId != null) {
			Invite invite = invite(organization, inviteId);
			if (request.has("orgRole") || request.has("role")) {
				caller.requireScope(Scopes.MEMBER_WRITE, callerRole);
				requireAssignable(callerRole, invite.role());
				String role = role(request, invite.role());
				requireAssignable(callerRole, role);
				this.memberships.changeInviteRole(organization.id(), invite.id(), role);
			}
			if (request.path("reinvite").asBoolean(false) || request.path("regenerate").asBoolean(false)) {
				caller.requireScope("member:invite", callerRole);
				boolean send = request.path("reinvite").asBoolean(false);
				Invitations.Sent sent = this.invitations.renew(organization, invite.id(), caller.user().name(), send)
					.orElseThrow(ApiException::notFound);
				return pending(sent.invite(), teams, sent.link(), sent.mailed());
			}
			return pending(invite(organization, inviteId), teams, null, null);
		}
		Member member = member(organization, memberId);
		caller.requireScope(Scopes.MEMBER_ADMIN, callerRole);
		requireAssignable(callerRole, member.role());
		if (request.has("orgRole") || request.has("role")) {
			String role = role(request, member.role());
			requireAssignable(callerRole, role);
			if (member.role().equals("owner") && !role.equals("owner")
					&& this.memberships.countOwners(organization.id()) <= 1) {
				throw ApiException.badRequest("You cannot demote the only owner of the organization.");
			}
			this.memberships.changeRole(organization.id(), member.user().id(), role);
			logger.info("User {} made user {} a {} of organization {}", caller.user().id(), member.user().id(), role,
					organization.id());
		}
		if (request.has("teamRoles")) {
			Map<Long, String> wanted = teamRoles(request.path("teamRoles"), teams);
			Map<Long, String> current = this.memberships.teamRolesOf(organization.id(), member.user().id());
			for (Long teamId : current.keySet()) {
				if (!wanted.containsKey(teamId)) {
					this.memberships.removeTeamMember(organization.id(), teamId, member.user().id());
				}
			}
			wanted.forEach((teamId, teamRole) -> this.memberships.addTeamMember(organization.id(), teamId,
					member.user().id(), teamRole));
		}
		return active(organization, member(organization, memberId), teams);
	}

	/**
	 * Removes a member (or the caller leaves), or withdraws an invitation → 204.
	 */
	@DeleteMapping(MEMBER)
	ResponseEntity<Void> remove(Caller caller, @PathVariable String organizationSlug, @PathVariable String memberId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.MEMBER_READ);
		requireUser(caller);
		String callerRole = this.access.role(caller, organization.id());
		Long inviteId = Invitations.inviteId(memberId);
		if (inviteId != null) {
			Invite invite = invite(organization, inviteId);
			caller.requireScope(Scopes.MEMBER_WRITE, callerRole);
			requireAssignable(callerRole, invite.role());
			this.memberships.deleteInvite(organization.id(), invite.id());
			logger.info("User {} withdrew invitation {} of organization {}", caller.user().id(), invite.id(),
					organization.id());
			return ResponseEntity.noContent().build();
		}
		Member member = member(organization, memberId);
		boolean leaving = member.user().id() == caller.user().id();
		if (!leaving) {
			caller.requireScope(Scopes.MEMBER_ADMIN, callerRole);
			requireAssignable(callerRole, member.role());
		}
		if (member.role().equals("owner") && this.memberships.countOwners(organization.id()) <= 1) {
			throw new ApiException(HttpStatus.FORBIDDEN, "The only owner of an organization cannot be removed.");
		}
		this.memberships.removeMember(organization.id(), member.user().id());
		logger.info(leaving ? "User {} left organization {}" : "User {} removed user {} from organization {}",
				leaving ? new Object[] { caller.user().id(), organization.id() }
						: new Object[] { caller.user().id(), member.user().id(), organization.id() });
		return ResponseEntity.noContent().build();
	}

	/**
	 * Puts the member on the team → 201 (as a contributor; an existing role stays).
	 */
	@PostMapping(MEMBER_TEAM)
	ResponseEntity<MemberJson> joinTeam(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String memberId, @PathVariable String teamSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		requireUser(caller);
		Member member = member(organization, memberId);
		Team team = team(organization, teamSlug);
		boolean self = member.user().id() == caller.user().id();
		if (!(self && this.memberships.openMembership(organization.id()))) {
			this.teamAccess.requireScopeOrTeamAdmin(caller, organization, team, Scopes.TEAM_WRITE);
		}
		String role = this.memberships.teamRolesOf(organization.id(), member.user().id())
			.getOrDefault(team.id(), TeamAccess.CONTRIBUTOR_ROLE);
		this.memberships.addTeamMember(organization.id(), team.id(), member.user().id(), role);
		return ResponseEntity.status(HttpStatus.CREATED).body(teamMember(organization, team, member));
	}

	/**
	 * {@code {teamRole}}: {@code contributor} or {@code admin}.
	 */
	@PutMapping(MEMBER_TEAM)
	MemberJson changeTeamRole(Caller caller, @PathVariable String organizationSlug, @PathVariable String memberId,
			@PathVariable String teamSlug, @RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		requireUser(caller);
		Member member = member(organization, memberId);
		Team team = team(organization, teamSlug);
		this.teamAccess.requireScopeOrTeamAdmin(caller, organization, team, Scopes.TEAM_ADMIN);
		String teamRole = object(body).path("teamRole").asString("");
		if (!TeamAccess.isTeamRole(teamRole)) {
			throw ApiException.badRequest("teamRole: must be contributor or admin.");
		}
		if (!this.memberships.teamRolesOf(organization.id(), member.user().id()).containsKey(team.id())) {
			throw ApiException.notFound();
		}
		this.memberships.addTeamMember(organization.id(), team.id(), member.user().id(), teamRole);
		return teamMember(organization, team, member);
	}

	@DeleteMapping(MEMBER_TEAM)
	ResponseEntity<MemberJson> leaveTeam(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String memberId, @PathVariable String teamSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		requireUser(caller);
		Member member = member(organization, memberId);
		Team team = team(organization, teamSlug);
		if (member.user().id() != caller.user().id()) {
			this.teamAccess.requireScopeOrTeamAdmin(caller, organization, team, Scopes.TEAM_WRITE);
		}
		if (!this.memberships.removeTeamMember(organization.id(), team.id(), member.user().id())) {
			throw ApiException.notFound();
		}
		return ResponseEntity.ok(teamMember(organization, team, member));
	}

	private MemberJson teamMember(Organization organization, Team team, Member member) {
		String teamRole = this.memberships.teamRolesOf(organization.id(), member.user().id()).get(team.id());
		List<MemberJson.TeamRoleJson> roles = (teamRole != null)
				? List.of(new MemberJson.TeamRoleJson(team.slug(), teamRole)) : List.of();
		return MemberJson.active(member, null, roles);
	}

	private MemberJson active(Organization organization, Member member, Map<Long, Team> teams) {
		List<MemberJson.TeamRoleJson> roles = new ArrayList<>();
		this.memberships.teamRolesOf(organization.id(), member.user().id()).forEach((teamId, role) -> {
			Team team = teams.get(teamId);
			if (team != null) {
				roles.add(new MemberJson.TeamRoleJson(team.slug(), role));
			}
		});
		return MemberJson.active(member, null, roles);
	}

	private MemberJson pending(Invite invite, Map<Long, Team> teams, @Nullable String link, @Nullable Boolean mailed) {
		List<MemberJson.TeamRoleJson> roles = invite.teamIds()
			.stream()
			.map(teams::get)
			.filter((team) -> team != null)
			.map((team) -> new MemberJson.TeamRoleJson(team.slug(), TeamAccess.CONTRIBUTOR_ROLE))
			.toList();
		String inviter = (invite.inviterUserId() != null)
				? this.users.findById(invite.inviterUserId()).map(User::name).orElse(null) : null;
		return MemberJson.pending(invite, this.invitations.isExpired(invite), inviter, roles, link, mailed);
	}

	private Map<Long, Team> teams(Organization organization) {
		Map<Long, Team> teams = new LinkedHashMap<>();
		this.organizations.listTeams(organization.id()).forEach((team) -> teams.put(team.id(), team));
		return teams;
	}

	private Team team(Organization organization, String slug) {
		return this.organizations.findTeam(organization.id(), slug).orElseThrow(ApiException::notFound);
	}

	private Member member(Organization organization, String memberId) {
		long userId = parseId(memberId);
		return this.organizations.listMembers(organization.id())
			.stream()
			.filter((member) -> member.user().id() == userId)
			.findFirst()
			.orElseThrow(ApiException::notFound);
	}

	private Invite invite(Organization organization, long inviteId) {
		return this.memberships.findInvite(organization.id(), inviteId).orElseThrow(ApiException::notFound);
	}

	private static Set<Long> teamIds(JsonNode request, Map<Long, Team> teams) {
		Set<Long> ids = new LinkedHashSet<>(teamRoles(request.path("teamRoles"), teams).keySet());
		for (JsonNode slug : request.path("teams").values()) {
			ids.add(teamBySlug(teams, slug.asString("")).id());
		}
		return ids;
	}

	private static Map<Long, String> teamRoles(JsonNode teamRoles, Map<Long, Team> teams) {
		Map<Long, String> roles = new LinkedHashMap<>();
		if (teamRoles.isMissingNode() || teamRoles.isNull()) {
			return roles;
		}
		if (!teamRoles.isArray()) {
			throw ApiException.badRequest("teamRoles: Expected a list of items.");
		}
		for (JsonNode entry : teamRoles.values()) {
			Team team = teamBySlug(teams, entry.path("teamSlug").asString(""));
			String role = entry.path("role").isString() ? entry.path("role").asString() : TeamAccess.CONTRIBUTOR_ROLE;
			if (!TeamAccess.isTeamRole(role)) {
				throw ApiException.badRequest("teamRoles: Invalid team role: " + role);
			}
			roles.put(team.id(), role);
		}
		return roles;
	}

	private static Team teamBySlug(Map<Long, Team> teams, String slug) {
		return teams.values()
			.stream()
			.filter((team) -> team.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("teams: Invalid team: " + slug));
	}

	private static String role(JsonNode request, String fallback) {
		JsonNode value = request.has("orgRole") ? request.path("orgRole") : request.path("role");
		if (value.isMissingNode() || value.isNull()) {
			return fallback;
		}
		String role = value.asString("");
		if (!Scopes.isRole(role)) {
			throw ApiException.badRequest("orgRole: Invalid role: " + role);
		}
		return role;
	}

	/**
	 * Sentry's rule: nobody grants, changes or removes a role above their own.
	 */
	private static void requireAssignable(String callerRole, String role) {
		if (!Scopes.atLeast(callerRole, role)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "You do not have permission to assign the " + role + " role.");
		}
	}

	private static void requireUser(Caller caller) {
		if (caller.isOrganizationToken()) {
			throw ApiException.forbidden();
		}
	}

	private static JsonNode object(@Nullable JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		return body;
	}

	private static long parseId(String text) {
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.notFound();
		}
	}

}
