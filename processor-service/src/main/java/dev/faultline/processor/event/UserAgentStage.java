package dev.faultline.processor.event;

import java.util.Locale;
import java.util.Map;

import dev.faultline.core.EventNodes;
import dev.faultline.core.useragent.ParsedUserAgent;
import dev.faultline.core.useragent.UserAgentParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 3a: reads the request's {@code User-Agent} header ({@link UserAgentParser}:
 * uap-core's rules, the ones Sentry uses, on the linear-time RE2/J engine) into the
 * {@code browser}, {@code os} and {@code device} contexts, as Relay does. A context the
 * SDK already sent is kept; an unknown agent adds nothing. Thread-safe.
 */
final class UserAgentStage {

	private final UserAgentParser parser = new UserAgentParser();

	/**
	 * Adds the contexts to the normalized event in place; returns how many were added.
	 */
	int enrich(ObjectNode event) {
		String userAgent = userAgent(event.path("request").path("headers"));
		if (userAgent == null) {
			return 0;
		}
		ParsedUserAgent parsed = this.parser.parse(userAgent);
		ObjectNode contexts = (event.get("contexts") instanceof ObjectNode existing) ? existing
				: event.putObject("contexts");
		int added = 0;
		if (parsed.browser() != null && !contexts.has("browser")) {
			putProduct(contexts.putObject("browser"), parsed.browser(), "browser");
			added++;
		}
		// In a browser the agent's OS is the OS; for a server SDK it is the client's
		// ("client_os", as Relay names it), next to the server's "os".
		String osKey = ("javascript".equals(EventNodes.text(event, "platform")) && !contexts.has("os")) ? "os"
				: "client_os";
		if (parsed.os() != null && !contexts.has(osKey)) {
			putProduct(contexts.putObject(osKey), parsed.os(), "os");
			added++;
		}
		if (parsed.device() != null && !contexts.has("device")) {
			ObjectNode device = contexts.putObject("device");
			device.put("family", parsed.device());
			device.put("model", parsed.device());
			device.put("type", "device");
			added++;
		}
		return added;
	}

	private static void putProduct(ObjectNode context, ParsedUserAgent.Product product, String type) {
		context.put("name", product.family());
		String version = product.version();
		if (version != null) {
			context.put("version", version);
		}
		context.put("type", type);
	}

	/**
	 * The {@code User-Agent} header of a request whose headers are an object or
	 * {@code [name, value]} pairs.
	 */
	static @Nullable String userAgent(JsonNode headers) {
		if (headers.isObject()) {
			for (Map.Entry<String, JsonNode> entry : headers.properties()) {
				if ("user-agent".equals(entry.getKey().toLowerCase(Locale.ROOT))) {
					return EventNodes.text(entry.getValue());
				}
			}
		}
		for (JsonNode pair : headers) {
			if (pair.isArray() && "user-agent".equalsIgnoreCase(EventNodes.text(pair.get(0)))) {
				return EventNodes.text(pair.get(1));
			}
		}
		return null;
	}

}
