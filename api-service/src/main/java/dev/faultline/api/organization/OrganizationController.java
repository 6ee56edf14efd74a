package dev.faultline.api.organization;

import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.InstanceAdmin;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.project.Slugs;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.DuplicateException;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organizations: listed, created (by any user, or only by the instance
 * administrator, as {@code faultline.people.organization-creation} says), their settings
 * changed, and their teams listed.
 */
@RestController
class OrganizationController {

	private static final Logger logger = LoggerFactory.getLogger(OrganizationController.class);

	private final OrganizationStore organizations;

	private final MembershipStore memberships;

	private final Access access;

	private final InstanceAdmin instanceAdmin;

	private final PeopleProperties properties;

	OrganizationController(OrganizationStore organizations, MetadataStores stores, Access access,
			InstanceAdmin instanceAdmin, PeopleProperties properties) {
		this.organizations = organizations;
		this.memberships = stores.memberships();
		this.access = access;
		this.instanceAdmin = instanceAdmin;
		this.properties = properties;
	}

	@GetMapping("/api/0/organizations/")
	List<OrganizationJson> list(Caller caller) {
		caller.requireScope(Scopes.ORG_READ);
		return this.organizations.listForUser(caller.user().id()).stream().map(OrganizationJson::summary).toList();
	}

	/**
	 * {@code {name*, slug}} → 201 with the new organization: its creator is its owner,
	 * and it gets a first team of the same slug with the creator on it.
	 */
	@PostMapping("/api/0/organizations/")
	ResponseEntity<OrganizationJson> create(Caller caller, @RequestBody(required = false) @Nullable JsonNode body) {
		if (caller.isOrganizationToken()) {
			throw ApiException.forbidden();
		}
		if (!caller.isSession()) {
			caller.requireScope(Scopes.ORG_WRITE);
		}
		if (this.properties.onlyAdminsCreateOrganizations()) {
			this.instanceAdmin.require(caller);
		}
		String name = (body != null) ? body.path("name").asString("").trim() : "";
		if (name.isEmpty()) {
			throw ApiException.badRequest("name: This field is required.");
		}
		if (name.length() > 64) {
			throw ApiException.badRequest("name: Ensure this field has no more than 64 characters.");
		}
		JsonNode slugField = (body != null) ? body.path("slug") : null;
		String slug = Slugs.choose((slugField != null && slugField.isString()) ? slugField.asString() : null, name);
		Organization organization;
		try {
			organization = this.organizations.create(slug, name);
		}
		catch (DuplicateException ex) {
			throw ApiException.conflict("An organization with this slug already exists.");
		}
		this.organizations.addMember(organization.id(), caller.user().id(), "owner");
		Team team = this.organizations.createTeam(organization.id(), slug, name);
		this.memberships.addTeamMember(organization.id(), team.id(), caller.user().id(), "admin");
		logger.info("User {} created organization {} ({})", caller.user().id(), organization.id(), slug);
		return ResponseEntity.status(HttpStatus.CREATED).body(detail(caller, organization, "owner"));
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/")
	OrganizationJson detail(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		return detail(caller, organization, this.access.role(caller, organization.id()));
	}

	/**
	 * {@code {name, openMembership}}: changes what is given (needs {@code org:write}).
	 */
	@PutMapping("/api/0/organizations/{organizationSlug}/")
	OrganizationJson update(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_WRITE);
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		JsonNode name = body.path("name");
		if (!name.isMissingNode()) {
			String text = name.isString() ? name.asString().trim() : "";
			if (text.isEmpty() || text.length() > 64) {
				throw ApiException.badRequest("name: Enter a name of 1 to 64 characters.");
			}
			organization = this.memberships.rename(organization.id(), text).orElseThrow(ApiException::notFound);
		}
		JsonNode open = body.path("openMembership");
		if (!open.isMissingNode()) {
			if (!open.isBoolean()) {
				throw ApiException.badRequest("openMembership: Must be a valid boolean.");
			}
			this.memberships.setOpenMembership(organization.id(), open.asBoolean());
		}
		logger.info("User {} changed the settings of organization {}", caller.user().id(), organization.id());
		return detail(caller, organization, this.access.role(caller, organization.id()));
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/teams/")
	List<TeamJson> teams(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		Map<Long, String> mine = caller.isOrganizationToken() ? Map.of()
				: this.memberships.teamRolesOf(organization.id(), caller.user().id());
		Map<Long, Integer> counts = this.memberships.teamMemberCounts(organization.id());
		boolean open = this.memberships.openMembership(organization.id());
		return this.organizations.listTeams(organization.id())
			.stream()
			.map((team) -> TeamJson.of(team, mine.get(team.id()), open || mine.containsKey(team.id()),
					counts.getOrDefault(team.id(), 0)))
			.toList();
	}

	private OrganizationJson detail(Caller caller, Organization organization, String role) {
		return OrganizationJson.detail(organization, role, caller.scopesIn(role).stream().sorted().toList(),
				this.memberships.openMembership(organization.id()));
	}

}
