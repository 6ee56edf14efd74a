package dev.faultline.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.faultline.storage.alert.Integration;
import dev.faultline.storage.alert.IntegrationStore;
import dev.faultline.storage.alert.NewNotification;
import dev.faultline.storage.alert.WebhookPluginStore;
import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.OrganizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the actions of a fired issue alert rule into outbox notifications, one per
 * destination, each with an idempotency key made of the rule, the issue, the event, the
 * action's position and the destination: evaluating the same firing again enqueues
 * nothing new.
 *
 * <p>
 * Mail goes to members: {@code Member} to that member, {@code Team} and the issue owners'
 * fall-through {@code AllMembers}/{@code ActiveMembers} to every member of the
 * organization (Faultline has neither ownership rules nor team membership yet, so the
 * owners are always "no owner" and fall through), {@code NoOne} to nobody. An action
 * whose integration is missing or of another provider plans nothing and is logged.
 * Thread-safe.
 */
public final class NotificationPlanner {

	private static final Logger logger = LoggerFactory.getLogger(NotificationPlanner.class);

	/** The channel of the legacy WebHooks plugin's posts. */
	public static final String WEBHOOK_PLUGIN = "webhook-plugin";

	/** The channel of mail. */
	public static final String EMAIL = "email";

	private final WebhookPluginStore plugins;

	private final IntegrationStore integrations;

	private final OrganizationStore organizations;

	public NotificationPlanner(WebhookPluginStore plugins, IntegrationStore integrations,
			OrganizationStore organizations) {
		this.plugins = plugins;
		this.integrations = integrations;
		this.organizations = organizations;
	}

	public List<NewNotification> plan(long ruleId, List<RuleAction> actions, IssueAlertContext context) {
		List<NewNotification> planned = new ArrayList<>();
		long organizationId = context.organization().id();
		long issueId = context.issue().id();
		String base = "issue-alert:" + ruleId + ":" + issueId + ":" + context.event().eventId() + ":";
		for (int index = 0; index < actions.size(); index++) {
			RuleAction action = actions.get(index);
			String key = base + index + ":";
			if (action instanceof RuleAction.WebhooksPlugin) {
				this.plugins.find(context.project().id())
					.filter(WebhookPluginStore.WebhookPlugin::enabled)
					.ifPresent((found) -> {
						String payload = NotificationPayloads.webhookPlugin(context);
						for (String url : new LinkedHashSet<>(found.urls())) {
							planned.add(new NewNotification(organizationId, key + digest(url), WEBHOOK_PLUGIN, null,
									ruleId, null, issueId, url, payload));
						}
					});
			}
			else if (action instanceof RuleAction.Email email) {
				String payload = NotificationPayloads.email(context);
				for (String address : recipients(organizationId, email)) {
					planned.add(new NewNotification(organizationId, key + digest(address), EMAIL, null, ruleId, null,
							issueId, address, payload));
				}
			}
			else if (action instanceof RuleAction.Integration integration) {
				Optional<Integration> found = this.integrations.find(organizationId, integration.integrationId())
					.filter((candidate) -> candidate.provider().equals(integration.provider()));
				if (found.isEmpty()) {
					logger.warn("Rule {} names {} integration {}, which organization {} does not have", ruleId,
							integration.provider(), integration.integrationId(), organizationId);
					continue;
				}
				String channel = integration.channel();
				String payload = switch (integration.provider()) {
					case "slack" -> NotificationPayloads.slack(context, channel);
					case "msteams" -> NotificationPayloads.msteams(context);
					case "discord" -> NotificationPayloads.discord(context);
					case "pagerduty" -> NotificationPayloads.pagerduty(context, integration.severity());
					case "opsgenie" -> NotificationPayloads.opsgenie(context, channel, integration.severity());
					default -> NotificationPayloads.eventAlert(context, Long.toString(found.get().id()));
				};
				planned.add(new NewNotification(organizationId, key + found.get().id(), integration.provider(),
						found.get().id(), ruleId, null, issueId, (channel == null) ? "" : channel, payload));
			}
		}
		return planned;
	}

	/**
	 * The notifications of a metric alert transition, from Sentry's trigger actions
	 * ({@code type} email with {@code targetType} user, team or specific (an address);
	 * slack, msteams, discord, pagerduty, opsgenie with {@code integrationId} and the
	 * channel or service as {@code targetIdentifier}; sentry_app with
	 * {@code sentryAppId}, an internal integration's webhook). Keys carry the rule, the
	 * incident and the evaluation time, so each transition notifies once.
	 */
	public List<NewNotification> planMetric(MetricAlertEvaluator.MetricAlertContext context,
			List<tools.jackson.databind.JsonNode> actions) {
		List<NewNotification> planned = new ArrayList<>();
		long organizationId = context.organization().id();
		long ruleId = context.rule().id();
		String base = "metric-alert:" + ruleId + ":" + context.incident().id() + ":" + context.label() + ":"
				+ context.at().toEpochMilli() + ":";
		for (int index = 0; index < actions.size(); index++) {
			tools.jackson.databind.JsonNode action = actions.get(index);
			String key = base + index + ":";
			String type = action.path("type").asString("");
			String target = action.path("targetIdentifier").asString("");
			if (type.equals("email")) {
				Set<String> addresses = new LinkedHashSet<>();
				String targetType = action.path("targetType").asString("user");
				List<Member> members = this.organizations.listMembers(organizationId);
				switch (targetType) {
					case "specific" -> {
						if (target.contains("@")) {
							addresses.add(target);
						}
					}
					case "team" -> members.forEach((member) -> addresses.add(member.user().email()));
					default -> members.stream()
						.filter((member) -> Long.toString(member.user().id()).equals(target))
						.forEach((member) -> addresses.add(member.user().email()));
				}
				String payload = MetricPayloads.email(context);
				for (String address : addresses) {
					planned.add(new NewNotification(organizationId, key + digest(address), EMAIL, null, null, ruleId,
							null, address, payload));
				}
				continue;
			}
			String provider = type.equals("sentry_app") ? "webhook" : type;
			String idText = type.equals("sentry_app") ? action.path("sentryAppId").asString("")
					: action.path("integrationId").asString("");
			Optional<Integration> found = Optional.empty();
			if (!idText.isEmpty() && idText.chars().allMatch(Character::isDigit) && idText.length() < 18) {
				found = this.integrations.find(organizationId, Long.parseLong(idText))
					.filter((candidate) -> candidate.provider().equals(provider));
			}
			if (found.isEmpty()) {
				logger.warn("Metric alert rule {} names {} integration {}, which organization {} does not have", ruleId,
						type, idText, organizationId);
				continue;
			}
			String payload = switch (provider) {
				case "slack" -> MetricPayloads.slack(context, target);
				case "msteams" -> MetricPayloads.msteams(context);
				case "discord" -> MetricPayloads.discord(context);
				case "pagerduty" -> MetricPayloads.pagerduty(context, action.path("priority").asString(""));
				case "opsgenie" -> MetricPayloads.opsgenie(context, target, action.path("priority").asString(""));
				default -> context.webhookPayload(Long.toString(found.get().id()));
			};
			planned.add(new NewNotification(organizationId, key + found.get().id(), provider, found.get().id(), null,
					ruleId, null, target, payload));
		}
		return planned;
	}

	private Set<String> recipients(long organizationId, RuleAction.Email email) {
		Set<String> addresses = new LinkedHashSet<>();
		List<Member> members = this.organizations.listMembers(organizationId);
		switch (email.targetType()) {
			case "Member" -> members.stream()
				.filter((member) -> email.targetId() != null && member.user().id() == email.targetId())
				.forEach((member) -> addresses.add(member.user().email()));
			case "Team" -> members.forEach((member) -> addresses.add(member.user().email()));
			default -> {
				if (!email.fallthroughType().equals("NoOne")) {
					members.forEach((member) -> addresses.add(member.user().email()));
				}
			}
		}
		return addresses;
	}

	static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
