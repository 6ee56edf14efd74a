package dev.faultline.storage.metadata;

import java.util.List;
import java.util.Optional;

/**
 * The grouping role: what the processor needs to put an event into its issue and count
 * it. Thread-safe; safe to call from several processor instances at once.
 * <p>
 * A role of {@link IssueStore}: callers take the role they need.
 */
public interface IssueGrouping {

	/**
	 * Returns the issue of {@code (projectId, primaryHash)}, creating it from the
	 * candidate when none exists. Concurrent calls with the same key return the same
	 * issue. A new issue is {@link IssueStatus#UNRESOLVED}, seen 0 times, with first and
	 * last seen at {@link NewIssue#seenAt()} and the next short number of its project;
	 * its creation records a {@link IssueActivity#FIRST_SEEN} activity at that time.
	 * <p>
	 * The hash is looked up among every issue's hashes, so after a merge it finds the
	 * issue it was merged into. Empty when the hash was discarded (a {@link Tombstone} of
	 * the project holds it): the event is to be dropped.
	 */
	Optional<Issue> findOrCreate(NewIssue candidate);

	/**
	 * Counts one event against its issue exactly once per {@code (projectId, eventId)}:
	 * the first call adds 1 to times seen, widens first/last seen to the event's
	 * timestamp, counts a new user key once, and returns true; repeated calls change
	 * nothing and return false. Atomic.
	 * <p>
	 * In the same transaction:
	 * <ul>
	 * <li>the event's release becomes known to the project (first seen now, by the
	 * store's clock), when it is new;</li>
	 * <li>a first-time event of a {@link IssueStatus#RESOLVED} issue is a regression —
	 * any event for a plain resolution, for a resolution in a release only an event of a
	 * later release (see {@link StatusChange}) — the issue becomes
	 * {@link IssueStatus#UNRESOLVED} with {@link StatusDetails#NONE} and a
	 * {@link IssueActivity#SET_REGRESSION} activity (data {@code event_id} and
	 * {@code version} when the event has a release, at the event time) is recorded;</li>
	 * <li>an {@link IssueStatus#IGNORED} issue whose condition is now met (count, users,
	 * time; see {@link StatusChange.Ignore}) becomes unresolved with a
	 * {@link IssueActivity#SET_UNRESOLVED} activity (data {@code reason}), user
	 * null.</li>
	 * </ul>
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

}
