package dev.faultline.storage.clickhouse;

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
import dev.faultline.storage.sql.SqlFragment;
import org.jspecify.annotations.Nullable;

/**
 * ClickHouse's SQL for the query model: typed named placeholders {@code {p0:String}}
 * bound from {@link SqlFragment#namedParameters()}, the {@code events} table
 * ({@code V1__events.sql}) read with {@code FINAL} when duplicates could change the
 * answer, {@code tags[…]} map access (the empty string when the key is missing), tag
 * pairs by {@code ARRAY JOIN}, {@code fromUnixTimestamp64Milli} times, exact
 * {@code uniqExact} and {@code quantileExactInclusive} (the same answers as DuckDB's
 * {@code count(DISTINCT)} and {@code quantile_cont}). ClickHouse's LIKE reads {@code \}
 * as its escape character without an ESCAPE clause.
 *
 * <p>
 * The server reads parameter values in its escaped text form, where {@code \} starts an
 * escape sequence; {@code client-v2} 0.11.0 escapes them, so a value arrives as itself
 * (the query TCK checks quotes, backslashes, NUL and unicode).
 */
final class ClickHouseSqlDialect implements SqlDialect {

	/** The errors dataset's columns in the {@code events} table. */
	private static final Map<String, String> ERRORS = Map.ofEntries(Map.entry(Dataset.PROJECT, "project_id"),
			Map.entry("id", "event_id"), Map.entry("issue.id", "issue_id"), Map.entry(Dataset.TIMESTAMP, "timestamp"),
			Map.entry("received", "received_at"), Map.entry("platform", "toString(platform)"),
			Map.entry("level", "toString(level)"), Map.entry("title", "title"), Map.entry("message", "message"),
			Map.entry("culprit", "culprit"), Map.entry("release", "release"), Map.entry("environment", "environment"),
			Map.entry("transaction", "`transaction`"), Map.entry("trace", "trace_id"), Map.entry("user.id", "user_id"),
			Map.entry("user.email", "user_email"), Map.entry("user.username", "user_username"),
			Map.entry("user.ip", "user_ip_address"), Map.entry("event.type", "JSONExtractString(payload, 'type')"),
			Map.entry("primary_hash", "primary_hash"));

	/**
	 * The columns the spans and transactions datasets share, in the {@code spans} table
	 * ({@code V2__spans.sql}).
	 */
	private static final Map<String, String> SPAN_COMMON = spanCommon();

	/** The spans dataset's own columns. */
	private static final Map<String, String> SPANS = Map.ofEntries(Map.entry("id", "span_id"),
			Map.entry("span.op", "toString(op)"), Map.entry("span.description", "description"),
			Map.entry("span.status", "toString(status)"), Map.entry("span.duration", "duration_ms"),
			Map.entry("span.self_time", "exclusive_time_ms"), Map.entry("is_transaction", "toInt64(is_segment)"),
			Map.entry("segment.id", "segment_id"), Map.entry("transaction.id", "transaction_id"),
			Map.entry("trace.parent_span", "parent_span_id"));

	/** The transactions dataset's own columns. */
	private static final Map<String, String> TRANSACTIONS = Map.ofEntries(
			Map.entry("id", "ifNull(transaction_id, span_id)"), Map.entry("transaction.op", "toString(op)"),
			Map.entry("transaction.status", "toString(status)"), Map.entry("transaction.duration", "duration_ms"),
			Map.entry("trace.span", "span_id"), Map.entry("trace.parent_span", "parent_span_id"));

	/**
	 * The sessions dataset's columns in the {@code sessions} table
	 * ({@code V3__sessions.sql}), read with FINAL: the status is the code in the low bits
	 * of the merged version.
	 */
	private static final Map<String, String> SESSIONS = Map.ofEntries(Map.entry(Dataset.PROJECT, "project_id"),
			Map.entry(Dataset.TIMESTAMP, "started"), Map.entry("id", "session_id"),
			Map.entry("release", "toString(release)"), Map.entry("environment", "nullIf(toString(environment), '')"),
			Map.entry("user", "nullIf(distinct_id, '')"),
			Map.entry("session.status",
					"multiIf(toUInt8(version % 8) = 5, 'crashed', toUInt8(version % 8) = 4, 'abnormal', "
							+ "toUInt8(version % 8) = 3, 'unhandled', toUInt8(version % 8) = 2 OR errors > 0, 'errored', "
							+ "'healthy')"),
			Map.entry("session.init", "toInt64(init)"), Map.entry("session.errors", "toInt64(errors)"),
			Map.entry(Dataset.SAMPLE_WEIGHT, "quantity"));

	private static Map<String, String> spanCommon() {
		Map<String, String> columns = new HashMap<>(
				Map.ofEntries(Map.entry(Dataset.PROJECT, "project_id"), Map.entry(Dataset.TIMESTAMP, "end_timestamp"),
						Map.entry("precise.start_ts", "(toUnixTimestamp64Micro(start_timestamp) / 1000000.0)"),
						Map.entry("precise.finish_ts", "(toUnixTimestamp64Micro(end_timestamp) / 1000000.0)"),
						Map.entry("trace", "trace_id"), Map.entry("transaction", "transaction_name"),
						Map.entry("release", "toString(release)"), Map.entry("environment", "toString(environment)"),
						Map.entry("platform", "toString(platform)"), Map.entry("sdk.name", "toString(sdk_name)"),
						Map.entry("user",
								"multiIf(user_id IS NOT NULL, concat('id:', user_id), "
										+ "user_email IS NOT NULL, concat('email:', user_email), "
										+ "user_username IS NOT NULL, concat('username:', user_username), "
										+ "user_ip_address IS NOT NULL, concat('ip:', user_ip_address), NULL)"),
						Map.entry("user.id", "user_id"), Map.entry("user.email", "user_email"),
						Map.entry("user.username", "user_username"), Map.entry("user.ip", "user_ip_address"),
						Map.entry("sample_weight", "sample_weight")));
		List<String> measurements = new ArrayList<>(Datasets.DURATION_MEASUREMENTS);
		measurements.addAll(Datasets.NUMBER_MEASUREMENTS);
		for (String name : measurements) {
			// The names are this module's constants, never client text. A missing key
			// reads as 0 in ClickHouse, so it is made NULL explicitly.
			columns.put(Datasets.MEASUREMENT_PREFIX + name,
					"if(mapContains(measurements, '" + name + "'), measurements['" + name + "'], NULL)");
		}
		return Map.copyOf(columns);
	}

	@Override
	public String placeholder(int index, ParameterType type) {
		String typeName = switch (type) {
			case STRING -> "String";
			case INT64 -> "Int64";
			case FLOAT64 -> "Float64";
		};
		return "{" + SqlFragment.parameterName(index) + ":" + typeName + "}";
	}

	@Override
	public String table(Dataset dataset, boolean collapseDuplicates) {
		String spans = collapseDuplicates ? "spans FINAL" : "spans";
		if (dataset == Datasets.SPANS) {
			return spans;
		}
		if (dataset == Datasets.TRANSACTIONS) {
			return "(SELECT * FROM " + spans + " WHERE is_segment) AS transactions";
		}
		if (dataset == Datasets.SESSIONS) {
			// The updates of a session are rows until a merge combines them; every
			// column but the key is only right after it, so FINAL always.
			return "sessions FINAL";
		}
		checkErrors(dataset);
		// A replayed event is a second row until a merge collapses it; FINAL collapses
		// at read time, which costs, so only where a copy could change the answer.
		return collapseDuplicates ? "events FINAL" : "events";
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
			return "ARRAY JOIN arrayZip(mapKeys(tags), mapValues(tags)) AS pair";
		}
		if (dataset == Datasets.SESSIONS) {
			throw new IllegalArgumentException("sessions have no tags");
		}
		checkErrors(dataset);
		return "ARRAY JOIN arrayConcat(arrayZip(mapKeys(tags), mapValues(tags)), "
				+ "if(mapContains(tags, 'level'), [], [('level', toString(level))]), "
				+ "if(environment IS NULL OR mapContains(tags, 'environment'), [], "
				+ "[('environment', toString(assumeNotNull(environment)))]), "
				+ "if(release IS NULL OR mapContains(tags, 'release'), [], "
				+ "[('release', toString(assumeNotNull(release)))])) AS pair";
	}

	@Override
	public String tagPairKey() {
		return "pair.1";
	}

	@Override
	public String tagPairValue() {
		return "pair.2";
	}

	@Override
	public String tagValue(String keyPlaceholder) {
		return "tags[" + keyPlaceholder + "]";
	}

	@Override
	public String tagValueOrNull(String keyPlaceholder) {
		// A named placeholder may appear twice; it is bound once.
		return "if(mapContains(tags, " + keyPlaceholder + "), tags[" + keyPlaceholder + "], NULL)";
	}

	@Override
	public String tagExists(String keyPlaceholder) {
		return "mapContains(tags, " + keyPlaceholder + ")";
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
	public String epochMillis(String dateExpression) {
		return "toUnixTimestamp64Milli(" + dateExpression + ")";
	}

	@Override
	public String divide(String dividend, String divisor) {
		return "intDiv(" + dividend + ", " + divisor + ")";
	}

	@Override
	public String aggregate(Function function, @Nullable String argument, boolean integerArgument,
			@Nullable String quantilePlaceholder) {
		return switch (function) {
			case COUNT -> "toInt64(count())";
			case COUNT_UNIQUE -> "toInt64(uniqExact(" + argument + "))";
			case AVG -> "toFloat64(avg(" + argument + "))";
			case SUM -> integerArgument ? "toInt64(sum(" + argument + "))" : "toFloat64(sum(" + argument + "))";
			case MIN -> "min(" + argument + ")";
			case MAX -> "max(" + argument + ")";
			case PERCENTILE -> "toFloat64(quantileExactInclusive(" + quantilePlaceholder + ")(" + argument + "))";
			case ANY -> "any(" + argument + ")";
			// last_seen, first_seen and the performance functions: written by the
			// compiler.
			default -> throw new IllegalArgumentException("written by the compiler: " + function);
		};
	}

	private static void checkErrors(Dataset dataset) {
		if (dataset != Datasets.ERRORS) {
			throw new IllegalArgumentException("the ClickHouse event store holds no dataset " + dataset);
		}
	}

}
