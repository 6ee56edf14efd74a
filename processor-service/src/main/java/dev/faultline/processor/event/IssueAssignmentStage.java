package dev.faultline.processor.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.faultline.core.normalize.Timestamps;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.User;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueGrouping;
import dev.faultline.storage.metadata.NewIssue;
import org.jspecify.annotations.Nullable;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * Finds or creates the event's issue and counts the event against it. Counting is exactly
 * once per {@code (project, event id)} in the store, so replaying a batch after a failure
 * never double counts. An event whose grouping hash was discarded has no issue and is
 * dropped by the caller. Store failures propagate (the batch is retried). Thread-safe.
 */
public final class IssueAssignmentStage {

	private final IssueGrouping issues;

	public IssueAssignmentStage(IssueGrouping issues) {
		this.issues = issues;
	}

	/**
	 * Returns the event's issue as it was before the event, creating the issue from the
	 * event when it is the first of its group (then seen 0 times); empty when the project
	 * discarded the event's grouping hash (the event is to be dropped).
	 */
	Optional<Issue> findOrCreate(PreparedEvent prepared) {
		Event event = prepared.event();
		return this.issues.findOrCreate(new NewIssue(prepared.projectId(), prepared.grouping().hash(),
				Objects.requireNonNullElse(event.title(), ""), Objects.requireNonNullElse(event.culprit(), ""),
				level(event), prepared.issueType(), metadata(event), timestamp(event)));
	}

	/**
	 * The event counted against its issue, with the grouping hash it was grouped by and
	 * its release (what unmerge and resolve-in-release need).
	 */
	EventOccurrence occurrence(PreparedEvent prepared, long issueId) {
		Event event = prepared.event();
		return new EventOccurrence(issueId, prepared.projectId(), prepared.eventId(), timestamp(event), level(event),
				userKey(event.user()), prepared.grouping().hash(), nonBlank(event.release()));
	}

	/**
	 * Counts the events of a batch in one transaction (exactly once per event id, see
	 * {@link IssueGrouping#recordOccurrences}).
	 */
	void record(List<EventOccurrence> occurrences) {
		this.issues.recordOccurrences(occurrences);
	}

	private static String level(Event event) {
		return Objects.requireNonNullElse(event.level(), "error");
	}

	static Instant timestamp(Event event) {
		Instant timestamp = Timestamps.parse(event.timestamp());
		if (timestamp == null) {
			throw new IllegalStateException("normalized event without timestamp");
		}
		return timestamp;
	}

	/**
	 * A stable identifier of the event's user: the first of id, email, username and IP
	 * address that is set, prefixed by its kind; null without a user.
	 */
	static @Nullable String userKey(@Nullable User user) {
		if (user == null) {
			return null;
		}
		String[][] kinds = { { "id", user.id() }, { "email", user.email() }, { "username", user.username() },
				{ "ip", user.ipAddress() } };
		for (String[] kind : kinds) {
			String value = nonBlank(kind[1]);
			if (value != null) {
				return kind[0] + ":" + value;
			}
		}
		return null;
	}

	private static Map<String, String> metadata(Event event) {
		Map<String, String> metadata = new LinkedHashMap<>();
		if (event.metadata() != null) {
			event.metadata().forEach((key, value) -> {
				if (nonBlank(value) != null) {
					metadata.put(key, value);
				}
			});
		}
		return metadata;
	}

}
