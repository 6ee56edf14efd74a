package dev.faultline.api.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.api.event.Json.NODES;

/**
 * The processing errors stored on an event ({@code errors: [{"type": …, <details>}]}, as
 * the processor's stages record them) in the shape of Sentry's event API:
 * {@code [{"type", "message", "data": {<details>}}]}, the message Sentry shows for the
 * type (the type itself for one it has none for). Entries already in the API shape pass
 * through.
 */
final class EventErrors {

	/**
	 * Sentry's messages ({@code sentry.models.eventerror}) for the types Faultline
	 * records.
	 */
	private static final Map<String, String> MESSAGES = Map.ofEntries(Map.entry("unknown_error", "Unknown error"),
			Map.entry("invalid_data", "Discarded invalid value"),
			Map.entry("invalid_attribute", "Discarded unknown attribute"),
			Map.entry("value_too_long", "Discarded value due to exceeding maximum length"),
			Map.entry("future_timestamp", "Invalid timestamp (in future)"),
			Map.entry("past_timestamp", "Invalid timestamp (too old)"),
			Map.entry("clock_drift", "Clock drift detected in SDK"),
			Map.entry("proguard_missing_mapping", "A proguard mapping file was missing."),
			Map.entry("proguard_missing_lineno", "A proguard mapping file does not contain line info."),
			Map.entry("js_no_source", "Source code was not found"),
			Map.entry("js_missing_source", "Source code was not found"),
			Map.entry("js_invalid_source", "Invalid source map"),
			Map.entry("js_invalid_sourcemap_location", "Invalid location in sourcemap"),
			Map.entry("js_invalid_content", "Source file was not JavaScript"),
			Map.entry("js_no_column", "Cannot expand sourcemap due to missing column information"),
			Map.entry("js_too_large", "Remote file too large for source map processing"),
			Map.entry("fetch_generic_error", "Unable to fetch resource"));

	private EventErrors() {
	}

	static ArrayNode render(@Nullable JsonNode stored) {
		ArrayNode rendered = NODES.arrayNode();
		if (stored == null || !stored.isArray()) {
			return rendered;
		}
		for (JsonNode error : stored) {
			if (!(error instanceof ObjectNode object)) {
				continue;
			}
			if (object.has("message") && object.get("data") instanceof ObjectNode) {
				rendered.add(object);
				continue;
			}
			String type = object.path("type").asString("unknown_error");
			ObjectNode json = rendered.addObject();
			json.put("type", type);
			json.put("message", MESSAGES.getOrDefault(type, type));
			ObjectNode data = json.putObject("data");
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (!field.getKey().equals("type")) {
					data.set(field.getKey(), field.getValue());
				}
			}
		}
		return rendered;
	}

}
