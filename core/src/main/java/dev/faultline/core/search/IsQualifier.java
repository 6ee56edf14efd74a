package dev.faultline.core.search;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The values of Sentry's {@code is:} key. Aliases read as their canonical value:
 * {@code archived} and {@code muted} are {@link #IGNORED}.
 */
public enum IsQualifier {

	UNRESOLVED, RESOLVED, IGNORED, ASSIGNED, UNASSIGNED, BOOKMARKED, FOR_REVIEW, LINKED, UNLINKED;

	private static final Map<String, IsQualifier> ALIASES = Map.of("archived", IGNORED, "muted", IGNORED);

	/**
	 * Returns the qualifier written as {@code text} ({@code for_review},
	 * {@code archived}…), ignoring case.
	 * @param text the value after {@code is:}
	 * @return the qualifier, or empty when Sentry has none of that name
	 */
	public static Optional<IsQualifier> fromText(String text) {
		String name = text.toLowerCase(Locale.ROOT);
		IsQualifier alias = ALIASES.get(name);
		if (alias != null) {
			return Optional.of(alias);
		}
		for (IsQualifier qualifier : values()) {
			if (qualifier.text().equals(name)) {
				return Optional.of(qualifier);
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the value as written in a query.
	 * @return for example {@code for_review}
	 */
	public String text() {
		return name().toLowerCase(Locale.ROOT);
	}

}
