package dev.faultline.storage.jdbc;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import dev.faultline.storage.metadata.StatusDetails;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link StatusDetails} as the JSON object of the {@code issues.status_details} column:
 * only the fields that are set, instants as epoch milliseconds; {@code {}} is
 * {@link StatusDetails#NONE}.
 */
final class StatusDetailsJson {

	private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
	};

	private final JsonMapper json;

	StatusDetailsJson(JsonMapper json) {
		this.json = json;
	}

	String write(StatusDetails details) {
		Map<String, Object> fields = new TreeMap<>();
		put(fields, "inRelease", details.inRelease());
		if (details.inNextRelease()) {
			fields.put("inNextRelease", true);
		}
		put(fields, "ignoreUntil", (details.ignoreUntil() != null) ? details.ignoreUntil().toEpochMilli() : null);
		put(fields, "ignoreCount", details.ignoreCount());
		put(fields, "ignoreWindow", details.ignoreWindow());
		put(fields, "ignoreUserCount", details.ignoreUserCount());
		put(fields, "ignoreUserWindow", details.ignoreUserWindow());
		put(fields, "actorUserId", details.actorUserId());
		return this.json.writeValueAsString(fields);
	}

	StatusDetails read(String text) {
		Map<String, Object> fields = this.json.readValue(text, OBJECT_MAP);
		Long until = longValue(fields.get("ignoreUntil"));
		Long window = longValue(fields.get("ignoreWindow"));
		Long userWindow = longValue(fields.get("ignoreUserWindow"));
		return new StatusDetails((String) fields.get("inRelease"), Boolean.TRUE.equals(fields.get("inNextRelease")),
				(until != null) ? Instant.ofEpochMilli(until) : null, longValue(fields.get("ignoreCount")),
				(window != null) ? window.intValue() : null, longValue(fields.get("ignoreUserCount")),
				(userWindow != null) ? userWindow.intValue() : null, longValue(fields.get("actorUserId")));
	}

	private static void put(Map<String, Object> fields, String name, @Nullable Object value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	private static @Nullable Long longValue(@Nullable Object value) {
		return (value instanceof Number number) ? number.longValue() : null;
	}

}
