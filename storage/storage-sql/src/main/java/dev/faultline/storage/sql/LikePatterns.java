package dev.faultline.storage.sql;

import java.util.List;

/**
 * The one routine that turns literal text into a LIKE pattern, for every dialect. The
 * pattern is still a bound parameter; escaping here only keeps {@code %}, {@code _} and
 * {@code \} in the text from acting as wildcards. Dialects read {@code \} as the escape
 * character (DuckDB through an explicit {@code ESCAPE '\'}, ClickHouse by default).
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
	 * Returns the pattern matching the literal parts in order with any run of characters
	 * between two parts.
	 * @param parts the literal parts
	 * @return the escaped parts joined by {@code %}
	 */
	public static String of(List<String> parts) {
		StringBuilder pattern = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			if (i > 0) {
				pattern.append('%');
			}
			pattern.append(escape(parts.get(i)));
		}
		return pattern.toString();
	}

}
