package dev.faultline.sdk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trail entry attached to later events. Immutable.
 *
 * @param timestamp when it happened
 * @param type nullable, e.g. {@code http}, {@code default} when null
 * @param category nullable, e.g. {@code ui.click}
 * @param message nullable
 * @param level the severity
 * @param data extra values, copied in order; values may be null
 */
public record Breadcrumb(Instant timestamp, String type, String category, String message, Level level,
		Map<String, Object> data) implements JsonWriter.JsonValue {

	public Breadcrumb {
		if (timestamp == null || level == null) {
			throw new IllegalArgumentException("timestamp and level are required");
		}
		data = (data == null) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
	}

	/**
	 * A breadcrumb with a message and category, level info, stamped now.
	 * @param category nullable
	 * @param message the message
	 * @return the breadcrumb
	 */
	public static Breadcrumb of(String category, String message) {
		return new Breadcrumb(Instant.now(), null, category, message, Level.INFO, Map.of());
	}

	@Override
	public void writeTo(JsonWriter json) {
		json.beginObject()
			.field("timestamp", Timestamps.iso(this.timestamp))
			.field("type", this.type)
			.field("category", this.category)
			.field("message", this.message)
			.field("level", this.level.wireName());
		if (!this.data.isEmpty()) {
			json.name("data").value(this.data);
		}
		json.endObject();
	}

}
