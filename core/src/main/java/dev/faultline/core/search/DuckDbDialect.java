package dev.faultline.core.search;

/**
 * DuckDB (the embedded event store): JDBC {@code ?} placeholders, {@code tags[?]} map
 * access (NULL when the key is missing), {@code epoch_ms(?::BIGINT)} times as the DuckDB
 * adapter binds them, and an explicit {@code ESCAPE '\'} since DuckDB's LIKE has no
 * default escape character.
 */
public final class DuckDbDialect implements SqlDialect {

	@Override
	public String quoteIdentifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	@Override
	public String placeholder(int index, SqlType type) {
		return "?";
	}

	@Override
	public String tagValue(String keyPlaceholder) {
		return emptyIfNull(quoteIdentifier("tags") + "[" + keyPlaceholder + "]");
	}

	@Override
	public String tagExists(String keyPlaceholder) {
		return "map_contains(" + quoteIdentifier("tags") + ", " + keyPlaceholder + ")";
	}

	@Override
	public String like(String expression, String patternPlaceholder, boolean ignoreCase) {
		return expression + (ignoreCase ? " ILIKE " : " LIKE ") + patternPlaceholder + " ESCAPE '\\'";
	}

	@Override
	public String timestamp(String epochMillisPlaceholder) {
		return "epoch_ms(" + epochMillisPlaceholder + "::BIGINT)";
	}

	@Override
	public String jsonString(String column, String pathPlaceholder) {
		return "json_extract_string(" + column + ", " + pathPlaceholder + ")";
	}

	@Override
	public String jsonPath(String member) {
		return "$." + member;
	}

}
