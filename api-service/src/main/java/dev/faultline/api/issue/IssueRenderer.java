package dev.faultline.api.issue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.member.Directory;
import dev.faultline.api.member.People;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueComments;
import dev.faultline.storage.metadata.IssueUserState;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Renders issues for a caller. A page costs a fixed number of queries whatever its size:
 * the organization's members and teams (actors, assignees), the caller's bookmarks and
 * subscriptions among the page, the comment counts, which issues had an unhandled event,
 * and the stats (and filtered counts) per project.
 */
@Component
class IssueRenderer {

	private static final List<String> DETAIL_PERIODS = List.of("24h", "30d");

	private final IssueUserState issues;

	private final IssueComments comments;

	private final Directory directory;

	private final IssueStats stats;

	private final String publicUrl;

	IssueRenderer(IssueUserState issues, IssueComments comments, EventAggregates events, Directory directory,
			FaultlineProperties properties) {
		this.issues = issues;
		this.comments = comments;
		this.directory = directory;
		this.stats = new IssueStats(events, Clock.systemUTC());
		this.publicUrl = properties.publicUrl();
	}

	/**
	 * A page of issues of the organization's projects.
	 * @param period stats period ({@code 24h}, {@code 14d}), or null for no stats
	 */
	List<IssueJson> list(Caller caller, Organization organization, Map<Long, Project> projects, List<Issue> page,
			@Nullable String period) {
		return list(caller, organization, projects, page, period, null);
	}

	/**
	 * A page of issues whose stats count only the events matching the search's event
	 * terms, each with that count as {@code filtered}.
	 * @param filter the list's event terms, or null when it has none (lifetime counts)
	 */
	List<IssueJson> list(Caller caller, Organization organization, Map<Long, Project> projects, List<Issue> page,
			@Nullable String period, @Nullable EventSearch filter) {
		return list(caller, organization, projects, page, period, filter, this.directory.of(organization.id()));
	}

	private List<IssueJson> list(Caller caller, Organization organization, Map<Long, Project> projects,
			List<Issue> page, @Nullable String period, @Nullable EventSearch filter, People people) {
		List<Long> ids = page.stream().map(Issue::id).toList();
		long userId = caller.user().id();
		Set<Long> bookmarked = ids.isEmpty() ? Set.of() : this.issues.bookmarkedAmong(userId, ids);
		Set<Long> subscribed = ids.isEmpty() ? Set.of() : this.issues.subscribedAmong(userId, ids);
		Map<Long, Integer> comments = ids.isEmpty() ? Map.of() : this.comments.commentCounts(ids);
		EventSearch counted = (filter != null) ? filter : EventSearch.EVERY_EVENT;
		Map<Long, List<List<Long>>> counts = (period != null && !page.isEmpty())
				? this.stats.compute(page, period, counted) : Map.of();
		Map<Long, Long> filtered = (filter != null && !page.isEmpty()) ? this.stats.totals(page, filter) : Map.of();
		Set<Long> unhandled = page.isEmpty() ? Set.of() : this.stats.unhandled(page);
		List<IssueJson> rendered = new ArrayList<>(page.size());
		for (Issue issue : page) {
			IssueJson.Extras extras = new IssueJson.Extras(StatusDetailsJson.of(issue.statusDetails(), people),
					people.assignedTo(issue.assignee()), bookmarked.contains(issue.id()),
					subscribed.contains(issue.id()), comments.getOrDefault(issue.id(), 0),
					unhandled.contains(issue.id()));
			IssueJson json = IssueJson.of(issue, projects.get(issue.projectId()), organization, this.publicUrl, extras);
			if (period != null) {
				json = json.withStats(Map.of(period, counts.get(issue.id())));
			}
			if (filter != null) {
				json = json.withFilteredCount(filtered.getOrDefault(issue.id(), 0L));
			}
			rendered.add(json);
		}
		return rendered;
	}

	/**
	 * The detail: the row fields with stats for {@code 24h} and {@code 30d} (as Sentry's)
	 * and the activity, newest first.
	 */
	IssueDetailJson detail(Caller caller, ProjectIssue found, Issue issue) {
		People people = this.directory.of(found.organization().id());
		IssueJson json = list(caller, found.organization(), Map.of(found.project().id(), found.project()),
				List.of(issue), null, null, people)
			.get(0);
		Map<String, Object> periods = new LinkedHashMap<>();
		for (String period : DETAIL_PERIODS) {
			periods.put(period, this.stats.compute(List.of(issue), period).get(issue.id()));
		}
		return IssueDetailJson.of(json.withStats(periods), activity(issue.id(), people));
	}

	/** The issue's activity, newest first. */
	List<ActivityJson> activity(long issueId, People people) {
		List<IssueActivity> activities = new ArrayList<>(this.comments.activities(issueId));
		Collections.reverse(activities);
		return activities.stream().map((activity) -> ActivityJson.of(activity, people)).toList();
	}

}
