package dev.faultline.storage.events;

import java.util.List;
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
	 * Returns whether the store answers now; never throws.
	 */
	boolean isHealthy();

	@Override
	void close();

}
