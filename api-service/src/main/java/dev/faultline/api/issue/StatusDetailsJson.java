package dev.faultline.api.issue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.api.member.People;
import dev.faultline.api.member.UserJson;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.StatusDetails;

/**
 * Sentry's {@code statusDetails}: {@code {}} for no details (unresolved, plain
 * resolution, ignored forever), else the details set ({@code inRelease} or
 * {@code inNextRelease} for a resolution, any of {@code ignoreUntil},
 * {@code ignoreCount}, {@code ignoreWindow}, {@code ignoreUserCount},
 * {@code ignoreUserWindow} for an ignore) with the {@code actor} who set them.
 */
final class StatusDetailsJson {

	private StatusDetailsJson() {
	}

	static Map<String, Object> of(StatusDetails details, People people) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (details.inNextRelease()) {
			json.put("inNextRelease", true);
		}
		else if (details.inRelease() != null) {
			json.put("inRelease", details.inRelease());
		}
		if (details.ignoreUntil() != null) {
			json.put("ignoreUntil", ApiDates.format(details.ignoreUntil()));
		}
		if (details.ignoreCount() != null) {
			json.put("ignoreCount", details.ignoreCount());
		}
		if (details.ignoreWindow() != null) {
			json.put("ignoreWindow", details.ignoreWindow());
		}
		if (details.ignoreUserCount() != null) {
			json.put("ignoreUserCount", details.ignoreUserCount());
		}
		if (details.ignoreUserWindow() != null) {
			json.put("ignoreUserWindow", details.ignoreUserWindow());
		}
		if (!json.isEmpty()) {
			UserJson actor = people.user(details.actorUserId());
			if (actor != null) {
				json.put("actor", actor);
			}
		}
		return json;
	}

}
