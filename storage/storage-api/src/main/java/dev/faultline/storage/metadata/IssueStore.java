package dev.faultline.storage.metadata;

import java.util.List;
import java.util.Optional;

/**
 * Issues and their counters. Thread-safe; safe to call from several processor instances
 * at once.
 */
public interface IssueStore {

	/**
	 * Returns the issue of {@code (projectId, primaryHash)}, creating it from the
	 * candidate when none exists. Concurrent calls with the same key return the same
	 * issue. A new issue is {@link IssueStatus#UNRESOLVED}, seen 0 times, with first and
	 * last seen at {@link NewIssue#seenAt()} and the next short number of its project.
	 */
	Issue findOrCreate(NewIssue candidate);

	/**
	 * Counts one event against its issue exactly once per {@code (projectId, eventId)}:
	 * the first call adds 1 to times seen, widens first/last seen to the event's
	 * timestamp, counts a new user key once, and returns true; repeated calls change
	 * nothing and return false. Atomic.
	 */
	boolean recordOccurrence(EventOccurrence occurrence);

	Optional<Issue> findById(long id);

	/**
	 * A page of the project's issues.
	 */
	List<Issue> list(long projectId, IssueQuery query);

	/**
	 * Sets the status; returns the updated issue, or empty when it does not exist.
	 */
	Optional<Issue> updateStatus(long id, IssueStatus status);

}
