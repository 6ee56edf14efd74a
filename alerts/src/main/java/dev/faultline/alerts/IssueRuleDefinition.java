package dev.faultline.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.faultline.storage.alert.IssueAlertRuleSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An issue alert rule's conditions, filters and actions, read from Sentry's rule JSON and
 * checked: every id must be one Faultline evaluates, every parameter valid. A rule that
 * reads here is one the evaluator runs exactly as written; anything else is a
 * {@link RuleException} naming what is wrong, never a rule that silently never fires.
 *
 * @param actionMatch how conditions combine ({@code all}, {@code any}, {@code none})
 * @param filterMatch how filters combine
 */
public record IssueRuleDefinition(String actionMatch, String filterMatch, List<RulePredicate> conditions,
		List<RulePredicate> filters, List<RuleAction> actions) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> MATCHES = Set.of("all", "any", "none");

	/** Sentry's frequency intervals. */
	private static final Map<String, Duration> INTERVALS = Map.of("1m", Duration.ofMinutes(1), "5m",
			Duration.ofMinutes(5), "15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1), "1d", Duration.ofDays(1),
			"1w", Duration.ofDays(7), "30d", Duration.ofDays(30));

	private static final Map<String, Duration> AGE_UNITS = Map.of("minute", Duration.ofMinutes(1), "hour",
			Duration.ofHours(1), "day", Duration.ofDays(1), "week", Duration.ofDays(7));

	/** The event attributes Faultline reads (Sentry's names). */
	static final Set<String> ATTRIBUTES = Set.of("message", "platform", "environment", "type", "error.handled",
			"error.unhandled", "exception.type", "exception.value", "user.id", "user.email", "user.username",
			"user.ip_address", "http.method", "http.url", "http.status_code", "sdk.name", "stacktrace.code",
			"stacktrace.module", "stacktrace.filename", "stacktrace.abs_path", "stacktrace.package", "release",
			"transaction", "level", "logger");

	public IssueRuleDefinition {
		conditions = List.copyOf(conditions);
		filters = List.copyOf(filters);
		actions = List.copyOf(actions);
	}

	/**
	 * Reads a stored or submitted rule.
	 * @throws RuleException when it is not one Faultline evaluates
	 */
	public static IssueRuleDefinition of(IssueAlertRuleSpec spec) {
		return parse(spec.actionMatch(), spec.filterMatch(), spec.conditions(), spec.filters(), spec.actions());
	}

	/**
	 * Reads Sentry's rule JSON arrays.
	 * @throws RuleException when it is not one Faultline evaluates
	 */
	public static IssueRuleDefinition parse(String actionMatch, String filterMatch, String conditions, String filters,
			String actions) {
		if (!MATCHES.contains(actionMatch)) {
			throw new RuleException("actionMatch must be all, any or none");
		}
		if (!MATCHES.contains(filterMatch)) {
			throw new RuleException("filterMatch must be all, any or none");
		}
		List<RulePredicate> parsedConditions = new ArrayList<>();
		for (JsonNode node : array(conditions, "conditions")) {
			parsedConditions.add(predicate(node, true));
		}
		List<RulePredicate> parsedFilters = new ArrayList<>();
		for (JsonNode node : array(filters, "filters")) {
			parsedFilters.add(predicate(node, false));
		}
		List<RuleAction> parsedActions = new ArrayList<>();
		for (JsonNode node : array(actions, "actions")) {
			parsedActions.add(action(node));
		}
		if (parsedActions.isEmpty()) {
			throw new RuleException("actions: a rule needs at least one action");
		}
		return new IssueRuleDefinition(actionMatch, filterMatch, parsedConditions, parsedFilters, parsedActions);
	}

	/**
	 * Whether any condition counts events (the evaluator then asks the event store).
	 */
	public boolean countsEvents() {
		return this.conditions.stream().anyMatch(RulePredicate.EventFrequency.class::isInstance)
				|| this.filters.stream().anyMatch(RulePredicate.EventFrequency.class::isInstance);
	}

	private static List<JsonNode> array(String text, String name) {
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new RuleException(name + " must be a JSON array");
		}
		if (!node.isArray()) {
			throw new RuleException(name + " must be a list");
		}
		List<JsonNode> items = new ArrayList<>();
		for (JsonNode item : node) {
			if (!item.isObject() || !item.path("id").isString()) {
				throw new RuleException(name + ": every entry needs an id");
			}
			items.add(item);
		}
		return items;
	}

	private static RulePredicate predicate(JsonNode node, boolean condition) {
		String id = node.path("id").asString();
		String name = shortName(id);
		return switch (name) {
			case "first_seen_event.FirstSeenEventCondition", "high_priority_issue.NewHighPriorityIssueCondition" ->
				trigger(condition, id, new RulePredicate.FirstSeen());
			case "regression_event.RegressionEventCondition" -> trigger(condition, id, new RulePredicate.Regression());
			case "reappeared_event.ReappearedEventCondition" -> trigger(condition, id, new RulePredicate.Reappeared());
			case "every_event.EveryEventCondition" -> trigger(condition, id, new RulePredicate.EveryEvent());
			case "event_frequency.EventFrequencyCondition" -> frequency(node, false);
			case "event_frequency.EventUniqueUserFrequencyCondition" -> frequency(node, true);
			case "event_frequency.EventFrequencyPercentCondition" -> throw new RuleException(
					"EventFrequencyPercentCondition (percent of sessions) is not supported yet: sessions are not stored");
			case "level.LevelFilter", "level.LevelCondition" -> level(node);
			case "tagged_event.TaggedEventFilter", "tagged_event.TaggedEventCondition" -> new RulePredicate.Tagged(
					required(node, "key"), Match.of(text(node, "match", "eq")), text(node, "value", ""));
			case "event_attribute.EventAttributeFilter", "event_attribute.EventAttributeCondition" -> attribute(node);
			case "age_comparison.AgeComparisonFilter" -> age(node);
			case "issue_occurrences.IssueOccurrencesFilter" -> new RulePredicate.Occurrences(number(node, "value"));
			case "assigned_to.AssignedToFilter" -> assignedTo(node);
			case "latest_release.LatestReleaseFilter" -> new RulePredicate.LatestRelease();
			case "issue_category.IssueCategoryFilter" -> category(node);
			default -> throw new RuleException("unknown " + (condition ? "condition" : "filter") + " " + id);
		};
	}

	private static RulePredicate trigger(boolean condition, String id, RulePredicate trigger) {
		if (!condition) {
			throw new RuleException(id + " is a condition, not a filter");
		}
		return trigger;
	}

	/** The id without Sentry's package prefix. */
	private static String shortName(String id) {
		for (String prefix : List.of(RulePredicate.PREFIX_CONDITIONS, RulePredicate.PREFIX_FILTERS)) {
			if (id.startsWith(prefix)) {
				return id.substring(prefix.length());
			}
		}
		return id;
	}

	private static RulePredicate frequency(JsonNode node, boolean uniqueUsers) {
		String interval = text(node, "interval", "1h");
		Duration window = INTERVALS.get(interval);
		if (window == null) {
			throw new RuleException("interval must be one of 1m, 5m, 15m, 1h, 1d, 1w, 30d: " + interval);
		}
		Duration comparison = null;
		if ("percent".equals(text(node, "comparisonType", "count"))) {
			String comparisonInterval = text(node, "comparisonInterval", "1d");
			comparison = INTERVALS.get(comparisonInterval);
			if (comparison == null) {
				throw new RuleException("comparisonInterval must be one of 5m, 15m, 1h, 1d, 1w, 30d");
			}
		}
		return new RulePredicate.EventFrequency(number(node, "value"), window, comparison, uniqueUsers);
	}

	private static RulePredicate level(JsonNode node) {
		String match = text(node, "match", "eq");
		if (!Set.of("eq", "gte", "lte").contains(match)) {
			throw new RuleException("level match must be eq, gte or lte");
		}
		String level = required(node, "level");
		int number;
		if (level.chars().allMatch(Character::isDigit) && !level.isEmpty() && level.length() < 4) {
			number = Integer.parseInt(level);
		}
		else if (RulePredicate.LEVELS.containsKey(level.toLowerCase(Locale.ROOT))) {
			number = RulePredicate.levelNumber(level);
		}
		else {
			throw new RuleException("level must be one of 50, 40, 30, 20, 10, 0");
		}
		return new RulePredicate.Level(match, number);
	}

	private static RulePredicate attribute(JsonNode node) {
		String attribute = required(node, "attribute");
		if (!ATTRIBUTES.contains(attribute)) {
			throw new RuleException("unknown event attribute " + attribute);
		}
		return new RulePredicate.Attribute(attribute, Match.of(text(node, "match", "eq")), text(node, "value", ""));
	}

	private static RulePredicate age(JsonNode node) {
		String comparison = required(node, "comparison_type");
		if (!comparison.equals("older") && !comparison.equals("newer")) {
			throw new RuleException("comparison_type must be older or newer");
		}
		Duration unit = AGE_UNITS.get(text(node, "time", "minute"));
		if (unit == null) {
			throw new RuleException("time must be minute, hour, day or week");
		}
		return new RulePredicate.Age(comparison.equals("older"), unit.multipliedBy(number(node, "value")));
	}

	private static RulePredicate assignedTo(JsonNode node) {
		String type = required(node, "targetType");
		return switch (type) {
			case "Unassigned" -> new RulePredicate.AssignedTo(type, null);
			case "Team", "Member" -> new RulePredicate.AssignedTo(type, number(node, "targetIdentifier"));
			default -> throw new RuleException("targetType must be Unassigned, Team or Member");
		};
	}

	private static RulePredicate category(JsonNode node) {
		long value = number(node, "value");
		if (value < 1 || value > 6) {
			throw new RuleException("issue category must be 1 to 6");
		}
		return new RulePredicate.Category((int) value);
	}

	private static RuleAction action(JsonNode node) {
		String id = node.path("id").asString();
		return switch (id) {
			case "sentry.rules.actions.notify_event.NotifyEventAction" -> new RuleAction.WebhooksPlugin();
			case "sentry.rules.actions.notify_event_service.NotifyEventServiceAction" -> {
				String service = required(node, "service");
				yield switch (service) {
					case "webhooks" -> new RuleAction.WebhooksPlugin();
					case "mail" -> new RuleAction.Email("IssueOwners", null, "ActiveMembers");
					default -> throw new RuleException("unknown service " + service + " (webhooks, mail)");
				};
			}
			case "sentry.mail.actions.NotifyEmailAction" -> email(node);
			case "sentry.integrations.slack.notify_action.SlackNotifyServiceAction" ->
				new RuleAction.Integration("slack", number(node, "workspace"), nullableText(node, "channel"), null);
			case "sentry.integrations.msteams.notify_action.MsTeamsNotifyServiceAction" ->
				new RuleAction.Integration("msteams", number(node, "team"), nullableText(node, "channel"), null);
			case "sentry.integrations.discord.notify_action.DiscordNotifyServiceAction" ->
				new RuleAction.Integration("discord", number(node, "server"), nullableText(node, "channel_id"), null);
			case "sentry.integrations.pagerduty.notify_action.PagerDutyNotifyServiceAction" ->
				new RuleAction.Integration("pagerduty", number(node, "account"), nullableText(node, "service"),
						text(node, "severity", "default"));
			case "sentry.integrations.opsgenie.notify_action.OpsgenieNotifyTeamAction" -> new RuleAction.Integration(
					"opsgenie", number(node, "account"), nullableText(node, "team"), text(node, "priority", "P3"));
			case "sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction" ->
				new RuleAction.Integration("webhook", number(node, "sentryAppInstallationUuid"), null, null);
			default -> throw new RuleException("unknown action " + id);
		};
	}

	private static RuleAction email(JsonNode node) {
		String type = required(node, "targetType");
		String fallthrough = text(node, "fallthroughType", "ActiveMembers");
		if (!Set.of("ActiveMembers", "AllMembers", "NoOne").contains(fallthrough)) {
			throw new RuleException("fallthroughType must be ActiveMembers, AllMembers or NoOne");
		}
		return switch (type) {
			case "IssueOwners" -> new RuleAction.Email(type, null, fallthrough);
			case "Team", "Member" -> new RuleAction.Email(type, number(node, "targetIdentifier"), fallthrough);
			default -> throw new RuleException("targetType must be IssueOwners, Team or Member");
		};
	}

	private static String required(JsonNode node, String field) {
		String value = nullableText(node, field);
		if (value == null || value.isBlank()) {
			throw new RuleException(node.path("id").asString() + ": " + field + " is required");
		}
		return value;
	}

	private static String text(JsonNode node, String field, String fallback) {
		String value = nullableText(node, field);
		return (value == null || value.isEmpty()) ? fallback : value;
	}

	private static @Nullable String nullableText(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isString()) {
			return value.asString();
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		return null;
	}

	private static long number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isIntegralNumber() && value.asLong() >= 0) {
			return value.asLong();
		}
		if (value.isString()) {
			String text = value.asString().strip();
			if (!text.isEmpty() && text.length() < 18 && text.chars().allMatch(Character::isDigit)) {
				return Long.parseLong(text);
			}
		}
		throw new RuleException(node.path("id").asString() + ": " + field + " must be a whole number");
	}

}
