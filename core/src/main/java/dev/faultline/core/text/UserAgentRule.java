package dev.faultline.core.text;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One rule of uap-core's user-agent rules: a pattern (on RE2/J), the literal text every
 * match contains (a pre-filter: requirements that all hold, each a list of literals of
 * which a match contains one; empty when none could be found and the pattern always
 * runs), and the rule's replacements by their uap-core names ({@code family_replacement},
 * {@code v1_replacement}, {@code os_replacement}, {@code device_replacement}, …).
 *
 * @param kind what the rule recognizes
 * @param pattern the compiled rule; case-insensitive rules carry {@code (?i)}
 * @param requirements what every match contains, lower-cased when the rule ignores case
 * @param ignoreCase whether {@link #requirements} are compared ignoring case
 * @param replacements the replacement templates, possibly with {@code $1}…{@code $9}
 */
public record UserAgentRule(Kind kind, ClientPattern pattern, List<List<String>> requirements, boolean ignoreCase,
		Map<String, String> replacements) {

	/**
	 * The three lists of uap-core's rules, each tried in order, first match wins.
	 */
	public enum Kind {

		BROWSER("user_agent_parsers"), OS("os_parsers"), DEVICE("device_parsers");

		private final String section;

		Kind(String section) {
			this.section = section;
		}

		/** The rule list's name in {@code regexes.yaml}. */
		String section() {
			return this.section;
		}

	}

	public UserAgentRule {
		requirements = requirements.stream().map(List::copyOf).toList();
		replacements = Map.copyOf(replacements);
	}

	/**
	 * Whether the rule may match {@code agent}, whose lower-cased form is
	 * {@code lowerCased}: false when a requirement is not met.
	 */
	public boolean mayMatch(String agent, String lowerCased) {
		String text = this.ignoreCase ? lowerCased : agent;
		for (List<String> requirement : this.requirements) {
			if (!containsAny(text, requirement)) {
				return false;
			}
		}
		return true;
	}

	private static boolean containsAny(String text, List<String> literals) {
		for (String literal : literals) {
			if (text.contains(literal)) {
				return true;
			}
		}
		return false;
	}

	/** The replacement template named {@code name}, or {@code null}. */
	public @Nullable String replacement(String name) {
		return this.replacements.get(name);
	}

}
