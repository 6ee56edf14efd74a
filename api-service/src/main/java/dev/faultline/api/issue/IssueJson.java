package dev.faultline.api.issue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;

import org.jspecify.annotations.Nullable;

/**
 * An issue as Sentry's issue list renders it. As in Sentry, {@code count} is a string and
 * {@code userCount} a number; {@code isBookmarked} and {@code isSubscribed} are the
 * caller's. Sharing and "seen" are not modelled and render as Sentry renders their
 * absence. {@code stats} is present only when asked for ({@code statsPeriod}, and always
 * on the detail). {@code isUnhandled} tells whether an event of the issue was not handled
 * by user code (its exception's mechanism said {@code handled: false}). {@code filtered}
 * is present when the list's search has event terms (environment, time range, tags): the
 * {@code count} of the issue's events that match them, while {@code count} stays the
 * issue's lifetime count, as in Sentry.
 */
record IssueJson(String id, String shortId, String title, String culprit, String permalink, @Nullable String logger,
		String level, String status, Map<String, Object> statusDetails, boolean isPublic, @Nullable String platform,
		ProjectRef project, String type, Map<String, String> metadata, int numComments, @Nullable Object assignedTo,
		boolean isBookmarked, boolean isSubscribed, boolean hasSeen, List<Object> annotations, String issueType,
		String issueCategory, String count, long userCount, String firstSeen, String lastSeen, @Nullable String shareId,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Object> stats, boolean isUnhandled,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Object> filtered) {

	static IssueJson of(Issue issue, Project project, Organization organization, String publicUrl, Extras extras) {
		String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		String permalink = base + "/organizations/" + organization.slug() + "/issues/" + issue.id() + "/";
		String platform = project.platform().isEmpty() ? null : project.platform();
		return new IssueJson(Long.toString(issue.id()), ShortIds.format(project.slug(), issue.shortNumber()),
				issue.title(), issue.culprit(), permalink, null, issue.level(), issue.status().apiName(),
				extras.statusDetails(), false, platform, ProjectRef.of(project), issue.eventType(), issue.metadata(),
				extras.numComments(), extras.assignedTo(), extras.bookmarked(), extras.subscribed(), false, List.of(),
				issue.issueType(), issue.category(), Long.toString(issue.timesSeen()), issue.userCount(),
				ApiDates.format(issue.firstSeen()), ApiDates.format(issue.lastSeen()), null, null, extras.unhandled(),
				null);
	}

	/**
	 * This issue with Sentry's {@code stats} (period name to
	 * {@code [[epoch seconds, count], …]}).
	 */
	IssueJson withStats(Map<String, Object> stats) {
		return new IssueJson(this.id, this.shortId, this.title, this.culprit, this.permalink, this.logger, this.level,
				this.status, this.statusDetails, this.isPublic, this.platform, this.project, this.type, this.metadata,
				this.numComments, this.assignedTo, this.isBookmarked, this.isSubscribed, this.hasSeen, this.annotations,
				this.issueType, this.issueCategory, this.count, this.userCount, this.firstSeen, this.lastSeen,
				this.shareId, Map.copyOf(stats), this.isUnhandled, this.filtered);
	}

	/**
	 * This issue with Sentry's {@code filtered}: the count of its events matching the
	 * list's event terms.
	 */
	IssueJson withFilteredCount(long count) {
		return new IssueJson(this.id, this.shortId, this.title, this.culprit, this.permalink, this.logger, this.level,
				this.status, this.statusDetails, this.isPublic, this.platform, this.project, this.type, this.metadata,
				this.numComments, this.assignedTo, this.isBookmarked, this.isSubscribed, this.hasSeen, this.annotations,
				this.issueType, this.issueCategory, this.count, this.userCount, this.firstSeen, this.lastSeen,
				this.shareId, this.stats, this.isUnhandled, Map.of("count", Long.toString(count)));
	}

	/**
	 * What the issue row alone does not carry: rendered details and assignee, and the
	 * caller's bookmark and subscription.
	 */
	record Extras(Map<String, Object> statusDetails, @Nullable Map<String, Object> assignedTo, boolean bookmarked,
			boolean subscribed, int numComments, boolean unhandled) {

	}

	record ProjectRef(String id, String name, String slug, @Nullable String platform) {

		static ProjectRef of(Project project) {
			return new ProjectRef(Long.toString(project.id()), project.name(), project.slug(),
					project.platform().isEmpty() ? null : project.platform());
		}

	}

}
