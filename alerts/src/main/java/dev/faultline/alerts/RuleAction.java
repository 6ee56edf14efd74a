package dev.faultline.alerts;

import org.jspecify.annotations.Nullable;

/**
 * One action of an issue alert rule, by Sentry's id.
 */
public sealed interface RuleAction {

	/**
	 * The project's legacy WebHooks plugin ({@code NotifyEventServiceAction} webhooks, or
	 * {@code NotifyEventAction}: every legacy integration).
	 */
	record WebhooksPlugin() implements RuleAction {
	}

	/**
	 * Mail to the issue owners (falling through as {@code fallthroughType} says), a
	 * team's members or one member.
	 *
	 * @param targetType {@code IssueOwners}, {@code Team} or {@code Member}
	 * @param fallthroughType {@code ActiveMembers}, {@code AllMembers} or {@code NoOne}
	 */
	record Email(String targetType, @Nullable Long targetId, String fallthroughType) implements RuleAction {
	}

	/**
	 * A message through an integration of the organization.
	 *
	 * @param provider {@code slack}, {@code msteams}, {@code discord}, {@code pagerduty},
	 * {@code opsgenie} or {@code webhook} (an internal integration's webhook)
	 * @param channel the channel, service or team the action names, when it names one
	 * @param severity PagerDuty's severity ({@code default} follows the event's level)
	 */
	record Integration(String provider, long integrationId, @Nullable String channel,
			@Nullable String severity) implements RuleAction {
	}

}
