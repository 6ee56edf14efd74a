package dev.faultline.processor;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.core.EventNodes;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 6: turns a grouped, assigned event into the event store's row: searchable columns
 * plus the normalized JSON as payload. Thread-safe.
 */
final class StoredEventMapper {

	StoredEvent map(PreparedEvent prepared, long issueId) {
		ObjectNode event = prepared.event();
		String title = event.path("title").asString("");
		String message = EventNodes.text(event.path("logentry"), "formatted");
		return new StoredEvent(prepared.projectId(), prepared.eventId(), issueId, IssueAssignmentStage.timestamp(event),
				prepared.receivedAt(), event.path("platform").asString("other"), event.path("level").asString("error"),
				title, event.path("culprit").asString(""), (message != null) ? message : title,
				EventNodes.text(event, "release"), EventNodes.text(event, "environment"),
				EventNodes.text(event, "transaction"),
				EventNodes.text(event.path("contexts").path("trace"), "trace_id"), tags(event), user(event),
				prepared.grouping().hash(), prepared.grouping().variant(), event.toString());
	}

	private static Map<String, String> tags(JsonNode event) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (JsonNode pair : event.path("tags")) {
			String key = EventNodes.text(pair.get(0));
			String value = EventNodes.text(pair.get(1));
			if (key != null && value != null) {
				tags.putIfAbsent(key, value);
			}
		}
		return tags;
	}

	private static @Nullable EventUser user(JsonNode event) {
		JsonNode user = event.path("user");
		String id = EventNodes.text(user, "id");
		String username = EventNodes.text(user, "username");
		String email = EventNodes.text(user, "email");
		String ip = EventNodes.text(user, "ip_address");
		if (id == null && username == null && email == null && ip == null) {
			return null;
		}
		return new EventUser(id, username, email, ip);
	}

}
