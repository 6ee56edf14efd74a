package dev.faultline.api.member;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.MembershipStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Team;

import org.springframework.stereotype.Component;

/**
 * Sentry's rule for changing a team or its members: the organization-wide scope
 * ({@code team:write}, {@code team:admin}), or being the team's admin (team role
 * {@code admin}).
 */
@Component
public class TeamAccess {

	public static final String TEAM_ADMIN_ROLE = "admin";

	public static final String CONTRIBUTOR_ROLE = "contributor";

	private final Access access;

	private final MembershipStore memberships;

	TeamAccess(Access access, MetadataStores stores) {
		this.access = access;
		this.memberships = stores.memberships();
	}

	/**
	 * @throws ApiException 403 when the caller has neither the scope nor the team's admin
	 * role
	 */
	public void requireScopeOrTeamAdmin(Caller caller, Organization organization, Team team, String scope) {
		if (!allowed(caller, organization, team, scope)) {
			throw ApiException.forbidden();
		}
	}

	public boolean allowed(Caller caller, Organization organization, Team team, String scope) {
		String role = this.access.role(caller, organization.id());
		if (Scopes.grants(caller.scopesIn(role), scope)) {
			return true;
		}
		return !caller.isOrganizationToken() && Scopes.grants(caller.scopesIn(role), Scopes.TEAM_READ)
				&& TEAM_ADMIN_ROLE
					.equals(this.memberships.teamRolesOf(organization.id(), caller.user().id()).get(team.id()));
	}

	public static boolean isTeamRole(String role) {
		return TEAM_ADMIN_ROLE.equals(role) || CONTRIBUTOR_ROLE.equals(role);
	}

}
