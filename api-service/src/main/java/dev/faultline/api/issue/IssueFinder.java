package dev.faultline.api.issue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueReader;
import dev.faultline.storage.metadata.IssueSort;

import org.springframework.stereotype.Component;

/**
 * Answers an {@link IssueSearch} with a page of issues: the event store names the issues
 * that have a matching event (at most {@link #EVENT_MATCH_LIMIT}, the most recently
 * matched), the metadata store answers the page with every issue criterion and those ids
 * in SQL, in the requested order.
 */
@Component
class IssueFinder {

	/**
	 * Issues with a matching event considered at most; an issue whose newest matching
	 * event is older than the 10,000th's is not found.
	 */
	static final int EVENT_MATCH_LIMIT = 10_000;

	private final IssueReader issues;

	private final EventAggregates events;

	IssueFinder(IssueReader issues, EventAggregates events) {
		this.issues = issues;
		this.events = events;
	}

	/**
	 * @param offset rows to skip
	 * @param limit rows to return (1 to 1000)
	 */
	List<Issue> find(Collection<Long> projectIds, IssueSearch search, IssueSort sort, int offset, int limit) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		List<IssueCriterion> criteria = new ArrayList<>(search.criteria());
		EventSearch eventSearch = search.eventSearch();
		if (eventSearch != null) {
			List<Long> ids = this.events.findIssueIds(List.copyOf(projectIds), eventSearch, EVENT_MATCH_LIMIT);
			if (ids.isEmpty()) {
				return List.of();
			}
			criteria.add(new IssueCriterion.IdIn(Set.copyOf(ids)));
		}
		return this.issues.listForProjects(projectIds, new IssueQuery(criteria, sort, offset, limit));
	}

}
