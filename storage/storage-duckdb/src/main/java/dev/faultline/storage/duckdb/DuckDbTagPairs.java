package dev.faultline.storage.duckdb;

/**
 * The SQL that turns events into their {@code (tag_key, tag_value, timestamp)} pairs, the
 * base of every tag read: one pair per tag of the event, plus the built-in keys
 * {@code level}, {@code environment} and {@code release} when the event carries them and
 * has no tag of the same name (the tag wins).
 */
final class DuckDbTagPairs {

	private DuckDbTagPairs() {
	}

	/**
	 * Returns a {@code WITH} clause defining {@code pairs(tag_key, tag_value, timestamp)}
	 * over the events matching {@code scope}.
	 * @param scope a boolean expression over {@code events}; its placeholders are bound
	 * once, before any placeholder of the statement that follows
	 */
	static String with(String scope) {
		return "WITH scoped AS (SELECT tags, level, environment, release, timestamp FROM events WHERE " + scope
				+ "), pairs AS (SELECT unnest(map_keys(tags)) AS tag_key, unnest(map_values(tags)) AS tag_value, "
				+ "timestamp FROM scoped "
				+ "UNION ALL SELECT 'level', level, timestamp FROM scoped WHERE NOT map_contains(tags, 'level') "
				+ "UNION ALL SELECT 'environment', environment, timestamp FROM scoped "
				+ "WHERE environment IS NOT NULL AND NOT map_contains(tags, 'environment') "
				+ "UNION ALL SELECT 'release', release, timestamp FROM scoped "
				+ "WHERE release IS NOT NULL AND NOT map_contains(tags, 'release')) ";
	}

}
