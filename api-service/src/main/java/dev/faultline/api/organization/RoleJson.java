package dev.faultline.api.organization;

import java.util.List;

import dev.faultline.api.auth.Scopes;

/**
 * One of Sentry's organization roles as its {@code orgRoleList} renders it.
 */
public record RoleJson(String id, String name, String desc, List<String> scopes) {

	/** The organization roles, least first. */
	public static final List<RoleJson> ORGANIZATION_ROLES = List.of(
			role("member", "Member", "Members can view and act on events, as well as view most other data."),
			role("admin", "Admin", "Admins manage teams and projects, in addition to what members do."),
			role("manager", "Manager", "Managers also manage members and the organization's settings."),
			role("owner", "Owner", "Owners have unrestricted access, including the organization itself."));

	private static RoleJson role(String id, String name, String desc) {
		return new RoleJson(id, name, desc, Scopes.forRole(id).stream().sorted().toList());
	}

}
