package dev.faultline.api.event;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.api.event.Json.NODES;

/**
 * Builds the {@code entries} of Sentry's event JSON (its "interfaces") from a normalized
 * payload, in a fixed order: exception, message, breadcrumbs, request, threads. Wire
 * names ({@code abs_path}, {@code in_app}, …) become Sentry's API names ({@code absPath},
 * {@code inApp}, …). Missing parts are left out.
 */
final class EventEntries {

	private EventEntries() {
	}

	static ArrayNode of(JsonNode payload) {
		ArrayNode entries = NODES.arrayNode();
		JsonNode exception = Json.container(payload, "exception");
		if (exception != null && Json.values(exception).iterator().hasNext()) {
			entries.add(entry("exception", exception(exception)));
		}
		ObjectNode message = message(payload);
		if (message != null) {
			entries.add(entry("message", message));
		}
		JsonNode breadcrumbs = Json.container(payload, "breadcrumbs");
		if (breadcrumbs != null && Json.values(breadcrumbs).iterator().hasNext()) {
			entries.add(entry("breadcrumbs", breadcrumbs(breadcrumbs)));
		}
		JsonNode request = Json.container(payload, "request");
		if (request != null && request.isObject()) {
			entries.add(entry("request", request(request)));
		}
		JsonNode threads = Json.container(payload, "threads");
		if (threads != null && Json.values(threads).iterator().hasNext()) {
			entries.add(entry("threads", threads(threads)));
		}
		return entries;
	}

	private static ObjectNode entry(String type, ObjectNode data) {
		ObjectNode entry = NODES.objectNode();
		entry.put("type", type);
		entry.set("data", data);
		return entry;
	}

	/**
	 * Values stay in wire order, innermost cause first, as Sentry's API returns them.
	 */
	static ObjectNode exception(JsonNode exception) {
		ArrayNode values = NODES.arrayNode();
		boolean hasSystemFrames = false;
		for (JsonNode value : Json.values(exception)) {
			ObjectNode rendered = values.addObject();
			rendered.set("type", Json.orNull(value, "type"));
			rendered.set("value", Json.orNull(value, "value"));
			rendered.set("module", Json.orNull(value, "module"));
			rendered.set("mechanism", Json.orNull(value, "mechanism"));
			rendered.set("threadId", Json.orNull(value, "thread_id"));
			JsonNode stacktrace = Json.container(value, "stacktrace");
			if (stacktrace != null && stacktrace.isObject()) {
				ObjectNode renderedStacktrace = stacktrace(stacktrace);
				hasSystemFrames |= renderedStacktrace.path("hasSystemFrames").asBoolean(false);
				rendered.set("stacktrace", renderedStacktrace);
			}
			else {
				rendered.putNull("stacktrace");
			}
			rendered.putNull("rawStacktrace");
		}
		ObjectNode data = NODES.objectNode();
		data.set("values", values);
		data.put("hasSystemFrames", hasSystemFrames);
		data.putNull("excOmitted");
		return data;
	}

	/**
	 * Frames stay oldest call first. {@code hasSystemFrames} is true when some frame is
	 * in app, Sentry's meaning: only then can the UI tell app frames from system frames.
	 */
	static ObjectNode stacktrace(JsonNode stacktrace) {
		ArrayNode frames = NODES.arrayNode();
		boolean anyInApp = false;
		JsonNode wireFrames = stacktrace.get("frames");
		if (wireFrames != null && wireFrames.isArray()) {
			for (JsonNode frame : wireFrames.values()) {
				if (frame.isObject()) {
					ObjectNode rendered = frame(frame);
					anyInApp |= rendered.path("inApp").asBoolean(false);
					frames.add(rendered);
				}
			}
		}
		ObjectNode data = NODES.objectNode();
		data.set("frames", frames);
		data.set("framesOmitted", Json.orNull(stacktrace, "frames_omitted"));
		data.set("registers", Json.orNull(stacktrace, "registers"));
		data.put("hasSystemFrames", anyInApp);
		return data;
	}

	static ObjectNode frame(JsonNode frame) {
		ObjectNode rendered = NODES.objectNode();
		rendered.set("filename", Json.orNull(frame, "filename"));
		rendered.set("absPath", Json.orNull(frame, "abs_path"));
		rendered.set("module", Json.orNull(frame, "module"));
		rendered.set("package", Json.orNull(frame, "package"));
		rendered.set("platform", Json.orNull(frame, "platform"));
		rendered.set("instructionAddr", Json.orNull(frame, "instruction_addr"));
		rendered.set("symbolAddr", Json.orNull(frame, "symbol_addr"));
		rendered.set("function", Json.orNull(frame, "function"));
		rendered.set("rawFunction", Json.orNull(frame, "raw_function"));
		rendered.set("symbol", Json.orNull(frame, "symbol"));
		rendered.set("context", context(frame));
		rendered.set("lineNo", Json.integerOrNull(frame, "lineno"));
		rendered.set("colNo", Json.integerOrNull(frame, "colno"));
		rendered.put("inApp", frame.path("in_app").asBoolean(false));
		rendered.putNull("trust");
		rendered.putNull("errors");
		rendered.set("lock", Json.orNull(frame, "lock"));
		rendered.putNull("sourceLink");
		rendered.set("vars", Json.orNull(frame, "vars"));
		return rendered;
	}

	/**
	 * Sentry's {@code [[lineNo, line], …]}: pre-context, the line itself, post-context,
	 * numbered around {@code lineno}; empty without a line number.
	 */
	private static ArrayNode context(JsonNode frame) {
		ArrayNode context = NODES.arrayNode();
		JsonNode lineNo = frame.get("lineno");
		if (lineNo == null || !lineNo.isIntegralNumber()) {
			return context;
		}
		long line = lineNo.asLong();
		JsonNode pre = frame.get("pre_context");
		if (pre != null && pre.isArray()) {
			long number = line - pre.size();
			for (JsonNode text : pre.values()) {
				context.addArray().add(number++).add(text.asString(""));
			}
		}
		String contextLine = Json.text(frame, "context_line");
		if (contextLine != null) {
			context.addArray().add(line).add(contextLine);
		}
		JsonNode post = frame.get("post_context");
		if (post != null && post.isArray()) {
			long number = line + 1;
			for (JsonNode text : post.values()) {
				context.addArray().add(number++).add(text.asString(""));
			}
		}
		return context;
	}

	private static @Nullable ObjectNode message(JsonNode payload) {
		JsonNode logentry = Json.container(payload, "logentry");
		ObjectNode data = NODES.objectNode();
		if (logentry != null && logentry.isObject()) {
			String formatted = Json.text(logentry, "formatted");
			String template = Json.text(logentry, "message");
			data.put("formatted", (formatted != null) ? formatted : template);
			if (template != null) {
				data.put("message", template);
			}
			JsonNode params = logentry.get("params");
			if (params != null && !params.isNull()) {
				data.set("params", params);
			}
			return data;
		}
		String message = Json.text(payload, "message");
		if (message != null && !message.isEmpty()) {
			data.put("formatted", message);
			return data;
		}
		return null;
	}

	private static ObjectNode breadcrumbs(JsonNode breadcrumbs) {
		ArrayNode values = NODES.arrayNode();
		for (JsonNode crumb : Json.values(breadcrumbs)) {
			if (!crumb.isObject()) {
				continue;
			}
			ObjectNode rendered = values.addObject();
			String type = Json.text(crumb, "type");
			String level = Json.text(crumb, "level");
			rendered.put("type", (type != null) ? type : "default");
			rendered.set("category", Json.orNull(crumb, "category"));
			rendered.put("level", (level != null) ? level : "info");
			rendered.set("message", Json.orNull(crumb, "message"));
			rendered.set("timestamp", Json.orNull(crumb, "timestamp"));
			rendered.set("data", Json.orNull(crumb, "data"));
			rendered.putNull("event_id");
		}
		ObjectNode data = NODES.objectNode();
		data.set("values", values);
		return data;
	}

	private static ObjectNode request(JsonNode request) {
		ObjectNode data = NODES.objectNode();
		ArrayNode headers = pairs(request.get("headers"), null);
		data.putNull("apiTarget");
		data.set("method", Json.orNull(request, "method"));
		data.set("url", Json.orNull(request, "url"));
		data.set("query", pairs(request.has("query_string") ? request.get("query_string") : request.get("query"), "&"));
		data.set("fragment", Json.orNull(request, "fragment"));
		data.set("data", Json.orNull(request, "data"));
		data.set("headers", headers);
		data.set("cookies", pairs(request.get("cookies"), ";"));
		data.set("env", Json.orNull(request, "env"));
		data.set("inferredContentType", Json.textNode(contentType(headers)));
		return data;
	}

	private static @Nullable String contentType(ArrayNode headers) {
		for (JsonNode pair : headers.values()) {
			if (pair.path(0).asString("").equalsIgnoreCase("content-type")) {
				String value = pair.path(1).asString("");
				int semicolon = value.indexOf(';');
				return ((semicolon >= 0) ? value.substring(0, semicolon) : value).trim();
			}
		}
		return null;
	}

	/**
	 * Sentry's {@code [[key, value], …]} from any of the wire forms: a list of pairs, an
	 * object, or (with a separator) a raw string such as a query string or cookie header.
	 */
	static ArrayNode pairs(@Nullable JsonNode node, @Nullable String separator) {
		ArrayNode pairs = NODES.arrayNode();
		if (node == null || node.isNull()) {
			return pairs;
		}
		if (node.isArray()) {
			for (JsonNode pair : node.values()) {
				if (pair.isArray() && pair.size() == 2) {
					pairs.addArray()
						.add(pair.get(0).asString(""))
						.add(pair.get(1).isNull() ? NullNode.getInstance()
								: NODES.stringNode(pair.get(1).asString("")));
				}
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				JsonNode value = property.getValue();
				pairs.addArray()
					.add(property.getKey())
					.add(value.isValueNode() ? Json.textNode(value.isNull() ? null : value.asString())
							: NODES.stringNode(value.toString()));
			}
		}
		else if (node.isString() && separator != null) {
			String raw = node.stringValue();
			if (raw.startsWith("?")) {
				raw = raw.substring(1);
			}
			for (String part : raw.split(separator)) {
				String trimmed = part.trim();
				if (trimmed.isEmpty()) {
					continue;
				}
				int equals = trimmed.indexOf('=');
				String key = (equals >= 0) ? trimmed.substring(0, equals) : trimmed;
				String value = (equals >= 0) ? trimmed.substring(equals + 1) : "";
				if ("&".equals(separator)) {
					key = decode(key);
					value = decode(value);
				}
				pairs.addArray().add(key).add(value);
			}
		}
		return pairs;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A malformed escape is shown as sent.
			return value;
		}
	}

	private static ObjectNode threads(JsonNode threads) {
		ArrayNode values = NODES.arrayNode();
		for (JsonNode thread : Json.values(threads)) {
			if (!thread.isObject()) {
				continue;
			}
			ObjectNode rendered = values.addObject();
			rendered.set("id", Json.orNull(thread, "id"));
			rendered.set("name", Json.orNull(thread, "name"));
			rendered.put("crashed", thread.path("crashed").asBoolean(false));
			rendered.put("current", thread.path("current").asBoolean(false));
			rendered.set("main", Json.orNull(thread, "main"));
			rendered.set("state", Json.orNull(thread, "state"));
			rendered.set("heldLocks", Json.orNull(thread, "held_locks"));
			JsonNode stacktrace = Json.container(thread, "stacktrace");
			rendered.set("stacktrace",
					(stacktrace != null && stacktrace.isObject()) ? stacktrace(stacktrace) : NullNode.getInstance());
			rendered.putNull("rawStacktrace");
		}
		ObjectNode data = NODES.objectNode();
		data.set("values", values);
		return data;
	}

}
