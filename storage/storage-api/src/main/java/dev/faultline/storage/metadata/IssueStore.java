package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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

	Optional<Issue> findById(long id);

	/**
	 * A page of the project's issues matching the query's criteria, in its order.
	 */
	List<Issue> list(long projectId, IssueQuery query);

	/**
	 * A page of the issues of several projects (an organization's issue list), in the
	 * query's order across all of them; empty when no project id is given.
	 */
	List<Issue> listForProjects(Collection<Long> projectIds, IssueQuery query);

	/**
	 * Sets the status and its details (replacing earlier details; ignore counts count
	 * from now); returns the updated issue, or empty when it does not exist. A change
	 * records its activity ({@link StatusChange#activityType()}, data: the details set,
	 * e.g. {@code version}, {@code ignoreCount}); setting exactly the status and details
	 * the issue already has records nothing.
	 * @param actorUserId who changes it, or null for the system
	 */
	Optional<Issue> updateStatus(long id, StatusChange change, @Nullable Long actorUserId);

	/**
	 * {@link #updateStatus(long, StatusChange, Long)} with the plain change to
	 * {@code status}, by the system.
	 */
	default Optional<Issue> updateStatus(long id, IssueStatus status) {
		return updateStatus(id, StatusChange.of(status), null);
	}

	/**
	 * Wakes up every ignored issue whose {@code ignoreUntil} is not after {@code now}
	 * (unresolved, {@link IssueActivity#SET_UNRESOLVED} with data {@code reason}
	 * {@code ignore_until}); returns how many woke up.
	 */
	int wakeExpiredIgnores(Instant now);

	/**
	 * Assigns the issue to a user or team of its organization, or with null removes the
	 * assignee; records {@link IssueActivity#ASSIGNED} or
	 * {@link IssueActivity#UNASSIGNED} when it changes, and subscribes an assigned user.
	 * Returns the updated issue, or empty when it does not exist.
	 * @throws IllegalArgumentException when the user is not a member or the team not a
	 * team of the issue's organization
	 */
	Optional<Issue> assign(long id, @Nullable Assignee assignee, @Nullable Long actorUserId);

	/** Bookmarks the issue for the user, or removes the bookmark. Idempotent. */
	void setBookmarked(long issueId, long userId, boolean bookmarked);

	/** Subscribes the user to the issue, or unsubscribes. Idempotent. */
	void setSubscribed(long issueId, long userId, boolean subscribed);

	/** Which of the issues the user bookmarked. */
	Set<Long> bookmarkedAmong(long userId, Collection<Long> issueIds);

	/** Which of the issues the user is subscribed to. */
	Set<Long> subscribedAmong(long userId, Collection<Long> issueIds);

	/** The number of comments of each issue that has any. */
	Map<Long, Integer> commentCounts(Collection<Long> issueIds);

	/**
	 * Adds a comment ({@link IssueActivity#NOTE}, data {@code text}) by the user, now;
	 * subscribes the user.
	 * @throws IllegalArgumentException for an unknown issue
	 */
	IssueActivity addComment(long issueId, long userId, String text);

	/**
	 * Replaces the text of a comment of the issue written by {@code userId}; empty when
	 * there is no such comment.
	 */
	Optional<IssueActivity> editComment(long issueId, long activityId, long userId, String text);

	/**
	 * Deletes a comment of the issue written by {@code userId}; returns whether it did.
	 */
	boolean deleteComment(long issueId, long activityId, long userId);

	/**
	 * The issue's activity log, oldest first; empty for an unknown issue.
	 */
	List<IssueActivity> activities(long issueId);

	/**
	 * Merges issues of one project into {@code parentId}: the children's hashes, counted
	 * events, users and comments move to the parent, whose counters and first/ last seen
	 * become those of the union; the children are deleted and their ids redirect to the
	 * parent ({@link #redirect}). Records {@link IssueActivity#MERGE} on the parent. The
	 * caller moves the children's stored events.
	 * @throws IllegalArgumentException when an issue is missing, of another project, or
	 * the parent is among the children
	 */
	MergeResult merge(long parentId, List<Long> childIds, @Nullable Long actorUserId);

	/**
	 * The issue a merged issue id now belongs to (following chains), or empty when the id
	 * was never merged away.
	 */
	Optional<Long> redirect(long previousIssueId);

	/** The issue's hashes, most events first. */
	List<IssueHash> hashes(long issueId);

	/**
	 * Moves some of an issue's hashes (not all of them) with their counted events and
	 * users into a new issue of the same project, recounting both; records
	 * {@link IssueActivity#UNMERGE_SOURCE} and {@link IssueActivity#UNMERGE_DESTINATION}.
	 * Returns the new issue. The caller moves the stored events of those hashes.
	 * @throws IllegalArgumentException for an unknown issue, a hash it does not have, or
	 * all of its hashes
	 */
	Issue unmerge(long issueId, Set<String> hashes, @Nullable Long actorUserId);

	/**
	 * Deletes the issue with its counters, activity and hashes (its next event creates a
	 * new issue). Returns whether it existed. The caller deletes its stored events.
	 */
	boolean delete(long issueId);

	/**
	 * Deletes the issue and discards its hashes: the returned tombstone makes
	 * {@link #findOrCreate} drop their future events. Empty for an unknown issue.
	 */
	Optional<Tombstone> discard(long issueId, @Nullable Long actorUserId);

	/** The project's tombstones, newest first. */
	List<Tombstone> tombstones(long projectId);

	/**
	 * Removes a tombstone of the project (its hashes are grouped again); returns whether
	 * it did.
	 */
	boolean deleteTombstone(long projectId, long tombstoneId);

}
