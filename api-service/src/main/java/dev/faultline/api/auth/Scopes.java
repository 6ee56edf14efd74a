package dev.faultline.api.auth;

import java.util.Set;

/**
 * Sentry's token scopes and how they imply one another: within a resource, {@code admin}
 * grants {@code write} grants {@code read} (Sentry's hierarchy); {@code project:releases}
 * stands alone.
 */
public final class Scopes {

	public static final String ORG_READ = "org:read";

	public static final String PROJECT_READ = "project:read";

	public static final String PROJECT_WRITE = "project:write";

	public static final String PROJECT_ADMIN = "project:admin";

	public static final String EVENT_READ = "event:read";

	public static final String EVENT_WRITE = "event:write";

	/** Every scope Sentry defines; the administrator's token gets all of them. */
	public static final Set<String> ALL = Set.of("org:read", "org:write", "org:admin", "org:integrations",
			"member:read", "member:write", "member:admin", "team:read", "team:write", "team:admin", "project:read",
			"project:write", "project:admin", "project:releases", "event:read", "event:write", "event:admin",
			"alerts:read", "alerts:write");

	/** The least role of an organization member in Sentry. */
	public static final String MEMBER_ROLE = "member";

	private static final Set<String> MEMBER = Set.of("org:read", "member:read", "team:read", "project:read",
			"project:releases", "event:read", "event:write", "event:admin", "alerts:read", "alerts:write");

	private static final Set<String> ADMIN = Set.of("org:read", "org:integrations", "member:read", "team:read",
			"team:write", "team:admin", "project:read", "project:write", "project:admin", "project:releases",
			"event:read", "event:write", "event:admin", "alerts:read", "alerts:write");

	private static final Set<String> MANAGER = Set.of("org:read", "org:write", "org:integrations", "member:read",
			"member:write", "member:admin", "team:read", "team:write", "team:admin", "project:read", "project:write",
			"project:admin", "project:releases", "event:read", "event:write", "event:admin", "alerts:read",
			"alerts:write");

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

	/**
	 * Whether holding {@code held} allows what {@code needed} allows.
	 */
	public static boolean grants(Set<String> held, String needed) {
		if (held.contains(needed)) {
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
