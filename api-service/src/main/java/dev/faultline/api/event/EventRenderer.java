package dev.faultline.api.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiDates;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.protocol.event.Pairs;
import dev.faultline.protocol.event.User;
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
 * and times; everything else comes from the normalized payload, read through the typed
 * event model ({@link EventCodec}) so that a payload missing fields, or one stored with
 * legacy interface names, still renders. Thread-safe.
 */
class EventRenderer {

	private static final Logger logger = LoggerFactory.getLogger(EventRenderer.class);

	private final ObjectMapper mapper;

	EventRenderer(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The full event JSON of Sentry's event detail endpoints.
	 */
	ObjectNode full(StoredEvent event) {
		Event payload = parse(event);
		ObjectNode json = NODES.objectNode();
		common(json, event, payload);
		json.put("dateReceived", ApiDates.format(event.receivedAt()));
		json.set("contexts", (payload.contexts() != null) ? EventCodec.toTree(payload.contexts()) : NODES.objectNode());
		json.set("sdk", (payload.sdk() != null) ? EventCodec.toTree(payload.sdk()) : NullNode.getInstance());
		String release = (event.release() != null) ? event.release() : payload.release();
		if (release != null) {
			json.putObject("release").put("version", release);
		}
		else {
			json.putNull("release");
		}
		String environment = (event.environment() != null) ? event.environment() : payload.environment();
		json.set("environment", Json.textNode(environment));
		json.set("dist", Json.textNode(payload.dist()));
		json.putArray("fingerprints").add(event.primaryHash());
		json.set("entries", EventEntries.of(payload));
		json.set("errors", EventErrors.render(payload.other().get("errors")));
		ObjectNode packages = json.putObject("packages");
		if (payload.modules() != null) {
			payload.modules().forEach(packages::put);
		}
		json.set("context", (payload.extra() != null) ? Json.object(payload.extra()) : NODES.objectNode());
		json.set("size", NODES.numberNode(event.payload().length()));
		json.putNull("userReport");
		json.putArray("sdkUpdates");
		json.putNull("nextEventID");
		json.putNull("previousEventID");
		json.set("occurrence", occurrence(event, payload));
		// What the server scrubbed or trimmed and why (Sentry's _meta), as stored with
		// the event.
		json.set("_meta", (payload.meta() != null) ? Json.object(payload.meta()) : NODES.objectNode());
		return json;
	}

	/**
	 * The short event JSON of Sentry's event lists.
	 */
	ObjectNode summary(StoredEvent event) {
		Event payload = parse(event);
		ObjectNode json = NODES.objectNode();
		common(json, event, payload);
		json.putNull("crashFile");
		return json;
	}

	/**
	 * A performance issue occurrence as Sentry answers it (issue type and title,
	 * subtitle, evidence data with the offending span ids, evidence display), with its
	 * id, event id and fingerprint; null for the events of error issues.
	 */
	private static JsonNode occurrence(StoredEvent event, Event payload) {
		JsonNode stored = payload.other().get("occurrence");
		if (!(stored instanceof ObjectNode occurrence)) {
			return NullNode.getInstance();
		}
		ObjectNode json = occurrence.deepCopy();
		json.put("id", event.eventId());
		json.put("eventId", event.eventId());
		json.put("projectId", event.projectId());
		json.putArray("fingerprint").add(event.primaryHash());
		return json;
	}

	private void common(ObjectNode json, StoredEvent event, Event payload) {
		json.put("id", event.eventId());
		json.put("eventID", event.eventId());
		json.put("groupID", Long.toString(event.issueId()));
		json.put("projectID", Long.toString(event.projectId()));
		String type = payload.type();
		if (type == null) {
			type = (payload.exception() != null) ? "error" : "default";
		}
		json.put("type", type);
		json.put("event.type", type);
		json.put("title", event.title());
		json.put("culprit", event.culprit());
		json.put("message", event.message());
		json.put("platform", event.platform());
		json.put("dateCreated", ApiDates.format(event.timestamp()));
		ObjectNode metadata = NODES.objectNode();
		if (payload.metadata() != null) {
			payload.metadata().forEach(metadata::put);
		}
		json.set("location", Json.orNull(metadata.get("filename")));
		json.set("metadata", metadata);
		json.set("tags", tags(event, payload));
		json.set("user", user(payload.user()));
	}

	private Event parse(StoredEvent event) {
		try {
			if (this.mapper.readTree(event.payload()) instanceof ObjectNode payload) {
				return EventCodec.decode(payload);
			}
		}
		catch (JacksonException ex) {
			// Rendered from the columns alone; the payload is not logged (it may hold
			// PII).
		}
		logger.warn("Stored payload of event {} in project {} is not a JSON object", event.eventId(),
				event.projectId());
		return Event.builder().build();
	}

	/**
	 * Sentry's {@code [{key, value}]} sorted by key: the payload's tag pairs (the stored
	 * column as fallback), plus the fields Sentry also indexes as tags when the SDK did
	 * not tag them itself.
	 */
	static ArrayNode tags(StoredEvent event, Event payload) {
		Map<String, String> tags = new LinkedHashMap<>();
		List<Pairs.Pair> pairs = (payload.tags() != null) ? payload.tags().pairs() : List.of();
		if (pairs.isEmpty()) {
			tags.putAll(event.tags());
		}
		for (Pairs.Pair pair : pairs) {
			if (pair.value() != null) {
				tags.putIfAbsent(pair.key(), pair.value());
			}
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("environment", payload.environment());
		fields.put("release", payload.release());
		fields.put("dist", payload.dist());
		fields.put("server_name", payload.serverName());
		fields.put("transaction", payload.transaction());
		fields.put("level", payload.level());
		fields.forEach((key, value) -> {
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
	private static @Nullable String userTag(Event payload) {
		User user = payload.user();
		if (user == null) {
			return null;
		}
		String[][] keys = { { "id", user.id() }, { "username", user.username() }, { "email", user.email() },
				{ "ip", user.ipAddress() } };
		for (String[] key : keys) {
			if (key[1] != null && !key[1].isEmpty()) {
				return key[0] + ":" + key[1];
			}
		}
		return null;
	}

	private static JsonNode user(@Nullable User user) {
		if (user == null || user.isEmpty()) {
			return NullNode.getInstance();
		}
		ObjectNode json = NODES.objectNode();
		json.set("id", Json.textNode(user.id()));
		json.set("email", Json.textNode(user.email()));
		json.set("username", Json.textNode(user.username()));
		json.set("ip_address", Json.textNode(user.ipAddress()));
		json.set("name", Json.textNode(user.name()));
		json.set("geo", (user.geo() != null) ? Json.object(user.geo()) : NullNode.getInstance());
		json.set("data", (user.data() != null) ? Json.object(user.data()) : NullNode.getInstance());
		return json;
	}

}
