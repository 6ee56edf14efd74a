package dev.faultline.api.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.api.event.Json.NODES;

/**
 * Renders stored events as Sentry's Web API does: the full event (event detail, latest
 * event) and the short form of event lists. The stored columns are authoritative for ids
 * and times; everything else comes from the normalized payload, read tolerantly so that a
 * payload missing fields still renders. Thread-safe.
 */
class EventRenderer {

	private static final Logger logger = LoggerFactory.getLogger(EventRenderer.class);

	/**
	 * Payload fields Sentry also shows as tags, with the tag key it uses.
	 */
	private static final Map<String, String> TAGGED_FIELDS = taggedFields();

	private final ObjectMapper mapper;

	EventRenderer(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The full event JSON of Sentry's event detail endpoints.
	 */
	ObjectNode full(StoredEvent event) {
		JsonNode payload = parse(event);
		ObjectNode json = NODES.objectNode();
		common(json, event, payload);
		json.put("dateReceived", ApiDates.format(event.receivedAt()));
		json.set("contexts", objectOrEmpty(payload, "contexts"));
		json.set("sdk", Json.orNull(payload, "sdk"));
		String release = (event.release() != null) ? event.release() : Json.text(payload, "release");
		if (release != null) {
			json.putObject("release").put("version", release);
		}
		else {
			json.putNull("release");
		}
		String environment = (event.environment() != null) ? event.environment() : Json.text(payload, "environment");
		json.set("environment", Json.textNode(environment));
		json.set("dist", Json.orNull(payload, "dist"));
		json.putArray("fingerprints").add(event.primaryHash());
		json.set("entries", EventEntries.of(payload));
		JsonNode errors = payload.get("errors");
		json.set("errors", (errors != null && errors.isArray()) ? errors : NODES.arrayNode());
		json.set("packages", objectOrEmpty(payload, "modules"));
		json.set("context", objectOrEmpty(payload, "extra"));
		json.set("size", NODES.numberNode(event.payload().length()));
		json.putNull("userReport");
		json.putArray("sdkUpdates");
		json.putNull("nextEventID");
		json.putNull("previousEventID");
		json.putNull("occurrence");
		json.putObject("_meta");
		return json;
	}

	/**
	 * The short event JSON of Sentry's event lists.
	 */
	ObjectNode summary(StoredEvent event) {
		JsonNode payload = parse(event);
		ObjectNode json = NODES.objectNode();
		common(json, event, payload);
		json.putNull("crashFile");
		return json;
	}

	private void common(ObjectNode json, StoredEvent event, JsonNode payload) {
		json.put("id", event.eventId());
		json.put("eventID", event.eventId());
		json.put("groupID", Long.toString(event.issueId()));
		json.put("projectID", Long.toString(event.projectId()));
		String type = Json.text(payload, "type");
		if (type == null) {
			type = payload.has("exception") ? "error" : "default";
		}
		json.put("type", type);
		json.put("event.type", type);
		json.put("title", event.title());
		json.put("culprit", event.culprit());
		json.put("message", event.message());
		json.put("platform", event.platform());
		json.put("dateCreated", ApiDates.format(event.timestamp()));
		JsonNode metadata = objectOrEmpty(payload, "metadata");
		json.set("location", Json.orNull(metadata, "filename"));
		json.set("metadata", metadata);
		json.set("tags", tags(event, payload));
		json.set("user", user(payload));
	}

	private JsonNode parse(StoredEvent event) {
		try {
			JsonNode payload = this.mapper.readTree(event.payload());
			if (payload != null && payload.isObject()) {
				return payload;
			}
		}
		catch (JacksonException ex) {
			// Rendered from the columns alone; the payload is not logged (it may hold
			// PII).
		}
		logger.warn("Stored payload of event {} in project {} is not a JSON object", event.eventId(),
				event.projectId());
		return NODES.objectNode();
	}

	/**
	 * Sentry's {@code [{key, value}]} sorted by key: the payload's tag pairs (the stored
	 * column as fallback), plus the fields Sentry also indexes as tags when the SDK did
	 * not tag them itself.
	 */
	static ArrayNode tags(StoredEvent event, JsonNode payload) {
		Map<String, String> tags = new LinkedHashMap<>();
		JsonNode wireTags = payload.get("tags");
		ArrayNode pairs = EventEntries.pairs(wireTags, null);
		if (pairs.isEmpty()) {
			tags.putAll(event.tags());
		}
		for (JsonNode pair : pairs.values()) {
			if (!pair.get(1).isNull()) {
				tags.putIfAbsent(pair.get(0).stringValue(), pair.get(1).stringValue());
			}
		}
		TAGGED_FIELDS.forEach((field, key) -> {
			String value = Json.text(payload, field);
			if (value != null && !value.isEmpty()) {
				tags.putIfAbsent(key, value);
			}
		});
		if (!tags.containsKey("level")) {
			tags.put("level", event.level());
		}
		String userTag = userTag(payload);
		if (userTag != null) {
			tags.putIfAbsent("user", userTag);
		}
		List<Map.Entry<String, String>> sorted = new ArrayList<>(tags.entrySet());
		sorted.sort(Comparator.comparing(Map.Entry::getKey));
		ArrayNode json = NODES.arrayNode();
		for (Map.Entry<String, String> tag : sorted) {
			json.addObject().put("key", tag.getKey()).put("value", tag.getValue());
		}
		return json;
	}

	/**
	 * Sentry's {@code sentry:user} tag: the first known of id, username, email, IP.
	 */
	private static @Nullable String userTag(JsonNode payload) {
		JsonNode user = payload.get("user");
		if (user == null || !user.isObject()) {
			return null;
		}
		String[][] keys = { { "id", "id" }, { "username", "username" }, { "email", "email" }, { "ip_address", "ip" } };
		for (String[] key : keys) {
			String value = Json.text(user, key[0]);
			if (value != null && !value.isEmpty()) {
				return key[1] + ":" + value;
			}
		}
		return null;
	}

	private static JsonNode user(JsonNode payload) {
		JsonNode user = payload.get("user");
		if (user == null || !user.isObject() || user.isEmpty()) {
			return NullNode.getInstance();
		}
		ObjectNode json = NODES.objectNode();
		json.set("id", Json.orNull(user, "id"));
		json.set("email", Json.orNull(user, "email"));
		json.set("username", Json.orNull(user, "username"));
		json.set("ip_address", Json.orNull(user, "ip_address"));
		json.set("name", Json.orNull(user, "name"));
		json.set("geo", Json.orNull(user, "geo"));
		json.set("data", Json.orNull(user, "data"));
		return json;
	}

	private static JsonNode objectOrEmpty(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isObject()) ? value : NODES.objectNode();
	}

	private static Map<String, String> taggedFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("environment", "environment");
		fields.put("release", "release");
		fields.put("dist", "dist");
		fields.put("server_name", "server_name");
		fields.put("transaction", "transaction");
		fields.put("level", "level");
		return fields;
	}

}
