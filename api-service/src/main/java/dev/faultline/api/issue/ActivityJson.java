package dev.faultline.api.issue;

import java.util.Map;

import dev.faultline.api.member.People;
import dev.faultline.api.member.UserJson;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.IssueActivity;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an issue's activity as Sentry renders it; {@code user} is null for the
 * system (first seen, regressions, wake-ups).
 */
record ActivityJson(String id, String type, Map<String, String> data, String dateCreated, @Nullable UserJson user) {

	static ActivityJson of(IssueActivity activity, People people) {
		return new ActivityJson(Long.toString(activity.id()), activity.type(), activity.data(),
				ApiDates.format(activity.at()), people.user(activity.userId()));
	}

}
