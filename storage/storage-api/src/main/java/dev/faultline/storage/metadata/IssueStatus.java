package dev.faultline.storage.metadata;

import java.util.Locale;

/**
 * Sentry's issue statuses, spelled as the Web API spells them ({@link #apiName()}).
 */
public enum IssueStatus {

	UNRESOLVED, RESOLVED, IGNORED;

	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses an API name; {@code archived} is Sentry's newer word for ignored.
	 * @throws IllegalArgumentException for any other value
	 */
	public static IssueStatus fromApiName(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "unresolved" -> UNRESOLVED;
			case "resolved" -> RESOLVED;
			case "ignored", "archived" -> IGNORED;
			default -> throw new IllegalArgumentException("unknown issue status: " + value);
		};
	}

}
