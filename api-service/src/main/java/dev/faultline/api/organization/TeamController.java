package dev.faultline.api.organization;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.member.MemberJson;
import dev.faultline.api.member.TeamAccess;
import dev.faultline.api.project.Slugs;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Team;
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
 * Teams on Sentry's paths: created ({@code team:write}; the creator becomes the team's
 * admin), read, renamed ({@code team:write} or the team's admin), deleted
 * ({@code team:admin} or the team's admin; only once no project belongs to it), and their
 * members listed.
 */
@RestController
class TeamController {

	private static final Logger logger = LoggerFactory.getLogger(TeamController.class);

	private final OrganizationStore organizations;

	private final MembershipStore memberships;

	private final Access access;

	private final TeamAccess teamAccess;

	TeamController(OrganizationStore organizations, MetadataStores stores, Access access, TeamAccess teamAccess) {
		this.organizations = organizations;
		this.memberships = stores.memberships();
		this.access = access;
		this.teamAccess = teamAccess;
	}

	/**
	 * {@code {name, slug}} (one of them required) → 201 with the team.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/teams/")
	ResponseEntity<TeamJson> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.TEAM_WRITE);
		String name = text(body, "name");
		String slugText = text(body, "slug");
		if (name.isEmpty() && slugText.isEmpty()) {
			throw ApiException.badRequest("slug: This field is required.");
		}
		String slug = Slugs.choose(slugText.isEmpty() ? null : slugText, name.isEmpty() ? slugText : name);
		Team team;
		try {
			team = this.organizations.createTeam(organization.id(), slug, name.isEmpty() ? slug : name);
		}
		catch (DuplicateException ex) {
			throw ApiException.conflict("A team with this slug already exists.");
		}
		boolean joined = !caller.isOrganizationToken()
				&& this.memberships.addTeamMember(organization.id(), team.id(), caller.user().id(), "admin");
		logger.info("User {} created team {} in organization {}", caller.user().id(), team.id(), organization.id());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(TeamJson.of(team, joined ? "admin" : null, true, joined ? 1 : 0));
	}

	@GetMapping("/api/0/teams/{organizationSlug}/{teamSlug}/")
	TeamJson detail(Caller caller, @PathVariable String organizationSlug, @PathVariable String teamSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.TEAM_READ);
		return render(caller, organization, team(organization, teamSlug));
	}

	/**
	 * {@code {name, slug}}: renames the team.
	 */
	@PutMapping("/api/0/teams/{organizationSlug}/{teamSlug}/")
	TeamJson update(Caller caller, @PathVariable String organizationSlug, @PathVariable String teamSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.TEAM_READ);
		Team team = team(organization, teamSlug);
		this.teamAccess.requireScopeOrTeamAdmin(caller, organization, team, Scopes.TEAM_WRITE);
		String name = text(body, "name");
		String slugText = text(body, "slug");
		String slug = slugText.isEmpty() ? team.slug() : Slugs.choose(slugText, slugText);
		Team renamed;
		try {
			renamed = this.memberships
				.renameTeam(organization.id(), team.id(), slug, name.isEmpty() ? team.name() : name)
				.orElseThrow(ApiException::notFound);
		}
		catch (DuplicateException ex) {
			throw ApiException.conflict("A team with this slug already exists.");
		}
		return render(caller, organization, renamed);
	}

	@DeleteMapping("/api/0/teams/{organizationSlug}/{teamSlug}/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable String teamSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.TEAM_READ);
		Team team = team(organization, teamSlug);
		this.teamAccess.requireScopeOrTeamAdmin(caller, organization, team, Scopes.TEAM_ADMIN);
		int projects = this.memberships.countTeamProjects(team.id());
		if (projects > 0) {
			throw ApiException.conflict("The team still owns " + projects + " project(s); move or delete them first.");
		}
		try {
			this.memberships.deleteTeam(organization.id(), team.id());
		}
		catch (IllegalStateException ex) {
			throw ApiException.conflict("The team still owns projects; move or delete them first.");
		}
		logger.info("User {} deleted team {} of organization {}", caller.user().id(), team.id(), organization.id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/0/teams/{organizationSlug}/{teamSlug}/members/")
	List<MemberJson> members(Caller caller, @PathVariable String organizationSlug, @PathVariable String teamSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.TEAM_READ);
		Team team = team(organization, teamSlug);
		Map<Long, String> roles = this.organizations.listMembers(organization.id())
			.stream()
			.collect(Collectors.toMap((member) -> member.user().id(), Member::role));
		return this.memberships.listTeamMembers(organization.id(), team.id())
			.stream()
			.map((member) -> MemberJson.teamMember(member, roles.getOrDefault(member.user().id(), Scopes.MEMBER_ROLE),
					team))
			.toList();
	}

	private Team team(Organization organization, String slug) {
		return this.organizations.findTeam(organization.id(), slug).orElseThrow(ApiException::notFound);
	}

	private TeamJson render(Caller caller, Organization organization, Team team) {
		String role = caller.isOrganizationToken() ? null
				: this.memberships.teamRolesOf(organization.id(), caller.user().id()).get(team.id());
		int count = this.memberships.teamMemberCounts(organization.id()).getOrDefault(team.id(), 0);
		boolean open = this.memberships.openMembership(organization.id());
		return TeamJson.of(team, role, open || role != null, count);
	}

	private static String text(@Nullable JsonNode body, String field) {
		if (body == null) {
			return "";
		}
		JsonNode value = body.path(field);
		return value.isString() ? value.asString().trim() : "";
	}

}
