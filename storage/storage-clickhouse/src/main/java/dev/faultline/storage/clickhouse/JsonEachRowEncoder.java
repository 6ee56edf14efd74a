package dev.faultline.storage.clickhouse;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Encodes events as ClickHouse {@code JSONEachRow}: one JSON object per line, keys named
 * like the {@code events} columns.
 *
 * <p>
 * JSONEachRow rather than RowBinary because large text inserts stay inline-safe on every
 * server this adapter meets (including the libchdb test server) and the format is
 * self-describing, so a column added later with a default does not break older writers.
 * Times are written as {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC, which the
 * {@code DateTime64(3, 'UTC')} columns parse exactly.
 */
final class JsonEachRowEncoder {

	private static final JsonFactory JSON = JsonFactory.builder()
		// The caller owns the stream (the client's request body).
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.build();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	private JsonEachRowEncoder() {
	}

	static void write(Collection<StoredEvent> events, OutputStream out) {
		try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			for (StoredEvent event : events) {
				writeRow(json, event);
				json.writeRaw('\n');
			}
		}
	}

	private static void writeRow(JsonGenerator json, StoredEvent event) {
		EventUser user = event.user();
		json.writeStartObject();
		json.writeNumberProperty("project_id", event.projectId());
		json.writeStringProperty("event_id", event.eventId());
		json.writeNumberProperty("issue_id", event.issueId());
		json.writeStringProperty("timestamp", time(event.timestamp()));
		json.writeStringProperty("received_at", time(event.receivedAt()));
		json.writeStringProperty("platform", event.platform());
		json.writeStringProperty("level", event.level());
		json.writeStringProperty("title", event.title());
		json.writeStringProperty("culprit", event.culprit());
		json.writeStringProperty("message", event.message());
		nullable(json, "release", event.release());
		nullable(json, "environment", event.environment());
		nullable(json, "transaction", event.transaction());
		nullable(json, "trace_id", event.traceId());
		json.writeName("tags");
		json.writeStartObject();
		for (Map.Entry<String, String> tag : event.tags().entrySet()) {
			json.writeStringProperty(tag.getKey(), tag.getValue());
		}
		json.writeEndObject();
		json.writeBooleanProperty("has_user", user != null);
		nullable(json, "user_id", (user != null) ? user.id() : null);
		nullable(json, "user_username", (user != null) ? user.username() : null);
		nullable(json, "user_email", (user != null) ? user.email() : null);
		nullable(json, "user_ip_address", (user != null) ? user.ipAddress() : null);
		json.writeStringProperty("primary_hash", event.primaryHash());
		json.writeStringProperty("grouping_variant", event.groupingVariant());
		json.writeStringProperty("payload", event.payload());
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

	private static String time(Instant instant) {
		return TIME.format(instant);
	}

}
