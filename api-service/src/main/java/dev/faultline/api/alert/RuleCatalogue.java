package dev.faultline.api.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code rules/configuration/} offers the rule builder: every condition, filter and
 * action id Faultline evaluates, with Sentry's labels and form fields.
 */
final class RuleCatalogue {

	private static final String C = "sentry.rules.conditions.";

	private static final String F = "sentry.rules.filters.";

	private static final Map<String, Object> INTERVALS = Map.of("type", "choice", "choices",
			List.of(List.of("1m", "one minute"), List.of("5m", "5 minutes"), List.of("15m", "15 minutes"),
					List.of("1h", "one hour"), List.of("1d", "one day"), List.of("1w", "one week"),
					List.of("30d", "30 days")));

	private static final Map<String, Object> MATCH = Map.of("type", "choice", "choices",
			List.of(List.of("eq", "equals"), List.of("ne", "does not equal"), List.of("sw", "starts with"),
					List.of("ew", "ends with"), List.of("co", "contains"), List.of("nc", "does not contain"),
					List.of("is", "is set"), List.of("ns", "is not set")));

	static final Map<String, Object> CONFIGURATION = Map.of("conditions",
			List.of(entry(C + "first_seen_event.FirstSeenEventCondition", "A new issue is created", Map.of()),
					entry(C + "regression_event.RegressionEventCondition",
							"The issue changes state from resolved to unresolved", Map.of()),
					entry(C + "reappeared_event.ReappearedEventCondition",
							"The issue changes state from archived to escalating", Map.of()),
					entry(C + "event_frequency.EventFrequencyCondition",
							"The issue is seen more than {value} times in {interval}",
							Map.of("value", Map.of("type", "number", "placeholder", 100), "interval", INTERVALS)),
					entry(C + "event_frequency.EventUniqueUserFrequencyCondition",
							"The issue is seen by more than {value} users in {interval}",
							Map.of("value", Map.of("type", "number", "placeholder", 100), "interval", INTERVALS))),
			"filters", List.of(
					entry(F + "age_comparison.AgeComparisonFilter",
							"The issue is {comparison_type} than {value} {time}",
							Map.of("comparison_type",
									Map.of("type", "choice", "choices",
											List.of(List.of("older", "older"), List.of("newer", "newer"))),
									"value", Map.of("type", "number"), "time",
									Map.of("type", "choice", "choices",
											List.of(List.of("minute", "minute(s)"), List.of("hour", "hour(s)"),
													List.of("day", "day(s)"), List.of("week", "week(s)"))))),
					entry(F + "issue_occurrences.IssueOccurrencesFilter",
							"The issue has happened at least {value} times", Map.of("value", Map.of("type", "number"))),
					entry(F + "assigned_to.AssignedToFilter", "The issue is assigned to {targetType}",
							Map.of("targetType", Map.of("type", "assignee"))),
					entry(F + "latest_release.LatestReleaseFilter", "The event is from the latest release", Map.of()),
					entry(F + "issue_category.IssueCategoryFilter", "The issue's category is equal to {value}",
							Map.of("value",
									Map.of("type", "choice", "choices",
											List.of(List.of("1", "Error"), List.of("2", "Performance"))))),
					entry(F + "tagged_event.TaggedEventFilter", "The event's tags match {key} {match} {value}",
							Map.of("key", Map.of("type", "string"), "match", MATCH, "value", Map.of("type", "string"))),
					entry(F + "level.LevelFilter", "The event's level is {match} {level}", Map.of("match",
							Map.of("type", "choice", "choices",
									List.of(List.of("eq", "equal to"), List.of("gte", "greater than or equal to"),
											List.of("lte", "less than or equal to"))),
							"level",
							Map.of("type", "choice", "choices",
									List.of(List.of("50", "fatal"), List.of("40", "error"), List.of("30", "warning"),
											List.of("20", "info"), List.of("10", "debug"))))),
					entry(C + "event_attribute.EventAttributeCondition",
							"The event's {attribute} value {match} {value}",
							Map.of("attribute", Map.of("type", "string"), "match", MATCH, "value",
									Map.of("type", "string")))),
			"actions",
			List.of(entry("sentry.mail.actions.NotifyEmailAction", "Send a notification to {targetType}",
					Map.of("targetType", Map.of("type", "mailAction"))),
					entry("sentry.rules.actions.notify_event_service.NotifyEventServiceAction",
							"Send a notification via {service}",
							Map.of("service",
									Map.of("type", "choice", "choices",
											List.of(List.of("webhooks", "WebHooks"), List.of("mail", "Mail"))))),
					entry("sentry.integrations.slack.notify_action.SlackNotifyServiceAction",
							"Send a notification to the {workspace} Slack workspace to {channel}",
							Map.of("workspace", Map.of("type", "integration"), "channel", Map.of("type", "string"))),
					entry("sentry.integrations.msteams.notify_action.MsTeamsNotifyServiceAction",
							"Send a notification to the {team} Team to {channel}",
							Map.of("team", Map.of("type", "integration"), "channel", Map.of("type", "string"))),
					entry("sentry.integrations.discord.notify_action.DiscordNotifyServiceAction",
							"Send a notification to the {server} Discord server in the channel with ID: {channel_id}",
							Map.of("server", Map.of("type", "integration"), "channel_id", Map.of("type", "string"))),
					entry("sentry.integrations.pagerduty.notify_action.PagerDutyNotifyServiceAction",
							"Send a notification to PagerDuty account {account} and service {service} with {severity} severity",
							Map.of("account", Map.of("type", "integration"), "service", Map.of("type", "string"),
									"severity",
									Map.of("type", "choice", "choices",
											List.of(List.of("default", "default"), List.of("critical", "critical"),
													List.of("error", "error"), List.of("warning", "warning"),
													List.of("info", "info"))))),
					entry("sentry.integrations.opsgenie.notify_action.OpsgenieNotifyTeamAction",
							"Send a notification to Opsgenie account {account} and team {team} with {priority} priority",
							Map.of("account", Map.of("type", "integration"), "team", Map.of("type", "string"),
									"priority", Map.of("type", "string"))),
					entry("sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction",
							"Send a notification via the {sentryAppInstallationUuid} webhook integration",
							Map.of("sentryAppInstallationUuid", Map.of("type", "integration")))));

	private RuleCatalogue() {
	}

	private static Map<String, Object> entry(String id, String label, Map<String, Object> formFields) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", id);
		entry.put("label", label);
		entry.put("enabled", true);
		entry.put("formFields", formFields);
		return entry;
	}

}
