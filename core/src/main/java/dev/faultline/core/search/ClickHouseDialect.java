package dev.faultline.core.search;

/**
 * ClickHouse (the distributed event store): typed named placeholders {@code {p0:String}}
 * bound from {@link SqlFragment#namedParameters()}, {@code tags[…]} map access (the empty
 * string when the key is missing), {@code fromUnixTimestamp64Milli} times as the
 * ClickHouse adapter binds them, and the {@code transaction} column (DuckDB's is
 * {@code transaction_name}). ClickHouse's LIKE reads {@code \} as its escape character
 * without an ESCAPE clause.
 *
 * <p>
 * The server reads query parameter values in its escaped text form, where {@code \}
 * starts an escape sequence. Through {@code client-v2} 0.11.0 a {@code \} in a value
 * arrives as itself (checked against libchdb 26.7: exact values and LIKE patterns holding
 * {@code \}, {@code %} and {@code _} match as in DuckDB); another client must hand values
 * over the same way.
 */
public final class ClickHouseDialect implements SqlDialect {

	@Override
	public String quoteIdentifier(String name) {
		return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
	}

	@Override
	public String column(EventField field) {
		return quoteIdentifier((field == EventField.TRANSACTION) ? "transaction" : field.column());
	}

	@Override
	public String placeholder(int index, SqlType type) {
		String typeName = switch (type) {
			case STRING -> "String";
			case INT64 -> "Int64";
		};
		return "{" + SqlFragment.parameterName(index) + ":" + typeName + "}";
	}

	@Override
	public String tagValue(String keyPlaceholder) {
		return quoteIdentifier("tags") + "[" + keyPlaceholder + "]";
	}

	@Override
	public String tagExists(String keyPlaceholder) {
		return "mapContains(" + quoteIdentifier("tags") + ", " + keyPlaceholder + ")";
	}

	@Override
	public String like(String expression, String patternPlaceholder, boolean ignoreCase) {
		return expression + (ignoreCase ? " ILIKE " : " LIKE ") + patternPlaceholder;
	}

	@Override
	public String timestamp(String epochMillisPlaceholder) {
		return "fromUnixTimestamp64Milli(" + epochMillisPlaceholder + ", 'UTC')";
	}

	@Override
	public String jsonString(String column, String pathPlaceholder) {
		return "JSONExtractString(" + column + ", " + pathPlaceholder + ")";
	}

	@Override
	public String jsonPath(String member) {
		return member;
	}

}
