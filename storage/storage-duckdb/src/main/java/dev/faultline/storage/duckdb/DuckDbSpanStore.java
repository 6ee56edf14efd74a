package dev.faultline.storage.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.SpanReader;
import dev.faultline.storage.spans.SpanWriter;
import dev.faultline.storage.spans.StoredSpan;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The embedded spans role: the {@code spans} table of the event database, on the event
 * store's one connection and under its lock. Writes go through the Appender into a
 * staging table and are moved with {@code INSERT OR IGNORE}, idempotent on the primary
 * key {@code (project_id, trace_id, span_id)} (the first stored copy wins), as the events
 * are.
 */
final class DuckDbSpanStore implements SpanWriter, SpanReader {

	static final String COLUMNS = "project_id, trace_id, span_id, parent_span_id, segment_id, transaction_id, "
			+ "is_segment, start_timestamp, end_timestamp, duration_ms, exclusive_time_ms, received_at, op, "
			+ "description, status, transaction_name, release, environment, platform, sdk_name, has_user, user_id, "
			+ "user_username, user_email, user_ip_address, sample_weight, measurements, measurement_units, tags, data";

	private static final String SELECT = "SELECT project_id, trace_id, span_id, parent_span_id, segment_id, "
			+ "transaction_id, is_segment, epoch_us(start_timestamp), epoch_us(end_timestamp), duration_ms, "
			+ "exclusive_time_ms, epoch_ms(received_at), op, description, status, transaction_name, release, "
			+ "environment, platform, sdk_name, has_user, user_id, user_username, user_email, user_ip_address, "
			+ "sample_weight, measurements, measurement_units, tags, data FROM spans ";

	private final DuckDbEventStore store;

	DuckDbSpanStore(DuckDbEventStore store) {
		this.store = store;
	}

	/**
	 * Creates the connection's staging table (a temporary table lives as long as the
	 * connection).
	 */
	static void createStaging(Statement statement) throws SQLException {
		statement.execute("CREATE TEMP TABLE spans_staging AS SELECT " + COLUMNS + " FROM spans LIMIT 0");
	}

	@Override
	public void writeSpans(List<StoredSpan> spans) {
		if (spans.isEmpty()) {
			return;
		}
		Map<String, StoredSpan> unique = new LinkedHashMap<>();
		for (StoredSpan span : spans) {
			unique.putIfAbsent(span.projectId() + ":" + span.traceId() + ":" + span.spanId(), span);
		}
		this.store.inTransaction("Cannot write " + unique.size() + " spans", (connection) -> {
			try (DuckDBAppender appender = connection.createAppender("temp", "main", "spans_staging")) {
				for (StoredSpan span : unique.values()) {
					append(appender, span);
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement
					.execute("INSERT OR IGNORE INTO spans (" + COLUMNS + ") SELECT " + COLUMNS + " FROM spans_staging");
				statement.execute("DELETE FROM spans_staging");
			}
		});
	}

	@Override
	public List<StoredSpan> trace(List<Long> projectIds, String traceId, int limit) {
		SpanReader.checkLimit(limit);
		if (projectIds.isEmpty()) {
			return List.of();
		}
		List<Object> parameters = new ArrayList<>(projectIds);
		parameters.add(traceId);
		parameters.add(limit);
		List<StoredSpan> spans = new ArrayList<>();
		this.store.read("Cannot read the spans of trace " + traceId,
				SELECT + "WHERE project_id IN (" + String.join(", ", Collections.nCopies(projectIds.size(), "?"))
						+ ") AND trace_id = ? ORDER BY start_timestamp, span_id LIMIT ?",
				(row) -> spans.add(read(row)), parameters.toArray());
		return spans;
	}

	/**
	 * Deletes the spans that ended before the cutoff; runs under the caller's lock.
	 */
	static void deleteOlderThan(DuckDBConnection connection, Instant cutoff) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM spans WHERE end_timestamp < epoch_ms(?::BIGINT)")) {
			statement.setLong(1, cutoff.toEpochMilli());
			statement.executeUpdate();
		}
	}

	private static void append(DuckDBAppender appender, StoredSpan span) throws SQLException {
		EventUser user = span.user();
		appender.beginRow().append(span.projectId()).append(span.traceId()).append(span.spanId());
		nullable(appender, span.parentSpanId());
		nullable(appender, span.segmentId());
		nullable(appender, span.transactionId());
		appender.append(span.segment())
			.append(utc(span.start()))
			.append(utc(span.end()))
			.append(span.durationMs())
			.append(span.exclusiveTimeMs())
			.append(utc(span.receivedAt()));
		nullable(appender, span.op());
		nullable(appender, span.description());
		nullable(appender, span.status());
		nullable(appender, span.transaction());
		nullable(appender, span.release());
		nullable(appender, span.environment());
		nullable(appender, span.platform());
		nullable(appender, span.sdkName());
		appender.append(user != null);
		nullable(appender, (user != null) ? user.id() : null);
		nullable(appender, (user != null) ? user.username() : null);
		nullable(appender, (user != null) ? user.email() : null);
		nullable(appender, (user != null) ? user.ipAddress() : null);
		Map<String, Double> values = new HashMap<>();
		Map<String, String> units = new HashMap<>();
		span.measurements().forEach((name, measurement) -> {
			values.put(name, measurement.value());
			units.put(name, measurement.unit());
		});
		appender.append(span.sampleWeight())
			.append(values)
			.append(units)
			.append(span.tags())
			.append(span.data())
			.endRow();
	}

	private static void nullable(DuckDBAppender appender, @Nullable String value) throws SQLException {
		if (value == null) {
			appender.appendNull();
		}
		else {
			appender.append(value);
		}
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	private static StoredSpan read(ResultSet row) throws SQLException {
		EventUser user = row.getBoolean(21)
				? new EventUser(row.getString(22), row.getString(23), row.getString(24), row.getString(25)) : null;
		Map<String, Measurement> measurements = new HashMap<>();
		Map<String, String> units = strings(row.getObject(28));
		if (row.getObject(27) instanceof Map<?, ?> values) {
			values.forEach((name, value) -> measurements.put(String.valueOf(name),
					new Measurement(((Number) value).doubleValue(), units.getOrDefault(String.valueOf(name), "none"))));
		}
		return new StoredSpan(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
				row.getString(6), row.getBoolean(7), micros(row.getLong(8)), micros(row.getLong(9)), row.getDouble(10),
				row.getDouble(11), Instant.ofEpochMilli(row.getLong(12)), row.getString(13), row.getString(14),
				row.getString(15), row.getString(16), row.getString(17), row.getString(18), row.getString(19),
				row.getString(20), user, row.getDouble(26), measurements, strings(row.getObject(29)),
				strings(row.getObject(30)));
	}

	private static Instant micros(long epochMicros) {
		return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
	}

	private static Map<String, String> strings(@Nullable Object value) {
		Map<String, String> map = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> entries) {
			entries.forEach((key, entry) -> map.put(String.valueOf(key), String.valueOf(entry)));
		}
		return map;
	}

}
