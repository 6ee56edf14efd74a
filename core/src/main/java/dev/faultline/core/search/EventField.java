package dev.faultline.core.search;

/**
 * The event fields a search key names (anything else is a tag), which decides the key's
 * scope and kind. The query model's errors dataset declares the same fields as columns;
 * the storage adapters map those to their physical columns.
 */
public enum EventField {

	LEVEL("level", false), RELEASE("release", true), ENVIRONMENT("environment", true), PLATFORM("platform", false),
	TITLE("title", false), MESSAGE("message", false), CULPRIT("culprit", false), TRANSACTION("transaction_name", true),
	TRACE_ID("trace_id", true), EVENT_ID("event_id", false), USER_ID("user_id", true), USER_EMAIL("user_email", true),
	USER_USERNAME("user_username", true), USER_IP("user_ip_address", true), TIMESTAMP("timestamp", false),
	/** Not a column: the {@code type} member of the stored JSON payload. */
	EVENT_TYPE("payload", false);

	private final String column;

	private final boolean nullable;

	EventField(String column, boolean nullable) {
		this.column = column;
		this.nullable = nullable;
	}

	/**
	 * Returns the column name in the DuckDB schema, which dialects start from.
	 * @return an unquoted column name
	 */
	public String column() {
		return this.column;
	}

	/**
	 * Returns whether the column can be NULL, so that a missing value can be read as the
	 * empty string (a negated filter then matches events without the field, as in
	 * Sentry).
	 * @return whether the column is nullable
	 */
	public boolean nullable() {
		return this.nullable;
	}

}
