package dev.faultline.core.search;

import java.util.List;

/**
 * The one routine that turns search text into a LIKE pattern, for both dialects. The
 * pattern is still a bound parameter; escaping here only keeps {@code %}, {@code _} and
 * {@code \} in the text from acting as LIKE wildcards. Both dialects read {@code \} as
 * the LIKE escape character (DuckDB through an explicit {@code ESCAPE '\'}, ClickHouse by
 * default).
 */
public final class LikePatterns {

	private LikePatterns() {
	}

	/**
	 * Escapes a literal text for LIKE.
	 * @param literal any text
	 * @return the text with {@code \}, {@code %} and {@code _} preceded by {@code \}
	 */
	public static String escape(String literal) {
		StringBuilder escaped = new StringBuilder(literal.length() + 8);
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c == '\\' || c == '%' || c == '_') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/**
	 * Returns the pattern of a wildcard value: the escaped parts joined by {@code %}.
	 * @param parts the literal parts between wildcards
	 * @return a LIKE pattern matching the whole value
	 */
	public static String wildcard(List<String> parts) {
		StringBuilder pattern = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			if (i > 0) {
				pattern.append('%');
			}
			pattern.append(escape(parts.get(i)));
		}
		return pattern.toString();
	}

	/**
	 * Returns the pattern of a free-text search: contains the text, a {@code *} in it
	 * standing for any run of characters.
	 * @param text the free text
	 * @return {@code %text%}, escaped
	 */
	public static String contains(String text) {
		return "%" + wildcard(List.of(text.split("\\*", -1))) + "%";
	}

}
