package dev.faultline.storage.metadata;

import java.util.Collection;
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
	 * last seen at {@link NewIssue#seenAt()} and the next short number of its project;
	 * its creation records a {@link IssueActivity#FIRST_SEEN} activity at that time.
	 */
	Issue findOrCreate(NewIssue candidate);

	/**
	 * Counts one event against its issue exactly once per {@code (projectId, eventId)}:
	 * the first call adds 1 to times seen, widens first/last seen to the event's
	 * timestamp, counts a new user key once, and returns true; repeated calls change
	 * nothing and return false. Atomic.
	 * <p>
	 * A first-time event of a {@link IssueStatus#RESOLVED} issue is a regression: in the
	 * same transaction the issue becomes {@link IssueStatus#UNRESOLVED} and a
	 * {@link IssueActivity#SET_REGRESSION} activity (data {@code event_id}, at the event
	 * time) is recorded. Ignored issues stay ignored.
	 */
	boolean recordOccurrence(EventOccurrence occurrence);

	/**
	 * {@link #recordOccurrence} for several events in one transaction: all are recorded
	 * or, when one fails, none. Returns how many were counted for the first time.
	 */
	default int recordOccurrences(List<EventOccurrence> occurrences) {
		int recorded = 0;
		for (EventOccurrence occurrence : occurrences) {
			if (recordOccurrence(occurrence)) {
				recorded++;
			}
		}
		return recorded;
	}

	Optional<Issue> findById(long id);

	/**
	 * A page of the project's issues.
	 */
	List<Issue> list(long projectId, IssueQuery query);

	/**
	 * A page of the issues of several projects (an organization's issue list), in the
	 * query's order across all of them; empty when no project id is given.
	 */
	List<Issue> listForProjects(Collection<Long> projectIds, IssueQuery query);

	/**
	 * Sets the status; returns the updated issue, or empty when it does not exist. A
	 * change records the matching activity ({@link IssueActivity#statusChange}); setting
	 * the status the issue already has records nothing.
	 */
	Optional<Issue> updateStatus(long id, IssueStatus status);

	/**
	 * The issue's activity log, oldest first; empty for an unknown issue.
	 */
	List<IssueActivity> activities(long issueId);

}
