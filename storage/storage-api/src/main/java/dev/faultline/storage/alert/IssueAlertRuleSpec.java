package dev.faultline.storage.alert;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a client sets on an issue alert rule (create or replace).
 *
 * @param environment the environment its events must have, or null for any
 * @param actionMatch how conditions combine: {@code all}, {@code any} or {@code none}
 * @param filterMatch how filters combine: {@code all}, {@code any} or {@code none}
 * @param frequencyMinutes the per-issue action interval: after firing for an issue the
 * rule does not fire for it again for this many minutes
 * @param conditions Sentry's condition JSON array
 * @param filters Sentry's filter JSON array
 * @param actions Sentry's action JSON array
 * @param owner {@code user:ID}, {@code team:ID} or null
 * @param status {@code active} or {@code disabled}
 */
public record IssueAlertRuleSpec(String name, @Nullable String environment, String actionMatch, String filterMatch,
		int frequencyMinutes, String conditions, String filters, String actions, @Nullable String owner,
		String status) {

	public IssueAlertRuleSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(actionMatch, "actionMatch");
		Objects.requireNonNull(filterMatch, "filterMatch");
		Objects.requireNonNull(conditions, "conditions");
		Objects.requireNonNull(filters, "filters");
		Objects.requireNonNull(actions, "actions");
		Objects.requireNonNull(status, "status");
		if (frequencyMinutes < 0) {
			throw new IllegalArgumentException("frequency must not be negative: " + frequencyMinutes);
		}
	}

}
