package dev.faultline.core.search;

/**
 * What differs between the event stores' SQL: identifier quoting, placeholders, tag-map
 * access, LIKE, time literals and JSON access. Every method builds SQL from trusted
 * pieces only (column names of {@link EventField} and placeholders made by
 * {@link #placeholder}); values never pass through a dialect, they are bound.
 * Implementations are stateless and thread-safe.
 */
public interface SqlDialect {

	/**
	 * Quotes an identifier.
	 * @param name the identifier
	 * @return the quoted identifier
	 */
	String quoteIdentifier(String name);

	/**
	 * Returns the quoted physical column of a field.
	 * @param field the field
	 * @return the column, quoted
	 */
	default String column(EventField field) {
		return quoteIdentifier(field.column());
	}

	/**
	 * Returns the placeholder of the parameter at {@code index}.
	 * @param index the 0-based index of the parameter in the fragment
	 * @param type the parameter's type
	 * @return for example {@code ?} or {@code {p0:String}}
	 */
	String placeholder(int index, SqlType type);

	/**
	 * Returns an expression that reads a tag, the empty string when the event lacks it.
	 * @param keyPlaceholder the placeholder of the bound tag name
	 * @return a String expression
	 */
	String tagValue(String keyPlaceholder);

	/**
	 * Returns a condition that holds when the event has the tag.
	 * @param keyPlaceholder the placeholder of the bound tag name
	 * @return a boolean expression
	 */
	String tagExists(String keyPlaceholder);

	/**
	 * Returns a LIKE condition with {@code \} as the escape character (see
	 * {@link LikePatterns}).
	 * @param expression the String expression to match
	 * @param patternPlaceholder the placeholder of the bound pattern
	 * @param ignoreCase whether to match ignoring case
	 * @return a boolean expression
	 */
	String like(String expression, String patternPlaceholder, boolean ignoreCase);

	/**
	 * Returns a timestamp expression comparable with the {@code timestamp} column.
	 * @param epochMillisPlaceholder the placeholder of a bound {@link SqlType#INT64} of
	 * milliseconds since the epoch
	 * @return a timestamp expression
	 */
	String timestamp(String epochMillisPlaceholder);

	/**
	 * Returns an expression reading a top-level string member of a JSON column, the empty
	 * string or NULL when missing.
	 * @param column the quoted column
	 * @param pathPlaceholder the placeholder of the bound {@link #jsonPath} of the member
	 * @return a String expression
	 */
	String jsonString(String column, String pathPlaceholder);

	/**
	 * Returns the value to bind as the path of a top-level JSON member.
	 * @param member the member name
	 * @return the path in the dialect's JSON path form
	 */
	String jsonPath(String member);

	/**
	 * Returns an expression reading NULL as the empty string, so a missing value compares
	 * as empty.
	 * @param expression a nullable String expression
	 * @return a String expression that is never NULL
	 */
	default String emptyIfNull(String expression) {
		return "coalesce(" + expression + ", '')";
	}

}
