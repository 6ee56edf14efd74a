package dev.faultline.api.organization;

import java.util.List;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.Organization;

import org.jspecify.annotations.Nullable;

/**
 * An organization as Sentry's organization list and detail render it; the detail adds the
 * caller's role and token scopes ({@code access}) and the organization's
 * {@code openMembership}.
 */
record OrganizationJson(String id, String slug, String name, String dateCreated, Status status, boolean isEarlyAdopter,
		boolean require2FA, Avatar avatar, List<String> features, @Nullable String role, @Nullable String orgRole,
		@Nullable List<String> access, @Nullable Boolean openMembership, @Nullable List<RoleJson> orgRoleList) {

	static OrganizationJson summary(Organization organization) {
		return new OrganizationJson(Long.toString(organization.id()), organization.slug(), organization.name(),
				ApiDates.format(organization.dateCreated()), Status.ACTIVE, false, false, Avatar.LETTER, List.of(),
				null, null, null, null, null);
	}

	static OrganizationJson detail(Organization organization, String role, List<String> access,
			boolean openMembership) {
		return new OrganizationJson(Long.toString(organization.id()), organization.slug(), organization.name(),
				ApiDates.format(organization.dateCreated()), Status.ACTIVE, false, false, Avatar.LETTER, List.of(),
				role, role, access, openMembership, RoleJson.ORGANIZATION_ROLES);
	}

	record Status(String id, String name) {

		static final Status ACTIVE = new Status("active", "active");

	}

	record Avatar(String avatarType, @Nullable String avatarUuid) {

		static final Avatar LETTER = new Avatar("letter_avatar", null);

	}

}
