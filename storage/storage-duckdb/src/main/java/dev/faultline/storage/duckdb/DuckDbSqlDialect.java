package dev.faultline.storage.duckdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * table's columns ({@code V1__events.sql}) and the {@code spans} table's
 * ({@code V2__spans.sql}; transactions are its segments), {@code tags[?]} map access
 * (NULL when the key is missing), tag pairs by unnesting the tags merged over the
 * built-in keys (a tag wins through {@code map_concat}), {@code epoch_ms} times, and an
 * explicit {@code ESCAPE '\'} since DuckDB's LIKE has no default escape character.
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

	/**
	 * The columns the spans and transactions datasets share, in the {@code spans} table
	 * ({@code V2__spans.sql}).
	 */
	private static final Map<String, String> SPAN_COMMON = spanCommon();

	/** The spans dataset's own columns. */
	private static final Map<String, String> SPANS = Map.ofEntries(Map.entry("id", "span_id"),
			Map.entry("span.op", "op"), Map.entry("span.description", "description"),
			Map.entry("span.status", "status"), Map.entry("span.duration", "duration_ms"),
			Map.entry("span.self_time", "exclusive_time_ms"), Map.entry("is_transaction", "is_segment::BIGINT"),
			Map.entry("segment.id", "segment_id"), Map.entry("transaction.id", "transaction_id"),
			Map.entry("trace.parent_span", "parent_span_id"));

	/** The transactions dataset's own columns. */
	private static final Map<String, String> TRANSACTIONS = Map.ofEntries(
			Map.entry("id", "coalesce(transaction_id, span_id)"), Map.entry("transaction.op", "op"),
			Map.entry("transaction.status", "status"), Map.entry("transaction.duration", "duration_ms"),
			Map.entry("trace.span", "span_id"), Map.entry("trace.parent_span", "parent_span_id"));

	/**
	 * The sessions dataset's columns in the {@code sessions} table
	 * ({@code V3__sessions.sql}): the status is the code in the low bits of the version.
	 */
	private static final Map<String, String> SESSIONS = Map.ofEntries(Map.entry(Dataset.PROJECT, "project_id"),
			Map.entry(Dataset.TIMESTAMP, "started"), Map.entry("id", "session_id"), Map.entry("release", "release"),
			Map.entry("environment", "nullif(environment, '')"), Map.entry("user", "nullif(distinct_id, '')"),
			Map.entry("session.status",
					"CASE CAST(version % 8 AS INTEGER) WHEN 5 THEN 'crashed' WHEN 4 THEN 'abnormal' "
							+ "WHEN 3 THEN 'unhandled' WHEN 2 THEN 'errored' "
							+ "ELSE CASE WHEN errors > 0 THEN 'errored' ELSE 'healthy' END END"),
			Map.entry("session.init", "CAST(init AS BIGINT)"), Map.entry("session.errors", "errors"),
			Map.entry(Dataset.SAMPLE_WEIGHT, "quantity"));

	private static Map<String, String> spanCommon() {
		Map<String, String> columns = new HashMap<>(
				Map.ofEntries(Map.entry(Dataset.PROJECT, "project_id"), Map.entry(Dataset.TIMESTAMP, "end_timestamp"),
						Map.entry("precise.start_ts", "(epoch_us(start_timestamp) / 1000000.0)"),
						Map.entry("precise.finish_ts", "(epoch_us(end_timestamp) / 1000000.0)"),
						Map.entry("trace", "trace_id"), Map.entry("transaction", "transaction_name"),
						Map.entry("release", "release"), Map.entry("environment", "environment"),
						Map.entry("platform", "platform"), Map.entry("sdk.name", "sdk_name"),
						Map.entry("user",
								"CASE WHEN user_id IS NOT NULL THEN 'id:' || user_id "
										+ "WHEN user_email IS NOT NULL THEN 'email:' || user_email "
										+ "WHEN user_username IS NOT NULL THEN 'username:' || user_username "
										+ "WHEN user_ip_address IS NOT NULL THEN 'ip:' || user_ip_address END"),
						Map.entry("user.id", "user_id"), Map.entry("user.email", "user_email"),
						Map.entry("user.username", "user_username"), Map.entry("user.ip", "user_ip_address"),
						Map.entry("sample_weight", "sample_weight")));
		List<String> measurements = new ArrayList<>(Datasets.DURATION_MEASUREMENTS);
		measurements.addAll(Datasets.NUMBER_MEASUREMENTS);
		for (String name : measurements) {
			// The names are this module's constants, never client text.
			columns.put(Datasets.MEASUREMENT_PREFIX + name, "measurements['" + name + "']");
		}
		return Map.copyOf(columns);
	}

	@Override
	public String placeholder(int index, ParameterType type) {
		return "?";
	}

	@Override
	public String table(Dataset dataset, boolean collapseDuplicates) {
		// The primary keys keep one copy of each event and span: nothing to collapse.
		if (dataset == Datasets.SPANS) {
			return "spans";
		}
		if (dataset == Datasets.TRANSACTIONS) {
			return "(SELECT * FROM spans WHERE is_segment) AS transactions";
		}
		if (dataset == Datasets.SESSIONS) {
			// One row per session: the upsert merges its updates.
			return "sessions";
		}
		checkErrors(dataset);
		return "events";
	}

	@Override
	public String column(Dataset dataset, Column column) {
		String sql;
		if (dataset == Datasets.SPANS || dataset == Datasets.TRANSACTIONS) {
			sql = ((dataset == Datasets.SPANS) ? SPANS : TRANSACTIONS).get(column.name());
			if (sql == null) {
				sql = SPAN_COMMON.get(column.name());
			}
		}
		else if (dataset == Datasets.SESSIONS) {
			sql = SESSIONS.get(column.name());
		}
		else {
			checkErrors(dataset);
			sql = ERRORS.get(column.name());
		}
		if (sql == null) {
			throw new IllegalArgumentException("not a stored column of " + dataset + ": " + column.name());
		}
		return sql;
	}

	@Override
	public String tagPairs(Dataset dataset) {
		if (dataset == Datasets.SPANS || dataset == Datasets.TRANSACTIONS) {
			return ", unnest(map_entries(tags)) AS pairs(pair)";
		}
		if (dataset == Datasets.SESSIONS) {
			throw new IllegalArgumentException("sessions have no tags");
		}
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
			// last_seen, first_seen and the performance functions: written by the
			// compiler.
			default -> throw new IllegalArgumentException("written by the compiler: " + function);
		};
	}

	private static void checkErrors(Dataset dataset) {
		if (dataset != Datasets.ERRORS) {
			throw new IllegalArgumentException("the DuckDB event store holds no dataset " + dataset);
		}
	}

}
