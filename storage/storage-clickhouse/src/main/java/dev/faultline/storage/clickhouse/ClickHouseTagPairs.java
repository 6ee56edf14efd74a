package dev.faultline.storage.clickhouse;

/**
 * The SQL that turns events into their {@code (tag_key, tag_value, timestamp)} pairs, the
 * base of every tag read: one pair per tag of the event, plus the built-in keys
 * {@code level}, {@code environment} and {@code release} when the event carries them and
 * has no tag of the same name (the tag wins). One pass over the table: the pairs of a row
 * are built as one array and {@code ARRAY JOIN}ed (a row without any pair drops out).
 */
final class ClickHouseTagPairs {

	private ClickHouseTagPairs() {
	}

	/**
	 * Returns a {@code WITH} clause defining {@code pairs(tag_key, tag_value, timestamp)}
	 * over the events (deduplicated with {@code FINAL}) matching {@code scope}.
	 * @param scope a boolean expression over {@code events} with named parameters
	 */
	static String with(String scope) {
		return "WITH pairs AS (SELECT pair.1 AS tag_key, pair.2 AS tag_value, timestamp FROM events FINAL "
				+ "ARRAY JOIN arrayConcat(arrayZip(mapKeys(tags), mapValues(tags)), "
				+ "if(mapContains(tags, 'level'), [], [('level', toString(level))]), "
				+ "if(environment IS NULL OR mapContains(tags, 'environment'), [], "
				+ "[('environment', toString(assumeNotNull(environment)))]), "
				+ "if(release IS NULL OR mapContains(tags, 'release'), [], "
				+ "[('release', toString(assumeNotNull(release)))])) AS pair WHERE " + scope + ") ";
	}

}
