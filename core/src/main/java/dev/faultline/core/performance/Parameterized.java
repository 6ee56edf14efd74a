package dev.faultline.core.performance;

/**
 * Parameterizes span descriptions so that repetitions of one statement or endpoint with
 * different values read the same: SQL literals and placeholders become {@code %s} (an
 * {@code IN} list one {@code %s}), URL path segments holding digits become {@code *} and
 * query strings are cut. Hand-written scanners, linear in the description's length.
 */
final class Parameterized {

	private Parameterized() {
	}

	/**
	 * A SQL statement with its literals replaced:
	 * {@code SELECT * FROM t WHERE id = 42 AND
	 * name IN ('a', 'b')} reads {@code SELECT * FROM t WHERE id = %s AND name IN (%s)}.
	 * Whitespace runs become one space.
	 */
	static String sql(String statement) {
		StringBuilder out = new StringBuilder(statement.length());
		int length = statement.length();
		int i = 0;
		while (i < length) {
			char c = statement.charAt(i);
			if (c == '\'') {
				i = skipQuoted(statement, i);
				out.append("%s");
			}
			else if (isDigit(c) && !continuesWord(out)) {
				while (i < length && (isDigit(statement.charAt(i)) || statement.charAt(i) == '.')) {
					i++;
				}
				out.append("%s");
			}
			else if (c == '?') {
				out.append("%s");
				i++;
			}
			else if (c == '$' && i + 1 < length && isDigit(statement.charAt(i + 1))) {
				i++;
				while (i < length && isDigit(statement.charAt(i))) {
					i++;
				}
				out.append("%s");
			}
			else if (Character.isWhitespace(c)) {
				while (i < length && Character.isWhitespace(statement.charAt(i))) {
					i++;
				}
				if (out.length() > 0) {
					out.append(' ');
				}
			}
			else {
				out.append(c);
				i++;
			}
		}
		return collapseLists(out.toString().strip());
	}

	/**
	 * A URL with what varies between calls of one endpoint taken out: the query string
	 * and fragment are cut and every path segment holding a digit becomes a star, so
	 * {@code GET https://api.example.com/users/42/orders?page=2} and
	 * {@code GET https://api.example.com/users/7/orders} read the same.
	 */
	static String url(String description) {
		int query = description.indexOf('?');
		int fragment = description.indexOf('#');
		int end = description.length();
		if (query >= 0) {
			end = query;
		}
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		String base = description.substring(0, end);
		int scheme = base.indexOf("://");
		int pathStart = (scheme >= 0) ? base.indexOf('/', scheme + 3) : base.indexOf('/');
		if (pathStart < 0) {
			return base;
		}
		StringBuilder out = new StringBuilder(base.length()).append(base, 0, pathStart);
		for (String segment : base.substring(pathStart + 1).split("/", -1)) {
			out.append('/').append(hasDigit(segment) ? "*" : segment);
		}
		return out.toString();
	}

	// "(%s, %s, %s)" → "(%s)": an IN list of any length is one statement.
	private static String collapseLists(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int length = text.length();
		int i = 0;
		while (i < length) {
			if (text.startsWith("(%s", i)) {
				int j = i + 3;
				while (true) {
					int k = j;
					while (k < length && text.charAt(k) == ' ') {
						k++;
					}
					if (k < length && text.charAt(k) == ',') {
						k++;
						while (k < length && text.charAt(k) == ' ') {
							k++;
						}
						if (text.startsWith("%s", k)) {
							j = k + 2;
							continue;
						}
					}
					break;
				}
				out.append("(%s");
				i = j;
			}
			else {
				out.append(text.charAt(i));
				i++;
			}
		}
		return out.toString();
	}

	private static int skipQuoted(String text, int open) {
		int i = open + 1;
		while (i < text.length()) {
			if (text.charAt(i) == '\'') {
				if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return i;
	}

	private static boolean continuesWord(StringBuilder out) {
		if (out.length() == 0) {
			return false;
		}
		char previous = out.charAt(out.length() - 1);
		return Character.isLetterOrDigit(previous) || previous == '_' || previous == '"' || previous == '`';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean hasDigit(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			if (isDigit(segment.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
