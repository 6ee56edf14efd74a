package dev.faultline.core.scrub;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sentry's (Relay's) {@code _meta} tree: it mirrors the event, and at the path of a
 * changed value an object under the key {@code ""} holds {@code rem}, the remarks
 * {@code [rule id, type]} ({@code s} substituted, {@code x} removed, {@code m} masked,
 * {@code p} pseudonymized). The UI reads it to say what was scrubbed and why.
 */
final class MetaRemarks {

	private MetaRemarks() {
	}

	/**
	 * Adds a remark at {@code path} (object keys and array indexes) of the event's
	 * {@code _meta}, creating what is missing.
	 */
	static void add(ObjectNode event, List<String> path, String ruleId, String type) {
		ObjectNode node = (event.get("_meta") instanceof ObjectNode meta) ? meta : event.putObject("_meta");
		for (String segment : path) {
			node = (node.get(segment) instanceof ObjectNode child) ? child : node.putObject(segment);
		}
		ObjectNode entry = (node.get("") instanceof ObjectNode existing) ? existing : node.putObject("");
		ArrayNode remarks = (entry.get("rem") instanceof ArrayNode existing) ? existing : entry.putArray("rem");
		remarks.addArray().add(ruleId).add(type);
	}

}
