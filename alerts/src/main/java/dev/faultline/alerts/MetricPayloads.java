package dev.faultline.alerts;

import java.time.format.DateTimeFormatter;

import dev.faultline.alerts.MetricAlertEvaluator.MetricAlertContext;
import dev.faultline.storage.alert.Incident;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies of metric alert notifications per destination: the rule's name and state,
 * the value against the window and a link to the incident. PagerDuty gets {@code trigger}
 * while the incident is open and {@code resolve} when it closes, under one dedup key per
 * incident.
 */
final class MetricPayloads {

	private MetricPayloads() {
	}

	static String slack(MetricAlertContext context, String channel) {
		ObjectNode body = NotificationPayloads.object();
		if (!channel.isBlank()) {
			body.put("channel", channel);
		}
		body.put("text", context.title());
		ArrayNode blocks = body.putArray("blocks");
		blocks.addObject()
			.put("type", "section")
			.putObject("text")
			.put("type", "mrkdwn")
			.put("text", emoji(context) + " *<" + context.incidentUrl() + "|" + context.title() + ">*");
		blocks.addObject()
			.put("type", "section")
			.putObject("text")
			.put("type", "mrkdwn")
			.put("text", context.description());
		ObjectNode actions = blocks.addObject();
		actions.put("type", "actions");
		ObjectNode button = actions.putArray("elements").addObject();
		button.put("type", "button");
		button.putObject("text").put("type", "plain_text").put("text", "View Incident");
		button.put("url", context.incidentUrl());
		return body.toString();
	}

	static String msteams(MetricAlertContext context) {
		ObjectNode body = NotificationPayloads.object();
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
			.put("text", context.title())
			.put("size", "Large")
			.put("weight", "Bolder")
			.put("wrap", true);
		cardBody.addObject().put("type", "TextBlock").put("text", context.description()).put("wrap", true);
		card.putArray("actions")
			.addObject()
			.put("type", "Action.OpenUrl")
			.put("title", "View Incident")
			.put("url", context.incidentUrl());
		return body.toString();
	}

	static String discord(MetricAlertContext context) {
		ObjectNode body = NotificationPayloads.object();
		body.put("content", "");
		ObjectNode embed = body.putArray("embeds").addObject();
		embed.put("title", context.title());
		embed.put("url", context.incidentUrl());
		embed.put("description", context.description());
		embed.put("color", context.label().equals("resolved") ? 0x2BA185
				: context.label().equals("warning") ? 0xF5B000 : 0xE03E2F);
		embed.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(context.at()));
		return body.toString();
	}

	static String pagerduty(MetricAlertContext context, String priority) {
		ObjectNode body = NotificationPayloads.object();
		boolean resolved = context.incident().status() == Incident.CLOSED;
		body.put("event_action", resolved ? "resolve" : "trigger");
		body.put("dedup_key", "faultline-metric-" + context.rule().id() + "-" + context.incident().identifier());
		body.put("client", "Faultline");
		body.put("client_url", context.incidentUrl());
		ObjectNode payload = body.putObject("payload");
		payload.put("summary", NotificationPayloads.truncate(context.title() + " — " + context.description(), 1024));
		payload.put("source", context.organization().slug());
		payload.put("severity", context.label().equals("warning") ? "warning"
				: priority.isBlank() ? "critical" : NotificationPayloads.pagerdutySeverity(priority, "fatal"));
		payload.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(context.at()));
		body.putArray("links").addObject().put("href", context.incidentUrl()).put("text", "View incident");
		return body.toString();
	}

	static String opsgenie(MetricAlertContext context, String team, String priority) {
		ObjectNode body = NotificationPayloads.object();
		body.put("message", NotificationPayloads.truncate(context.title(), 130));
		body.put("alias", "faultline-metric-" + context.rule().id() + "-" + context.incident().identifier());
		body.put("description", context.description() + "\n" + context.incidentUrl());
		body.put("source", "Faultline");
		body.put("priority", priority.isBlank() ? "P3" : priority);
		if (!team.isBlank()) {
			body.putArray("responders").addObject().put("name", team).put("type", "team");
		}
		return body.toString();
	}

	static String email(MetricAlertContext context) {
		String subject = "[Faultline] " + context.title();
		String text = context.title() + "\n\n" + context.description() + "\n\nIncident #"
				+ context.incident().identifier() + ": " + context.incidentUrl() + "\n";
		String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h2><a href=\""
				+ NotificationPayloads.escapeHtml(context.incidentUrl()) + "\">"
				+ NotificationPayloads.escapeHtml(context.title()) + "</a></h2><p>"
				+ NotificationPayloads.escapeHtml(context.description()) + "</p></body></html>";
		return NotificationPayloads.mail(subject, text, html);
	}

	private static String emoji(MetricAlertContext context) {
		return switch (context.label()) {
			case "resolved" -> ":white_check_mark:";
			case "warning" -> ":warning:";
			default -> ":red_circle:";
		};
	}

}
