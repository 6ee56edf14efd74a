package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The workflow role: status changes, assignment, merge and unmerge, deletion and
 * discarding (tombstones). Thread-safe.
 * <p>
 * A role of {@link IssueStore}: callers take the role they need.
 */
public interface IssueWorkflow {

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

	/**
	 * Merges issues of one project into {@code parentId}: the children's hashes, counted
	 * events, users and comments move to the parent, whose counters and first/ last seen
	 * become those of the union; the children are deleted and their ids redirect to the
	 * parent ({@link IssueReader#redirect}). Records {@link IssueActivity#MERGE} on the
	 * parent. The caller moves the children's stored events.
	 * @throws IllegalArgumentException when an issue is missing, of another project, or
	 * the parent is among the children
	 */
	MergeResult merge(long parentId, List<Long> childIds, @Nullable Long actorUserId);

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
	 * {@link IssueGrouping#findOrCreate} drop their future events. Empty for an unknown
	 * issue.
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
