package dev.faultline.storage.clickhouse;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.sessions.StoredSession;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The scale sessions role: the {@code sessions} table ({@code V3__sessions.sql}) on the
 * event store's client. Each {@link #writeSessions} is one synchronous
 * {@code JSONEachRow} INSERT of one row per update; the table's
 * {@code AggregatingMergeTree} merges the rows of a session with {@code max} per column
 * (init, errors, version, distinct id), which is {@link StoredSession#merge}, and every
 * read uses {@code FINAL}. A batch is merged per session first, so a batch adds at most
 * one row per session.
 */
final class ClickHouseSessionStore implements SessionWriter {

	private static final String TABLE = "sessions";

	private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	private static final long TIMEOUT_SECONDS = 60;

	private final Client client;

	private final BiFunction<String, Exception, ClickHouseAccessException> failure;

	ClickHouseSessionStore(Client client, BiFunction<String, Exception, ClickHouseAccessException> failure) {
		this.client = client;
		this.failure = failure;
	}

	@Override
	public void writeSessions(List<StoredSession> sessions) {
		if (sessions.isEmpty()) {
			return;
		}
		Map<String, StoredSession> merged = new LinkedHashMap<>();
		for (StoredSession session : sessions) {
			merged.merge(session.projectId() + ":" + session.sessionId(), session, StoredSession::merge);
		}
		Collection<StoredSession> rows = merged.values();
		try (InsertResponse response = this.client
			.insert(TABLE, (out) -> write(rows, out), ClickHouseFormat.JSONEachRow, new InsertSettings())
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			// A synchronous insert has committed its parts when the response arrives.
		}
		catch (Exception ex) {
			throw this.failure.apply("Cannot write " + rows.size() + " sessions", ex);
		}
	}

	/**
	 * Deletes the sessions that started before the cutoff (the retention sweep); returns
	 * once they are gone.
	 */
	void deleteOlderThan(Instant cutoff) {
		try {
			this.client.queryAll(
					"ALTER TABLE " + TABLE + " DELETE WHERE started < "
							+ "fromUnixTimestamp64Milli({cutoff:Int64}) SETTINGS mutations_sync = 2",
					Map.of("cutoff", cutoff.toEpochMilli()));
		}
		catch (RuntimeException ex) {
			throw this.failure.apply("Cannot delete sessions older than " + cutoff, ex);
		}
	}

	private static void write(Collection<StoredSession> sessions, OutputStream out) {
		try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			for (StoredSession session : sessions) {
				json.writeStartObject();
				json.writeNumberProperty("project_id", session.projectId());
				json.writeStringProperty("session_id", session.sessionId());
				json.writeStringProperty("started", MILLIS.format(session.started()));
				json.writeStringProperty("release", session.release());
				json.writeStringProperty("environment", Objects.requireNonNullElse(session.environment(), ""));
				json.writeNumberProperty("quantity", session.quantity());
				json.writeStringProperty("distinct_id", Objects.requireNonNullElse(session.distinctId(), ""));
				json.writeNumberProperty("init", session.init() ? 1 : 0);
				json.writeNumberProperty("errors", session.errors());
				// A 128-bit number as text: JSON readers lose precision past 2^53.
				json.writeStringProperty("version", session.version().toString());
				json.writeStringProperty("received_at", MILLIS.format(session.receivedAt()));
				json.writeEndObject();
				json.writeRaw('\n');
			}
		}
	}

}
