package dev.faultline.api.issue;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.jspecify.annotations.Nullable;

/**
 * An issue as Sentry's issue detail renders it: the list fields plus its activity (newest
 * first); releases and participants are not tracked yet, so null or empty.
 */
record IssueDetailJson(@JsonUnwrapped IssueJson issue, @Nullable Object firstRelease, @Nullable Object lastRelease,
		List<ActivityJson> activity, List<Object> seenBy, List<Object> participants, int userReportCount,
		List<Object> pluginActions, List<Object> pluginIssues, List<Object> pluginContexts, List<Object> tags) {

	static IssueDetailJson of(IssueJson issue, List<ActivityJson> activity) {
		return new IssueDetailJson(issue, null, null, List.copyOf(activity), List.of(), List.of(), 0, List.of(),
				List.of(), List.of(), List.of());
	}

}
