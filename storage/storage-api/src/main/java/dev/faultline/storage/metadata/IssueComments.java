package dev.faultline.storage.metadata;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comments and the activity log of issues. Thread-safe.
 * <p>
 * A role of {@link IssueStore}: callers take the role they need.
 */
public interface IssueComments {

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

}
