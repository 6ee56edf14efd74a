package dev.faultline.processor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.core.EventNodes;
import dev.faultline.core.normalize.Timestamps;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.NewIssue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 5: finds or creates the event's issue and counts the event against it. Counting
 * is exactly once per {@code (project, event id)} in the store, so replaying a batch
 * after a failure never double counts. Store failures propagate (the batch is retried).
 * Thread-safe.
 */
final class IssueAssignmentStage {

	private final IssueStore issues;

	IssueAssignmentStage(IssueStore issues) {
		this.issues = issues;
	}

	/**
	 * Returns the id of the event's issue.
	 */
	long assign(PreparedEvent prepared) {
		ObjectNode event = prepared.event();
		Instant timestamp = timestamp(event);
		String level = event.path("level").asString("error");
		Issue issue = this.issues.findOrCreate(new NewIssue(prepared.projectId(), prepared.grouping().hash(),
				event.path("title").asString(""), event.path("culprit").asString(""), level,
				event.path("type").asString("default"), metadata(event), timestamp));
		this.issues.recordOccurrence(new EventOccurrence(issue.id(), prepared.projectId(), prepared.eventId(),
				timestamp, level, userKey(event.path("user"))));
		return issue.id();
	}

	static Instant timestamp(JsonNode event) {
		Instant timestamp = Timestamps.parse(event.get("timestamp"));
		if (timestamp == null) {
			throw new IllegalStateException("normalized event without timestamp");
		}
		return timestamp;
	}

	/**
	 * A stable identifier of the event's user: the first of id, email, username and IP
	 * address that is set, prefixed by its kind; null without a user.
	 */
	static @Nullable String userKey(JsonNode user) {
		String[][] kinds = { { "id", "id" }, { "email", "email" }, { "username", "username" }, { "ip_address", "ip" } };
		for (String[] kind : kinds) {
			String value = EventNodes.text(user, kind[0]);
			if (value != null) {
				return kind[1] + ":" + value;
			}
		}
		return null;
	}

	private static Map<String, String> metadata(JsonNode event) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : event.path("metadata").properties()) {
			String value = EventNodes.text(entry.getValue());
			if (value != null) {
				metadata.put(entry.getKey(), value);
			}
		}
		return metadata;
	}

}
