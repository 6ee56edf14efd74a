package dev.faultline.storage.metadata;

import java.util.Collection;
import java.util.Set;

/**
 * The per-user state of issues: bookmarks and subscriptions. Thread-safe.
 * <p>
 * A role of {@link IssueStore}: callers take the role they need.
 */
public interface IssueUserState {

	/** Bookmarks the issue for the user, or removes the bookmark. Idempotent. */
	void setBookmarked(long issueId, long userId, boolean bookmarked);

	/** Subscribes the user to the issue, or unsubscribes. Idempotent. */
	void setSubscribed(long issueId, long userId, boolean subscribed);

	/** Which of the issues the user bookmarked. */
	Set<Long> bookmarkedAmong(long userId, Collection<Long> issueIds);

	/** Which of the issues the user is subscribed to. */
	Set<Long> subscribedAmong(long userId, Collection<Long> issueIds);

}
