package dev.faultline.processor.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.faultline.core.EventNodes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Stage 3a: reads the request's {@code User-Agent} header with uap-java (the uap-core
 * regexes Sentry also uses) into the {@code browser}, {@code os} and {@code device}
 * contexts, as Relay does. A context the SDK already sent is kept; an unknown agent
 * ({@code Other}) adds nothing. Thread-safe: the parser only reads its compiled patterns
 * and the cache of parsed agents is concurrent.
 */
final class UserAgentStage {

	private static final String OTHER = "Other";

	private static final int MAX_USER_AGENT = 512;

	/** Distinct agents remembered; the cache is emptied when it grows past this. */
	private static final int CACHE_SIZE = 4096;

	private final Parser parser = new Parser();

	// Matching one agent against the uap-core regexes takes about a millisecond, and
	// the same few agents come again and again.
	private final Map<String, Client> cache = new ConcurrentHashMap<>();

	/**
	 * Adds the contexts to the normalized event in place; returns how many were added.
	 */
	int enrich(ObjectNode event) {
		String userAgent = userAgent(event.path("request").path("headers"));
		if (userAgent == null) {
			return 0;
		}
		// Real agents are a few hundred characters; longer input only costs regex time.
		Client client = parse(
				(userAgent.length() > MAX_USER_AGENT) ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
		ObjectNode contexts = (event.get("contexts") instanceof ObjectNode existing) ? existing
				: event.putObject("contexts");
		int added = 0;
		if (client.userAgent != null && !OTHER.equals(client.userAgent.family) && !contexts.has("browser")) {
			ObjectNode browser = contexts.putObject("browser");
			browser.put("name", client.userAgent.family);
			putVersion(browser, client.userAgent.major, client.userAgent.minor, client.userAgent.patch, null);
			browser.put("type", "browser");
			added++;
		}
		// In a browser the agent's OS is the OS; for a server SDK it is the client's
		// ("client_os", as Relay names it), next to the server's "os".
		String osKey = ("javascript".equals(EventNodes.text(event, "platform")) && !contexts.has("os")) ? "os"
				: "client_os";
		if (client.os != null && !OTHER.equals(client.os.family) && !contexts.has(osKey)) {
			ObjectNode os = contexts.putObject(osKey);
			os.put("name", client.os.family);
			putVersion(os, client.os.major, client.os.minor, client.os.patch, client.os.patchMinor);
			os.put("type", "os");
			added++;
		}
		if (client.device != null && !OTHER.equals(client.device.family) && !contexts.has("device")) {
			ObjectNode device = contexts.putObject("device");
			device.put("family", client.device.family);
			device.put("model", client.device.family);
			device.put("type", "device");
			added++;
		}
		return added;
	}

	private Client parse(String userAgent) {
		Client cached = this.cache.get(userAgent);
		if (cached != null) {
			return cached;
		}
		Client client = this.parser.parse(userAgent);
		if (this.cache.size() >= CACHE_SIZE) {
			this.cache.clear();
		}
		this.cache.put(userAgent, client);
		return client;
	}

	private static void putVersion(ObjectNode context, @Nullable String major, @Nullable String minor,
			@Nullable String patch, @Nullable String patchMinor) {
		List<String> parts = new ArrayList<>();
		for (String part : new String[] { major, minor, patch, patchMinor }) {
			if (part == null || part.isEmpty()) {
				break;
			}
			parts.add(part);
		}
		if (!parts.isEmpty()) {
			context.put("version", String.join(".", parts));
		}
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
