package dev.faultline.storage.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.query.Cursor;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Order;
import dev.faultline.query.Page;
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
	 * The order of an issue's event list: newest first ({@code timestamp} descending,
	 * then the event id descending), over {@link Datasets#ERRORS}. A key cursor of the
	 * list holds an event's timestamp and id.
	 */
	List<Order> ISSUE_EVENT_ORDER = List.of(Order.desc(Expression.field(Datasets.ERRORS, Dataset.TIMESTAMP)),
			Order.desc(Expression.field(Datasets.ERRORS, "id")));

	/**
	 * A page of the issue's events, newest first.
	 * @param offset events to skip (0 or more)
	 * @param limit events to return (1 to 1000)
	 */
	default List<StoredEvent> listByIssue(long projectId, long issueId, int offset, int limit) {
		return listByIssue(projectId, issueId, null, offset, limit);
	}

	/**
	 * A page of the issue's events that match a search's event terms, newest first, by
	 * offset.
	 * @param offset events to skip (0 or more)
	 * @param limit events to return (1 to 1000)
	 * @see #listByIssue(long, long, EventSearch, Cursor, int)
	 */
	default List<StoredEvent> listByIssue(long projectId, long issueId, @Nullable EventSearch search, int offset,
			int limit) {
		return listByIssue(projectId, issueId, search, Cursor.ofOffset(offset), limit).items();
	}

	/**
	 * A page of the issue's events that match a search's event terms (issue terms in it
	 * are ignored; null: every event), in {@link #ISSUE_EVENT_ORDER}, at a cursor: an
	 * offset cursor counts events from the newest, a key cursor seeks to the event it
	 * names (the cursors of the returned page are key cursors), so a deep page costs what
	 * the first does and events stored meanwhile never shift a page.
	 * @param cursor where the page starts
	 * @param limit events to return (1 to 1000)
	 * @return the events and the cursors around them
	 * @throws IllegalArgumentException for a key cursor not of this order
	 * @throws RuntimeException the parser's unchecked syntax error for a text that is not
	 * a valid search
	 */
	Page<StoredEvent> listByIssue(long projectId, long issueId, @Nullable EventSearch search, Cursor cursor, int limit);

	/**
	 * A page of the project's events that match a search's event terms (null: every
	 * event), in {@link #ISSUE_EVENT_ORDER} (newest first), at a cursor, as
	 * {@link #listByIssue(long, long, EventSearch, Cursor, int)} pages an issue's:
	 * Sentry's project event list.
	 * @param cursor where the page starts
	 * @param limit events to return (1 to 1000)
	 * @return the events and the cursors around them
	 * @throws IllegalArgumentException for a key cursor not of this order
	 */
	Page<StoredEvent> listByProject(long projectId, @Nullable EventSearch search, Cursor cursor, int limit);

	/**
	 * Cuts the page out of the events an adapter read for a cursor (see {@link Page#of}):
	 * at most {@code limit + 1}, in {@link #ISSUE_EVENT_ORDER}, or in its reverse for a
	 * backward key cursor.
	 * @param cursor the cursor read at
	 * @param limit the page size
	 * @param read the events read
	 * @return the page
	 */
	static Page<StoredEvent> issueEventPage(Cursor cursor, int limit, List<StoredEvent> read) {
		return Page.of(cursor, limit, read, (event) -> List.of(event.timestamp(), event.eventId()), true);
	}

	/**
	 * Checks the arguments of a listing.
	 * @throws IllegalArgumentException for a limit outside 1 to 1000
	 */
	static void checkListing(int limit) {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be 1 to 1000: " + limit);
		}
	}

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
