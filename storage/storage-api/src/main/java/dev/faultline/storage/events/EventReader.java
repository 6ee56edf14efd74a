package dev.faultline.storage.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The event store's read role: single events and an issue's events in list order.
 *
 * <p>
 * Contract (storage TCK): every read is scoped to one project. Lists are newest first
 * ({@code timestamp} descending, then {@code eventId} descending). Thread-safe.
 */
public interface EventReader {

	Optional<StoredEvent> find(long projectId, String eventId);

	/**
	 * A page of the issue's events, newest first.
	 * @param offset events to skip (0 or more)
	 * @param limit events to return (1 to 1000)
	 */
	default List<StoredEvent> listByIssue(long projectId, long issueId, int offset, int limit) {
		return listByIssue(projectId, issueId, null, offset, limit);
	}

	/**
	 * A page of the issue's events that match a search's event terms (issue terms in it
	 * are ignored; null: every event), newest first.
	 * @param offset events to skip (0 or more)
	 * @param limit events to return (1 to 1000)
	 * @throws RuntimeException the parser's unchecked syntax error for a text that is not
	 * a valid search
	 */
	List<StoredEvent> listByIssue(long projectId, long issueId, @Nullable EventSearch search, int offset, int limit);

	/**
	 * The newest event of the issue.
	 */
	Optional<StoredEvent> latest(long projectId, long issueId);

	/**
	 * The oldest event of the issue (smallest {@code timestamp}, then {@code eventId}).
	 */
	Optional<StoredEvent> oldest(long projectId, long issueId);

	/**
	 * The events of the same issue next to the given one in the list order: the previous
	 * event is the closest older one ({@code (timestamp, eventId)} smaller), the next
	 * event the closest newer one. The given event need not exist.
	 */
	EventNeighbours neighbours(long projectId, long issueId, Instant timestamp, String eventId);

}
