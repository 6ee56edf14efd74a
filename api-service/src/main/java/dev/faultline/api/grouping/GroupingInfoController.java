package dev.faultline.api.grouping;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.storage.events.EventReader;
import dev.faultline.storage.events.StoredEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/0/projects/{org}/{project}/events/{eventId}/grouping-info/}: the
 * grouping variant that produced the event's hash and the components that were hashed, in
 * the shape of Sentry's grouping-info response (one entry per variant, keyed by its
 * name). The processor records them in the stored event ({@code grouping_info}); events
 * stored before it did report their hash and variant without components.
 */
@RestController
class GroupingInfoController {

	private static final Pattern EVENT_ID = ClientPatterns.HEX_ID.jdk();

	private static final Map<String, String> DESCRIPTIONS = Map.of("app", "in-app exception stack-trace", "system",
			"system exception stack-trace", "exception", "exception type and value", "message", "message",
			"custom-fingerprint", "custom fingerprint", "fallback", "fallback");

	private final EventReader events;

	private final Access access;

	private final ObjectMapper mapper;

	GroupingInfoController(EventReader events, Access access, ObjectMapper mapper) {
		this.events = events;
		this.access = access;
		this.mapper = mapper;
	}

	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/events/{eventId}/grouping-info/")
	ObjectNode groupingInfo(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable String eventId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		String id = eventId.replace("-", "").toLowerCase(Locale.ROOT);
		if (!EVENT_ID.matcher(id).matches()) {
			throw ApiException.notFound();
		}
		StoredEvent event = this.events.find(found.project().id(), id).orElseThrow(ApiException::notFound);
		return render(event, this.mapper.readTree(event.payload()).path("grouping_info"));
	}

	ObjectNode render(StoredEvent event, JsonNode info) {
		String variant = event.groupingVariant();
		ObjectNode result = this.mapper.createObjectNode();
		ObjectNode entry = result.putObject(variant);
		entry.put("key", variant);
		entry.put("description", DESCRIPTIONS.getOrDefault(variant, variant));
		entry.put("type", "custom-fingerprint".equals(variant) ? "custom-fingerprint" : "component");
		entry.put("hash", event.primaryHash());
		entry.put("hashMismatch", info.has("hash") && !event.primaryHash().equals(info.path("hash").asString()));
		entry.put("contributes", true);
		ObjectNode component = entry.putObject("component");
		component.put("id", variant);
		component.put("name", DESCRIPTIONS.getOrDefault(variant, variant));
		component.put("contributes", true);
		ArrayNode values = component.putArray("values");
		for (JsonNode value : info.path("components")) {
			String text = value.asString("");
			int colon = text.indexOf(':');
			ObjectNode part = values.addObject();
			part.put("id", (colon > 0) ? text.substring(0, colon) : "value");
			part.put("contributes", true);
			part.putArray("values").add((colon > 0) ? text.substring(colon + 1) : text);
		}
		return result;
	}

}
