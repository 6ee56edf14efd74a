package dev.faultline.storage.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event port: append-mostly storage of processed events with the queries the Web API
 * needs.
 *
 * <p>
 * Contract (storage TCK): writes are idempotent on {@code (projectId, eventId)}: writing
 * an event that exists keeps one copy. Every read is scoped to one project. Lists are
 * newest first ({@code timestamp} descending, then {@code eventId} descending).
 * Thread-safe.
 */
public interface EventStore extends AutoCloseable {

	/**
	 * Writes a batch durably; returns once it is stored and visible to reads.
	 */
	void write(List<StoredEvent> events);

	Optional<StoredEvent> find(long projectId, String eventId);

	/**
	 * A page of the issue's events, newest first.
	 * @param offset events to skip (0 or more)
	 * @param limit events to return (1 to 1000)
	 */
	List<StoredEvent> listByIssue(long projectId, long issueId, int offset, int limit);

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

	/**
	 * Counts the events of each issue in time buckets, for a whole page of issues in one
	 * query. Bucket {@code i} covers {@code [from + i·bucket, from + (i+1)·bucket)};
	 * there are {@code ceil((to - from) / bucket)} buckets and only events with
	 * {@code from <= timestamp < to} count.
	 * @param issueIds issues of the project (up to 1000)
	 * @param bucket at least one second, whole milliseconds
	 * @return for every requested issue id, its counts oldest bucket first (zeros where
	 * nothing happened)
	 */
	Map<Long, List<Long>> countByIssue(long projectId, List<Long> issueIds, Instant from, Instant to, Duration bucket);

	/**
	 * The issues that have at least one event matching all event terms of a search
	 * together, most recently matched first (the newest matching event's
	 * {@code timestamp}, then the issue id, both descending). A search without event
	 * terms returns the issues that have any event.
	 * @param projectIds the projects to search (1 to 1000)
	 * @param search the search text and its clock; issue terms in it are ignored
	 * @param limit issue ids to return at most (1 to 100,000)
	 * @return distinct issue ids
	 * @throws RuntimeException the parser's unchecked syntax error when the text is not a
	 * valid search (callers parse it first to answer the user)
	 */
	List<Long> findIssueIds(List<Long> projectIds, EventSearch search, int limit);

	/**
	 * The retention sweep: removes every project's events with
	 * {@code timestamp < cutoff}. Idempotent; an event stored later with an older
	 * timestamp goes with the next sweep.
	 */
	void deleteOlderThan(Instant cutoff);

	/**
	 * Returns whether the store answers now; never throws.
	 */
	boolean isHealthy();

	@Override
	void close();

}
