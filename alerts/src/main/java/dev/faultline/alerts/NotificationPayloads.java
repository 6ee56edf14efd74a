package dev.faultline.alerts;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies each destination documents for an issue alert, built when the notification
 * is written to the outbox (so a retry sends the same bytes). Secrets (a PagerDuty
 * routing key, a Slack URL) are never part of a payload: the sender adds them from the
 * integration's sealed settings.
 */
public final class NotificationPayloads {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

	private NotificationPayloads() {
	}

	/**
	 * The legacy WebHooks plugin's body: {@code id} (the issue), project, level, culprit,
	 * message, {@code url}, {@code triggering_rules} and {@code event} (the event JSON
	 * with tags as pairs, {@code event_id} and {@code id}).
	 */
	public static String webhookPlugin(IssueAlertContext context) {
		ObjectNode body = object();
		body.put("id", Long.toString(context.issue().id()));
		body.put("project", context.project().slug());
		body.put("project_name", context.project().name());
		body.put("project_slug", context.project().slug());
		body.put("logger", text(eventJson(context).path("logger")));
		body.put("level", context.event().level());
		body.put("culprit", context.issue().culprit());
		body.put("message", message(context));
		body.put("url", context.issueUrl() + "?referrer=webhooks_plugin");
		body.putArray("triggering_rules").add(context.ruleName());
		body.set("event", event(context));
		return body.toString();
	}

	/**
	 * An internal integration's {@code event_alert} / {@code triggered} body:
	 * {@code {action, installation:{uuid}, data:{event, triggered_rule}, actor}}.
	 */
	public static String eventAlert(IssueAlertContext context, String installation) {
		ObjectNode body = object();
		body.put("action", "triggered");
		body.putObject("installation").put("uuid", installation);
		ObjectNode data = body.putObject("data");
		ObjectNode event = event(context);
		event.put("url", context.baseUrl() + "/api/0/projects/" + context.organization().slug() + "/"
				+ context.project().slug() + "/events/" + context.event().eventId() + "/");
		event.put("web_url", context.eventUrl());
		event.put("issue_url", context.baseUrl() + "/api/0/issues/" + context.issue().id() + "/");
		event.put("issue_id", Long.toString(context.issue().id()));
		data.set("event", event);
		data.put("triggered_rule", context.ruleName());
		actor(body);
		return body.toString();
	}

	/**
	 * A Slack incoming-webhook message in Block Kit: the title linked to the issue, the
	 * culprit, a context line (project, level, environment, release) and a button.
	 */
	public static String slack(IssueAlertContext context, @Nullable String channel) {
		ObjectNode body = object();
		if (channel != null && !channel.isBlank()) {
			body.put("channel", channel);
		}
		body.put("text", "[" + context.project().slug() + "] " + context.issue().title());
		ArrayNode blocks = body.putArray("blocks");
		ObjectNode title = blocks.addObject();
		title.put("type", "section");
		title.putObject("text")
			.put("type", "mrkdwn")
			.put("text", ":red_circle: *<" + context.issueUrl() + "|" + escapeSlack(context.issue().title()) + ">*");
		if (!context.issue().culprit().isEmpty()) {
			ObjectNode culprit = blocks.addObject();
			culprit.put("type", "section");
			culprit.putObject("text")
				.put("type", "mrkdwn")
				.put("text", "`" + escapeSlack(context.issue().culprit()) + "`");
		}
		ObjectNode facts = blocks.addObject();
		facts.put("type", "context");
		facts.putArray("elements")
			.addObject()
			.put("type", "mrkdwn")
			.put("text", escapeSlack(String.join(" | ", summary(context))));
		ObjectNode actions = blocks.addObject();
		actions.put("type", "actions");
		ObjectNode button = actions.putArray("elements").addObject();
		button.put("type", "button");
		button.putObject("text").put("type", "plain_text").put("text", "View Issue");
		button.put("url", context.issueUrl());
		return body.toString();
	}

	/**
	 * A Microsoft Teams incoming-webhook message carrying an Adaptive Card.
	 */
	public static String msteams(IssueAlertContext context) {
		ObjectNode body = object();
		body.put("type", "message");
		ObjectNode attachment = body.putArray("attachments").addObject();
		attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
		attachment.putNull("contentUrl");
		ObjectNode card = attachment.putObject("content");
		card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
		card.put("type", "AdaptiveCard");
		card.put("version", "1.4");
		ArrayNode cardBody = card.putArray("body");
		cardBody.addObject()
			.put("type", "TextBlock")
			.put("text", "[" + context.issue().title() + "](" + context.issueUrl() + ")")
			.put("size", "Large")
			.put("weight", "Bolder")
			.put("wrap", true);
		if (!context.issue().culprit().isEmpty()) {
			cardBody.addObject().put("type", "TextBlock").put("text", context.issue().culprit()).put("wrap", true);
		}
		ArrayNode facts = cardBody.addObject().put("type", "FactSet").putArray("facts");
		facts.addObject().put("title", "Project").put("value", context.project().slug());
		facts.addObject().put("title", "Level").put("value", context.event().level());
		if (context.event().environment() != null) {
			facts.addObject().put("title", "Environment").put("value", context.event().environment());
		}
		facts.addObject().put("title", "Alert").put("value", context.ruleName());
		card.putArray("actions")
			.addObject()
			.put("type", "Action.OpenUrl")
			.put("title", "View Issue")
			.put("url", context.issueUrl());
		return body.toString();
	}

	/**
	 * A Discord webhook message with one embed.
	 */
	public static String discord(IssueAlertContext context) {
		ObjectNode body = object();
		body.put("content", "");
		ObjectNode embed = body.putArray("embeds").addObject();
		embed.put("title", truncate(context.issue().title(), 256));
		embed.put("url", context.issueUrl());
		embed.put("description", truncate(context.issue().culprit(), 4096));
		embed.put("color", levelColor(context.event().level()));
		embed.put("timestamp", ISO.format(context.event().timestamp()));
		embed.putObject("footer").put("text", String.join(" | ", summary(context)));
		return body.toString();
	}

	/**
	 * A PagerDuty Events API v2 {@code trigger} without its {@code routing_key}, which
	 * the sender adds; the dedup key is the issue's, so every alert of one issue is one
	 * PagerDuty incident.
	 * @param severity {@code critical}, {@code error}, {@code warning}, {@code info} or
	 * {@code default} (from the event's level)
	 */
	public static String pagerduty(IssueAlertContext context, @Nullable String severity) {
		ObjectNode body = object();
		body.put("event_action", "trigger");
		body.put("dedup_key", "faultline-issue-" + context.issue().id());
		body.put("client", "Faultline");
		body.put("client_url", context.issueUrl());
		ObjectNode payload = body.putObject("payload");
		payload.put("summary", truncate("[" + context.shortId() + "] " + context.issue().title(), 1024));
		payload.put("source", context.project().slug());
		payload.put("severity", pagerdutySeverity(severity, context.event().level()));
		payload.put("timestamp", ISO.format(context.event().timestamp()));
		payload.put("component", context.project().slug());
		ObjectNode details = payload.putObject("custom_details");
		details.put("culprit", context.issue().culprit());
		details.put("rule", context.ruleName());
		details.put("event_id", context.event().eventId());
		details.put("environment", context.event().environment());
		details.put("release", context.event().release());
		body.putArray("links").addObject().put("href", context.issueUrl()).put("text", "View in Faultline");
		return body.toString();
	}

	/**
	 * An Opsgenie Alert API create-alert body.
	 * @param priority {@code P1} … {@code P5}
	 */
	public static String opsgenie(IssueAlertContext context, @Nullable String team, @Nullable String priority) {
		ObjectNode body = object();
		body.put("message", truncate("[" + context.project().slug() + "] " + context.issue().title(), 130));
		body.put("alias", "faultline-issue-" + context.issue().id());
		body.put("description", context.issue().culprit() + "\n" + context.issueUrl());
		body.put("source", "Faultline");
		body.put("priority", (priority == null) ? "P3" : priority);
		if (team != null && !team.isBlank()) {
			body.putArray("responders").addObject().put("name", team).put("type", "team");
		}
		ObjectNode details = body.putObject("details");
		details.put("project", context.project().slug());
		details.put("level", context.event().level());
		details.put("rule", context.ruleName());
		details.put("issue_url", context.issueUrl());
		return body.toString();
	}

	/**
	 * A mail as {@code {subject, text, html}}: the issue's title, culprit, a stack
	 * excerpt, the tags and a link.
	 */
	public static String email(IssueAlertContext context) {
		String subject = "[Faultline] " + context.shortId() + " - " + truncate(context.issue().title(), 180);
		List<String> stack = stackExcerpt(eventJson(context), 8);
		Map<String, String> tags = new TreeMap<>(context.event().tags());
		StringBuilder text = new StringBuilder();
		text.append(context.issue().title()).append('\n');
		if (!context.issue().culprit().isEmpty()) {
			text.append(context.issue().culprit()).append('\n');
		}
		text.append('\n').append("Project: ").append(context.project().slug()).append('\n');
		text.append("Alert rule: ").append(context.ruleName()).append('\n');
		text.append("Level: ").append(context.event().level()).append('\n');
		if (!stack.isEmpty()) {
			text.append("\nStack trace (most recent call first):\n");
			stack.forEach((frame) -> text.append("  ").append(frame).append('\n'));
		}
		if (!tags.isEmpty()) {
			text.append("\nTags:\n");
			tags.forEach((key, value) -> text.append("  ").append(key).append(" = ").append(value).append('\n'));
		}
		text.append("\nView the issue: ").append(context.issueUrl()).append('\n');

		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
		html.append("<h2><a href=\"").append(escapeHtml(context.issueUrl())).append("\">");
		html.append(escapeHtml(context.issue().title())).append("</a></h2>");
		if (!context.issue().culprit().isEmpty()) {
			html.append("<p><code>").append(escapeHtml(context.issue().culprit())).append("</code></p>");
		}
		html.append("<p>").append(escapeHtml(context.project().slug())).append(" &middot; ");
		html.append(escapeHtml(context.event().level())).append(" &middot; alert rule ");
		html.append(escapeHtml(context.ruleName())).append("</p>");
		if (!stack.isEmpty()) {
			html.append("<h3>Stack trace</h3><pre>");
			stack.forEach((frame) -> html.append(escapeHtml(frame)).append('\n'));
			html.append("</pre>");
		}
		if (!tags.isEmpty()) {
			html.append("<h3>Tags</h3><table>");
			tags.forEach((key, value) -> html.append("<tr><td>")
				.append(escapeHtml(key))
				.append("</td><td>")
				.append(escapeHtml(value))
				.append("</td></tr>"));
			html.append("</table>");
		}
		html.append("<p><a href=\"").append(escapeHtml(context.issueUrl())).append("\">View on Faultline</a></p>");
		html.append("</body></html>");
		return mail(subject, text.toString(), html.toString());
	}

	/**
	 * A mail body in the outbox's form.
	 */
	public static String mail(String subject, String text, String html) {
		ObjectNode body = object();
		body.put("subject", subject);
		body.put("text", text);
		body.put("html", html);
		return body.toString();
	}

	static void actor(ObjectNode body) {
		body.putObject("actor").put("type", "application").put("id", "sentry").put("name", "Sentry");
	}

	static ObjectNode object() {
		return IssueRuleDefinition.JSON.createObjectNode();
	}

	private static JsonNode eventJson(IssueAlertContext context) {
		return new EventAttributes(context.event()).payload();
	}

	/**
	 * The event JSON with Sentry's additions: tags as pairs, {@code event_id},
	 * {@code id}.
	 */
	private static ObjectNode event(IssueAlertContext context) {
		JsonNode json = eventJson(context);
		ObjectNode event = json.isObject() ? ((ObjectNode) json).deepCopy() : object();
		ArrayNode tags = event.putArray("tags");
		new TreeMap<>(context.event().tags()).forEach((key, value) -> tags.addArray().add(key).add(value));
		event.put("event_id", context.event().eventId());
		event.put("id", context.event().eventId());
		event.put("issue_id", Long.toString(context.issue().id()));
		return event;
	}

	private static String message(IssueAlertContext context) {
		String message = context.event().message();
		return message.isEmpty() ? context.issue().title() : message;
	}

	private static List<String> summary(IssueAlertContext context) {
		List<String> parts = new ArrayList<>();
		parts.add(context.shortId());
		parts.add(context.event().level());
		if (context.event().environment() != null) {
			parts.add(context.event().environment());
		}
		if (context.event().release() != null) {
			parts.add(context.event().release());
		}
		return parts;
	}

	/**
	 * Up to {@code limit} frames, innermost first, as
	 * {@code module.function (file:line)}.
	 */
	static List<String> stackExcerpt(JsonNode event, int limit) {
		List<String> frames = new ArrayList<>();
		JsonNode exceptions = event.path("exception").path("values");
		for (int e = exceptions.size() - 1; e >= 0 && frames.size() < limit; e--) {
			JsonNode exception = exceptions.get(e);
			if (frames.isEmpty()) {
				frames.add(text(exception.path("type")) + ": " + text(exception.path("value")));
			}
			JsonNode list = exception.path("stacktrace").path("frames");
			for (int f = list.size() - 1; f >= 0 && frames.size() < limit; f--) {
				JsonNode frame = list.get(f);
				String where = text(frame.path("module"));
				String function = text(frame.path("function"));
				String file = text(frame.path("filename"));
				String line = text(frame.path("lineno"));
				frames.add("at " + (where.isEmpty() ? "" : where + ".") + function
						+ (file.isEmpty() ? "" : " (" + file + (line.isEmpty() ? "" : ":" + line) + ")"));
			}
		}
		return frames;
	}

	private static String text(JsonNode node) {
		return (node.isString() || node.isNumber()) ? node.asString() : "";
	}

	static String pagerdutySeverity(@Nullable String severity, String level) {
		if (severity != null && List.of("critical", "error", "warning", "info").contains(severity)) {
			return severity;
		}
		return switch (level.toLowerCase(Locale.ROOT)) {
			case "fatal" -> "critical";
			case "error" -> "error";
			case "warning" -> "warning";
			default -> "info";
		};
	}

	private static int levelColor(String level) {
		return switch (level.toLowerCase(Locale.ROOT)) {
			case "fatal" -> 0xD1002E;
			case "error" -> 0xE03E2F;
			case "warning" -> 0xF5B000;
			default -> 0x2788CE;
		};
	}

	static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static String escapeSlack(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static String escapeHtml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
