package dev.faultline.storage.clickhouse;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.data.ClickHouseFormat;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.SpanReader;
import dev.faultline.storage.spans.SpanWriter;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The scale spans role: the {@code spans} table ({@code V2__spans.sql}) on the event
 * store's client. Each {@link #writeSpans} is one synchronous {@code JSONEachRow} INSERT;
 * the table is a {@code ReplacingMergeTree} keyed by {@code (project_id, trace_id,
 * span_id)} and read with {@code FINAL}, so a replayed span shows once. Times are written
 * with microseconds ({@code DateTime64(6)}) and read back as epoch microseconds.
 */
final class ClickHouseSpanStore implements SpanWriter, SpanReader {

	private static final String TABLE = "spans";

	private static final String SELECT = "SELECT project_id, trace_id, span_id, parent_span_id, segment_id, "
			+ "transaction_id, is_segment, toUnixTimestamp64Micro(start_timestamp) AS start_us, "
			+ "toUnixTimestamp64Micro(end_timestamp) AS end_us, duration_ms, exclusive_time_ms, "
			+ "toUnixTimestamp64Milli(received_at) AS received_ms, op, description, status, transaction_name, release, "
			+ "environment, platform, sdk_name, has_user, user_id, user_username, user_email, user_ip_address, "
			+ "sample_weight, mapKeys(measurements) AS measurement_names, mapValues(measurements) AS measurement_values, "
			+ "measurement_units, tags, data FROM spans FINAL ";

	private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	private static final long TIMEOUT_SECONDS = 60;

	private final Client client;

	private final BiFunction<String, Exception, ClickHouseAccessException> failure;

	ClickHouseSpanStore(Client client, BiFunction<String, Exception, ClickHouseAccessException> failure) {
		this.client = client;
		this.failure = failure;
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
		Collection<StoredSpan> rows = unique.values();
		try (InsertResponse response = this.client
			.insert(TABLE, (out) -> write(rows, out), ClickHouseFormat.JSONEachRow, new InsertSettings())
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			// A synchronous insert has committed its parts when the response arrives.
		}
		catch (Exception ex) {
			throw this.failure.apply("Cannot write " + rows.size() + " spans", ex);
		}
	}

	@Override
	public List<StoredSpan> trace(List<Long> projectIds, String traceId, int limit) {
		SpanReader.checkLimit(limit);
		if (projectIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> parameters = new HashMap<>(Map.of("trace_id", traceId, "limit", limit));
		List<String> placeholders = new ArrayList<>();
		for (int i = 0; i < projectIds.size(); i++) {
			parameters.put("project" + i, projectIds.get(i));
			placeholders.add("{project" + i + ":UInt64}");
		}
		try {
			List<StoredSpan> spans = new ArrayList<>();
			for (GenericRecord row : this.client.queryAll(SELECT + "WHERE project_id IN ("
					+ String.join(", ", placeholders) + ") AND trace_id = {trace_id:String} "
					+ "ORDER BY start_timestamp, span_id LIMIT {limit:UInt32}", parameters)) {
				spans.add(read(row));
			}
			return spans;
		}
		catch (RuntimeException ex) {
			throw this.failure.apply("Cannot read the spans of trace " + traceId, ex);
		}
	}

	/**
	 * Deletes the spans that ended before the cutoff (the retention sweep); returns once
	 * they are gone.
	 */
	void deleteOlderThan(Instant cutoff) {
		try {
			this.client.queryAll(
					"ALTER TABLE " + TABLE + " DELETE WHERE end_timestamp < "
							+ "fromUnixTimestamp64Milli({cutoff:Int64}) SETTINGS mutations_sync = 2",
					Map.of("cutoff", cutoff.toEpochMilli()));
		}
		catch (RuntimeException ex) {
			throw this.failure.apply("Cannot delete spans older than " + cutoff, ex);
		}
	}

	private static void write(Collection<StoredSpan> spans, OutputStream out) {
		try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			for (StoredSpan span : spans) {
				writeRow(json, span);
				json.writeRaw('\n');
			}
		}
	}

	private static void writeRow(JsonGenerator json, StoredSpan span) {
		EventUser user = span.user();
		json.writeStartObject();
		json.writeNumberProperty("project_id", span.projectId());
		json.writeStringProperty("trace_id", span.traceId());
		json.writeStringProperty("span_id", span.spanId());
		nullable(json, "parent_span_id", span.parentSpanId());
		nullable(json, "segment_id", span.segmentId());
		nullable(json, "transaction_id", span.transactionId());
		json.writeBooleanProperty("is_segment", span.segment());
		json.writeStringProperty("start_timestamp", MICROS.format(span.start()));
		json.writeStringProperty("end_timestamp", MICROS.format(span.end()));
		json.writeNumberProperty("duration_ms", span.durationMs());
		json.writeNumberProperty("exclusive_time_ms", span.exclusiveTimeMs());
		json.writeStringProperty("received_at", MILLIS.format(span.receivedAt()));
		nullable(json, "op", span.op());
		nullable(json, "description", span.description());
		nullable(json, "status", span.status());
		nullable(json, "transaction_name", span.transaction());
		nullable(json, "release", span.release());
		nullable(json, "environment", span.environment());
		nullable(json, "platform", span.platform());
		nullable(json, "sdk_name", span.sdkName());
		json.writeBooleanProperty("has_user", user != null);
		nullable(json, "user_id", (user != null) ? user.id() : null);
		nullable(json, "user_username", (user != null) ? user.username() : null);
		nullable(json, "user_email", (user != null) ? user.email() : null);
		nullable(json, "user_ip_address", (user != null) ? user.ipAddress() : null);
		json.writeNumberProperty("sample_weight", span.sampleWeight());
		json.writeName("measurements");
		json.writeStartObject();
		span.measurements().forEach((name, measurement) -> json.writeNumberProperty(name, measurement.value()));
		json.writeEndObject();
		json.writeName("measurement_units");
		json.writeStartObject();
		span.measurements().forEach((name, measurement) -> json.writeStringProperty(name, measurement.unit()));
		json.writeEndObject();
		map(json, "tags", span.tags());
		map(json, "data", span.data());
		json.writeEndObject();
	}

	private static void map(JsonGenerator json, String name, Map<String, String> values) {
		json.writeName(name);
		json.writeStartObject();
		values.forEach(json::writeStringProperty);
		json.writeEndObject();
	}

	private static void nullable(JsonGenerator json, String name, @Nullable String value) {
		if (value == null) {
			json.writeNullProperty(name);
		}
		else {
			json.writeStringProperty(name, value);
		}
	}

	private static StoredSpan read(GenericRecord row) {
		EventUser user = row.getBoolean("has_user") ? new EventUser(nullable(row, "user_id"),
				nullable(row, "user_username"), nullable(row, "user_email"), nullable(row, "user_ip_address")) : null;
		Map<String, String> units = strings(row.getObject("measurement_units"));
		List<?> names = row.getList("measurement_names");
		List<?> values = row.getList("measurement_values");
		Map<String, Measurement> measurements = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = String.valueOf(names.get(i));
			measurements.put(name,
					new Measurement(((Number) values.get(i)).doubleValue(), units.getOrDefault(name, "none")));
		}
		return new StoredSpan(row.getLong("project_id"), row.getString("trace_id"), row.getString("span_id"),
				nullable(row, "parent_span_id"), nullable(row, "segment_id"), nullable(row, "transaction_id"),
				row.getBoolean("is_segment"), micros(row.getLong("start_us")), micros(row.getLong("end_us")),
				row.getDouble("duration_ms"), row.getDouble("exclusive_time_ms"),
				Instant.ofEpochMilli(row.getLong("received_ms")), nullable(row, "op"), nullable(row, "description"),
				nullable(row, "status"), nullable(row, "transaction_name"), nullable(row, "release"),
				nullable(row, "environment"), nullable(row, "platform"), nullable(row, "sdk_name"), user,
				row.getDouble("sample_weight"), measurements, strings(row.getObject("tags")),
				strings(row.getObject("data")));
	}

	private static Instant micros(long epochMicros) {
		return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
	}

	private static @Nullable String nullable(GenericRecord row, String column) {
		return row.hasValue(column) ? row.getString(column) : null;
	}

	private static Map<String, String> strings(@Nullable Object value) {
		Map<String, String> map = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> entries) {
			entries.forEach((key, entry) -> map.put(String.valueOf(key), String.valueOf(entry)));
		}
		return map;
	}

}
