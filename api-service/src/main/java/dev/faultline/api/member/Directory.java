package dev.faultline.api.member;

import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.UserStore;

import org.springframework.stereotype.Component;

/**
 * Reads an organization's {@link People}: two queries (members, teams), users outside
 * them on demand.
 */
@Component
public class Directory {

	private final OrganizationStore organizations;

	private final UserStore users;

	Directory(OrganizationStore organizations, UserStore users) {
		this.organizations = organizations;
		this.users = users;
	}

	public People of(long organizationId) {
		return new People(this.organizations.listMembers(organizationId), this.organizations.listTeams(organizationId),
				this.users::findById);
	}

}
