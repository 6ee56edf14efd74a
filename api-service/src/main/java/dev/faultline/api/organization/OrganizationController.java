package dev.faultline.api.organization;

import java.util.List;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organizations and their teams.
 */
@RestController
class OrganizationController {

	private final OrganizationStore organizations;

	private final Access access;

	OrganizationController(OrganizationStore organizations, Access access) {
		this.organizations = organizations;
		this.access = access;
	}

	@GetMapping("/api/0/organizations/")
	List<OrganizationJson> list(Caller caller) {
		caller.requireScope(Scopes.ORG_READ);
		return this.organizations.listForUser(caller.user().id()).stream().map(OrganizationJson::summary).toList();
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/")
	OrganizationJson detail(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		String role = this.organizations.findMemberRole(organization.id(), caller.user().id())
			.orElseThrow(ApiException::notFound);
		return OrganizationJson.detail(organization, role, caller.scopesIn(role).stream().sorted().toList());
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/teams/")
	List<TeamJson> teams(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		return this.organizations.listTeams(organization.id()).stream().map(TeamJson::of).toList();
	}

}
