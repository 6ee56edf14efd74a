package dev.faultline.api.issue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.events.EventMaintenance;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueUserState;
import dev.faultline.storage.metadata.IssueWorkflow;
import dev.faultline.storage.metadata.MergeResult;

import org.springframework.stereotype.Component;

/**
 * Applies validated {@link IssueUpdate}s and deletions to issues, keeping the metadata
 * store and the event store in step (merged, deleted and discarded issues' events move or
 * go). The issues are already authorized and of one organization.
 */
@Component
class IssueChanges {

	private final IssueWorkflow issues;

	private final IssueUserState userState;

	private final EventMaintenance events;

	IssueChanges(IssueWorkflow issues, IssueUserState userState, EventMaintenance events) {
		this.issues = issues;
		this.userState = userState;
		this.events = events;
	}

	/**
	 * Applies the status, assignee, bookmark and subscription changes to each issue (the
	 * bookmark and subscription are {@code userId}'s); returns the issues as they are
	 * afterwards (an issue deleted meanwhile is left out).
	 */
	List<Issue> apply(List<Issue> targets, IssueUpdate update, long userId) {
		List<Issue> changed = new ArrayList<>(targets.size());
		for (Issue target : targets) {
			Issue issue = target;
			if (update.status() != null) {
				issue = this.issues.updateStatus(issue.id(), update.status(), userId).orElse(null);
			}
			if (issue != null && update.assign()) {
				issue = this.issues.assign(issue.id(), update.assignee(), userId).orElse(null);
			}
			if (issue == null) {
				continue;
			}
			if (update.bookmarked() != null) {
				this.userState.setBookmarked(issue.id(), userId, update.bookmarked());
			}
			if (update.subscribed() != null) {
				this.userState.setSubscribed(issue.id(), userId, update.subscribed());
			}
			changed.add(issue);
		}
		return changed;
	}

	/**
	 * Merges issues of one project into the one with most events (then the lowest id),
	 * then moves the children's stored events to it.
	 * @throws ApiException 400 for fewer than two issues or issues of several projects
	 */
	MergeResult merge(List<Issue> targets, long userId) {
		if (targets.size() < 2) {
			throw ApiException.badRequest("merge: needs two or more issues");
		}
		if (targets.stream().map(Issue::projectId).distinct().count() > 1) {
			throw ApiException.badRequest("merge: the issues must belong to one project");
		}
		Issue parent = targets.stream()
			.min(Comparator.comparingLong(Issue::timesSeen).reversed().thenComparingLong(Issue::id))
			.orElseThrow();
		List<Long> children = targets.stream().map(Issue::id).filter((id) -> id != parent.id()).toList();
		MergeResult result = this.issues.merge(parent.id(), children, userId);
		for (long child : result.childIds()) {
			this.events.moveEvents(parent.projectId(), child, null, parent.id());
		}
		return result;
	}

	/**
	 * Deletes the issues and their events and tombstones their hashes: later events with
	 * them are dropped at processing.
	 */
	void discard(List<Issue> targets, long userId) {
		for (Issue issue : targets) {
			this.issues.discard(issue.id(), userId);
			this.events.deleteIssueEvents(issue.projectId(), issue.id());
		}
	}

	/**
	 * Deletes the issues with their events; the next event with one of their hashes
	 * creates a new issue.
	 */
	void delete(List<Issue> targets) {
		for (Issue issue : targets) {
			this.issues.delete(issue.id());
			this.events.deleteIssueEvents(issue.projectId(), issue.id());
		}
	}

}
