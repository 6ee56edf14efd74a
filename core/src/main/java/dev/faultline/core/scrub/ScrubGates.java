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

	private ScrubGates() {
	}

	/** {@code Bearer <token>} needs the word {@code bearer}, in any case. */
	static boolean mayHoldBearer(String text) {
		return containsIgnoreCase(text, "bearer");
	}

	/**
	 * A part of every key word of the key-value pattern ({@code password},
	 * {@code passwd}, {@code api_key}, {@code apikey}, {@code mysql_pwd},
	 * {@code private_key}, …), lower case.
	 */
	private static final String[] KEY_WORD_STEMS = { "pass", "secret", "api", "auth", "credential", "mysql", "private",
			"token" };

	/**
	 * A sensitive {@code key=value} or {@code "key": value} needs {@code =}, or {@code :}
	 * and a quote, and one of the key words.
	 */
	static boolean mayHoldKeyValue(String text) {
		if (text.indexOf('=') < 0 && (text.indexOf(':') < 0 || (text.indexOf('"') < 0 && text.indexOf('\'') < 0))) {
			return false;
		}
		for (String stem : KEY_WORD_STEMS) {
			if (containsIgnoreCase(text, stem)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A card number has at least 13 digits in one run of digits, spaces and dashes.
	 */
	static boolean mayHoldCard(String text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++digits >= CARD_DIGITS) {
					return true;
				}
			}
			else if (c != ' ' && c != '-') {
				digits = 0;
			}
		}
		return false;
	}

	/** A social security number is {@code ddd-dd-dddd}. */
	static boolean mayHoldSsn(String text) {
		for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', dash + 1)) {
			if (dash >= 3 && dash + 7 < text.length() && text.charAt(dash + 3) == '-' && digits(text, dash - 3, 3)
					&& digits(text, dash + 1, 2) && digits(text, dash + 4, 4)) {
				return true;
			}
		}
		return false;
	}

	private static boolean digits(String text, int from, int count) {
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
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
