package dev.faultline.processor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

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
 * after a failure never double counts. An event whose grouping hash was discarded has no
 * issue and is dropped by the caller. Store failures propagate (the batch is retried).
 * Thread-safe.
 */
final class IssueAssignmentStage {

	private final IssueStore issues;

	IssueAssignmentStage(IssueStore issues) {
		this.issues = issues;
	}

	/**
	 * Returns the id of the event's issue, creating the issue from the event when it is
	 * the first of its group; empty when the project discarded the event's grouping hash
	 * (the event is to be dropped).
	 */
	OptionalLong findOrCreate(PreparedEvent prepared) {
		ObjectNode event = prepared.event();
		Optional<Issue> issue = this.issues.findOrCreate(new NewIssue(prepared.projectId(), prepared.grouping().hash(),
				event.path("title").asString(""), event.path("culprit").asString(""), level(event),
				event.path("type").asString("default"), metadata(event), timestamp(event)));
		return issue.map((found) -> OptionalLong.of(found.id())).orElseGet(OptionalLong::empty);
	}

	/**
	 * The event counted against its issue, with the grouping hash it was grouped by and
	 * its release (what unmerge and resolve-in-release need).
	 */
	EventOccurrence occurrence(PreparedEvent prepared, long issueId) {
		ObjectNode event = prepared.event();
		return new EventOccurrence(issueId, prepared.projectId(), prepared.eventId(), timestamp(event), level(event),
				userKey(event.path("user")), prepared.grouping().hash(), EventNodes.text(event, "release"));
	}

	/**
	 * Counts the events of a batch in one transaction (exactly once per event id, see
	 * {@link IssueStore#recordOccurrences}).
	 */
	void record(List<EventOccurrence> occurrences) {
		this.issues.recordOccurrences(occurrences);
	}

	private static String level(JsonNode event) {
		return event.path("level").asString("error");
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
