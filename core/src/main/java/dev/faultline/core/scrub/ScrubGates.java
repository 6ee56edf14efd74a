package dev.faultline.core.scrub;

/**
 * Cheap necessary conditions for the default scrubbers' patterns: when a gate answers
 * false, its pattern cannot match the text, so the pattern is not run. Most strings of an
 * event (messages, breadcrumbs, frame variables) pass none of them, and a scan for a
 * character is far cheaper than a regular expression's attempt at every position
 * (measured in {@code bench/README.md}: the key-value pattern alone took a fifth of the
 * processor's time). Each gate is a plain scan, linear in the text;
 * {@code ScrubGatesTest} checks that no text a gate refuses is matched by its pattern.
 */
final class ScrubGates {

	private static final int CARD_DIGITS = 13;

	private static final int SSN_DIGITS = 9;

	private ScrubGates() {
	}

	/** {@code Bearer <token>} needs the word {@code bearer}, in any case. */
	static boolean mayHoldBearer(String text) {
		return containsIgnoreCase(text, "bearer");
	}

	/**
	 * A sensitive {@code key=value} or {@code "key": value} needs {@code =}, or {@code :}
	 * and a quote.
	 */
	static boolean mayHoldKeyValue(String text) {
		return text.indexOf('=') >= 0
				|| (text.indexOf(':') >= 0 && (text.indexOf('"') >= 0 || text.indexOf('\'') >= 0));
	}

	/** A card number has at least 13 digits. */
	static boolean mayHoldCard(String text) {
		return hasDigits(text, CARD_DIGITS);
	}

	/** A social security number ({@code 078-05-1120}) has a dash and nine digits. */
	static boolean mayHoldSsn(String text) {
		return text.indexOf('-') >= 0 && hasDigits(text, SSN_DIGITS);
	}

	private static boolean hasDigits(String text, int wanted) {
		int found = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9' && ++found >= wanted) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code text} contains {@code lowerCaseWord} (ASCII letters) in any case.
	 */
	static boolean containsIgnoreCase(String text, String lowerCaseWord) {
		char first = lowerCaseWord.charAt(0);
		char firstUpper = Character.toUpperCase(first);
		int last = text.length() - lowerCaseWord.length();
		for (int i = 0; i <= last; i++) {
			char c = text.charAt(i);
			if ((c == first || c == firstUpper)
					&& text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
				return true;
			}
		}
		return false;
	}

}
