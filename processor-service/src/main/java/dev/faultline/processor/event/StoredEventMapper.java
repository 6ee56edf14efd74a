package dev.faultline.processor.event;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Pairs;
import dev.faultline.protocol.event.User;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * Stage 6: turns a grouped, assigned event into the event store's row: searchable columns
 * plus the normalized JSON as payload. Thread-safe.
 */
final class StoredEventMapper {

	StoredEvent map(PreparedEvent prepared, long issueId) {
		Event event = prepared.event();
		String title = Objects.requireNonNullElse(event.title(), "");
		String message = (event.logentry() != null) ? nonBlank(event.logentry().formatted()) : null;
		return new StoredEvent(prepared.projectId(), prepared.eventId(), issueId, IssueAssignmentStage.timestamp(event),
				prepared.receivedAt(), Objects.requireNonNullElse(event.platform(), "other"),
				Objects.requireNonNullElse(event.level(), "error"), title,
				Objects.requireNonNullElse(event.culprit(), ""), (message != null) ? message : title,
				nonBlank(event.release()), nonBlank(event.environment()), nonBlank(event.transaction()),
				(event.contexts() != null && event.contexts().trace() != null)
						? nonBlank(event.contexts().trace().traceId()) : null,
				tags(event), user(event.user()), prepared.grouping().hash(), prepared.grouping().variant(),
				prepared.payload());
	}

	private static Map<String, String> tags(Event event) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (event.tags() != null) {
			for (Pairs.Pair pair : event.tags().pairs()) {
				String key = nonBlank(pair.key());
				String value = nonBlank(pair.value());
				if (key != null && value != null) {
					tags.putIfAbsent(key, value);
				}
			}
		}
		return tags;
	}

	private static @Nullable EventUser user(@Nullable User user) {
		if (user == null) {
			return null;
		}
		String id = nonBlank(user.id());
		String username = nonBlank(user.username());
		String email = nonBlank(user.email());
		String ip = nonBlank(user.ipAddress());
		if (id == null && username == null && email == null && ip == null) {
			return null;
		}
		return new EventUser(id, username, email, ip);
	}

}
