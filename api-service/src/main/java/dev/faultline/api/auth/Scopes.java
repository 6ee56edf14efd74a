package dev.faultline.api.auth;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sentry's token scopes and how they imply one another: within a resource, {@code admin}
 * grants {@code write} grants {@code read} (Sentry's hierarchy); {@code member:write}
 * grants {@code member:invite}; {@code org:admin} grants {@code org:integrations};
 * {@code org:ci} (the one scope of organization tokens) grants what a CI pipeline needs,
 * {@code project:releases}; {@code project:releases} otherwise stands alone.
 */
public final class Scopes {

	public static final String ORG_READ = "org:read";

	public static final String PROJECT_READ = "project:read";

	public static final String PROJECT_WRITE = "project:write";

	public static final String PROJECT_ADMIN = "project:admin";

	public static final String EVENT_READ = "event:read";

	public static final String EVENT_WRITE = "event:write";

	public static final String ORG_WRITE = "org:write";

	public static final String ORG_ADMIN = "org:admin";

	public static final String MEMBER_READ = "member:read";

	public static final String MEMBER_WRITE = "member:write";

	public static final String MEMBER_ADMIN = "member:admin";

	public static final String TEAM_READ = "team:read";

	public static final String TEAM_WRITE = "team:write";

	public static final String TEAM_ADMIN = "team:admin";

	/** The scope of organization tokens (Sentry's {@code sntrys_} CI tokens). */
	public static final String ORG_CI = "org:ci";

	/**
	 * Every scope of a user's role or token; the administrator's token gets all of them.
	 * ({@code org:ci} is not among them: it is the scope of organization tokens only.)
	 */
	public static final Set<String> ALL = Set.of("org:read", "org:write", "org:admin", "org:integrations",
			"member:invite", "member:read", "member:write", "member:admin", "team:read", "team:write", "team:admin",
			"project:read", "project:write", "project:admin", "project:releases", "project:distribution", "event:read",
			"event:write", "event:admin", "alerts:read", "alerts:write");

	/** The least role of an organization member in Sentry. */
	public static final String MEMBER_ROLE = "member";

	private static final Set<String> MEMBER = Set.of("org:read", "member:read", "team:read", "project:read",
			"project:releases", "event:read", "event:write", "event:admin", "alerts:read", "alerts:write");

	private static final Set<String> ADMIN = Set.of("org:read", "org:integrations", "member:read", "team:read",
			"team:write", "team:admin", "project:read", "project:write", "project:admin", "project:releases",
			"event:read", "event:write", "event:admin", "alerts:read", "alerts:write");

	private static final Set<String> MANAGER = Set.of("org:read", "org:write", "org:integrations", "member:invite",
			"member:read", "member:write", "member:admin", "team:read", "team:write", "team:admin", "project:read",
			"project:write", "project:admin", "project:releases", "event:read", "event:write", "event:admin",
			"alerts:read", "alerts:write");

	private Scopes() {
	}

	/**
	 * The scopes of a Sentry organization role ({@code member}, {@code admin},
	 * {@code manager}, {@code owner}), as Sentry grants them; an unknown role gets the
	 * member's.
	 */
	public static Set<String> forRole(String role) {
		return switch (role) {
			case "owner" -> ALL;
			case "manager" -> MANAGER;
			case "admin" -> ADMIN;
			default -> MEMBER;
		};
	}

	/** The organization roles, least first. */
	public static final List<String> ROLES = List.of("member", "admin", "manager", "owner");

	/**
	 * Whether {@code role} is one of Sentry's organization roles.
	 */
	public static boolean isRole(String role) {
		return ROLES.contains(role);
	}

	/**
	 * Whether {@code role} ranks at or above {@code other} (owner > manager > admin >
	 * member).
	 */
	public static boolean atLeast(String role, String other) {
		return ROLES.indexOf(role) >= ROLES.indexOf(other);
	}

	/**
	 * The scopes of a personal token that its holder's role allows: a token never does
	 * more than its user may (Sentry's rule).
	 */
	public static Set<String> limitedTo(Set<String> tokenScopes, String role) {
		Set<String> roleScopes = forRole(role);
		return tokenScopes.stream()
			.filter((scope) -> grants(roleScopes, scope))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Whether holding {@code held} allows what {@code needed} allows.
	 */
	public static boolean grants(Set<String> held, String needed) {
		if (held.contains(needed)) {
			return true;
		}
		if (needed.equals("member:invite") && (held.contains("member:write") || held.contains("member:admin"))) {
			return true;
		}
		if (needed.equals("org:integrations") && held.contains("org:admin")) {
			return true;
		}
		if (needed.equals("project:releases") && held.contains(ORG_CI)) {
			return true;
		}
		int colon = needed.indexOf(':');
		if (colon < 0) {
			return false;
		}
		String resource = needed.substring(0, colon + 1);
		return switch (needed.substring(colon + 1)) {
			case "read" -> held.contains(resource + "write") || held.contains(resource + "admin");
			case "write" -> held.contains(resource + "admin");
			default -> false;
		};
	}

}
