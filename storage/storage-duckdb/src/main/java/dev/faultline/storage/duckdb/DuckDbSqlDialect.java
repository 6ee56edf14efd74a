package dev.faultline.storage.duckdb;

import java.util.Map;

import dev.faultline.query.Column;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Function;
import dev.faultline.storage.sql.ParameterType;
import dev.faultline.storage.sql.SqlDialect;
import org.jspecify.annotations.Nullable;

/**
 * DuckDB's SQL for the query model: JDBC {@code ?} placeholders, the {@code events}
 * table's columns ({@code V1__events.sql}), {@code tags[?]} map access (NULL when the key
 * is missing), tag pairs by unnesting the tags merged over the built-in keys (a tag wins
 * through {@code map_concat}), {@code epoch_ms} times, and an explicit {@code ESCAPE '\'}
 * since DuckDB's LIKE has no default escape character.
 */
final class DuckDbSqlDialect implements SqlDialect {

	/** The errors dataset's columns in the {@code events} table. */
	private static final Map<String, String> ERRORS = Map.ofEntries(Map.entry(Dataset.PROJECT, "project_id"),
			Map.entry("id", "event_id"), Map.entry("issue.id", "issue_id"), Map.entry(Dataset.TIMESTAMP, "timestamp"),
			Map.entry("received", "received_at"), Map.entry("platform", "platform"), Map.entry("level", "level"),
			Map.entry("title", "title"), Map.entry("message", "message"), Map.entry("culprit", "culprit"),
			Map.entry("release", "release"), Map.entry("environment", "environment"),
			Map.entry("transaction", "transaction_name"), Map.entry("trace", "trace_id"),
			Map.entry("user.id", "user_id"), Map.entry("user.email", "user_email"),
			Map.entry("user.username", "user_username"), Map.entry("user.ip", "user_ip_address"),
			Map.entry("event.type", "coalesce(json_extract_string(payload, '$.type'), '')"),
			Map.entry("primary_hash", "primary_hash"));

	@Override
	public String placeholder(int index, ParameterType type) {
		return "?";
	}

	@Override
	public String table(Dataset dataset, boolean collapseDuplicates) {
		// The primary key keeps one copy of each event: nothing to collapse.
		checkErrors(dataset);
		return "events";
	}

	@Override
	public String column(Dataset dataset, Column column) {
		checkErrors(dataset);
		String sql = ERRORS.get(column.name());
		if (sql == null) {
			throw new IllegalArgumentException("not a stored column of " + dataset + ": " + column.name());
		}
		return sql;
	}

	@Override
	public String tagPairs(Dataset dataset) {
		checkErrors(dataset);
		return ", unnest(map_entries(map_concat(map_from_entries(list_filter([{'key': 'level', 'value': level}, "
				+ "{'key': 'environment', 'value': environment}, {'key': 'release', 'value': release}], "
				+ "lambda pair: pair.value IS NOT NULL)), tags))) AS pairs(pair)";
	}

	@Override
	public String tagPairKey() {
		return "pair.key";
	}

	@Override
	public String tagPairValue() {
		return "pair.value";
	}

	@Override
	public String tagValue(String keyPlaceholder) {
		return emptyIfNull(tagValueOrNull(keyPlaceholder));
	}

	@Override
	public String tagValueOrNull(String keyPlaceholder) {
		return "tags[" + keyPlaceholder + "]";
	}

	@Override
	public String tagExists(String keyPlaceholder) {
		return "map_contains(tags, " + keyPlaceholder + ")";
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
	public String epochMillis(String dateExpression) {
		return "epoch_ms(" + dateExpression + ")";
	}

	@Override
	public String divide(String dividend, String divisor) {
		return "(" + dividend + " // " + divisor + ")";
	}

	@Override
	public String aggregate(Function function, @Nullable String argument, boolean integerArgument,
			@Nullable String quantilePlaceholder) {
		return switch (function) {
			case COUNT -> "count(*)";
			case COUNT_UNIQUE -> "count(DISTINCT " + argument + ")";
			case AVG -> "avg(" + argument + ")::DOUBLE";
			case SUM -> integerArgument ? "sum(" + argument + ")::BIGINT" : "sum(" + argument + ")::DOUBLE";
			case MIN -> "min(" + argument + ")";
			case MAX -> "max(" + argument + ")";
			case PERCENTILE -> "quantile_cont(" + argument + ", " + quantilePlaceholder + "::DOUBLE)::DOUBLE";
			case ANY -> "any_value(" + argument + ")";
			case LAST_SEEN, FIRST_SEEN -> throw new IllegalArgumentException("written as max/min: " + function);
		};
	}

	private static void checkErrors(Dataset dataset) {
		if (dataset != Datasets.ERRORS) {
			throw new IllegalArgumentException("the DuckDB event store holds the errors dataset only: " + dataset);
		}
	}

}
