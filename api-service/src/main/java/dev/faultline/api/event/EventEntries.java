package dev.faultline.api.event;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.faultline.protocol.event.Breadcrumb;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.protocol.event.Frame;
import dev.faultline.protocol.event.LogEntry;
import dev.faultline.protocol.event.Pairs;
import dev.faultline.protocol.event.Request;
import dev.faultline.protocol.event.SentryException;
import dev.faultline.protocol.event.SentryThread;
import dev.faultline.protocol.event.Stacktrace;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.api.event.Json.NODES;

/**
 * Builds the {@code entries} of Sentry's event JSON (its "interfaces") from a normalized
 * payload read through the typed event model, in a fixed order: exception, message,
 * breadcrumbs, request, threads. Wire names ({@code abs_path}, {@code in_app}, …) become
 * Sentry's API names ({@code absPath}, {@code inApp}, …). Missing parts are left out.
 * Payloads stored with legacy interface names ({@code sentry.interfaces.Exception}, …)
 * render like modern ones.
 */
final class EventEntries {

	private EventEntries() {
	}

	static ArrayNode of(Event payload) {
		ArrayNode entries = NODES.arrayNode();
		if (!payload.exceptions().isEmpty()) {
			entries.add(entry("exception", exception(payload.exceptions())));
		}
		ObjectNode message = message(payload);
		if (message != null) {
			entries.add(entry("message", message));
		}
		if (!payload.breadcrumbList().isEmpty()) {
			entries.add(entry("breadcrumbs", breadcrumbs(payload.breadcrumbList())));
		}
		if (payload.request() != null) {
			entries.add(entry("request", request(payload.request())));
		}
		if (!payload.threadList().isEmpty()) {
			entries.add(entry("threads", threads(payload.threadList())));
		}
		// A performance issue occurrence carries the spans that are its evidence;
		// Sentry's
		// "spans" entry holds a list, not an object.
		JsonNode spans = payload.other().get("spans");
		if (spans != null && spans.isArray() && !spans.isEmpty()) {
			ObjectNode entry = NODES.objectNode();
			entry.put("type", "spans");
			entry.set("data", spans);
			entries.add(entry);
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
	static ObjectNode exception(List<SentryException> exceptions) {
		ArrayNode values = NODES.arrayNode();
		boolean hasSystemFrames = false;
		for (SentryException value : exceptions) {
			ObjectNode rendered = values.addObject();
			rendered.set("type", Json.textNode(value.type()));
			rendered.set("value", Json.textNode(value.value()));
			rendered.set("module", Json.textNode(value.module()));
			rendered.set("mechanism",
					(value.mechanism() != null) ? EventCodec.toTree(value.mechanism()) : NullNode.getInstance());
			rendered.set("threadId", Json.orNull(value.threadId()));
			if (value.stacktrace() != null) {
				ObjectNode renderedStacktrace = stacktrace(value.stacktrace());
				hasSystemFrames |= renderedStacktrace.path("hasSystemFrames").asBoolean(false);
				rendered.set("stacktrace", renderedStacktrace);
			}
			else {
				rendered.putNull("stacktrace");
			}
			rendered.set("rawStacktrace", rawStacktrace(value.other()));
		}
		ObjectNode data = NODES.objectNode();
		data.set("values", values);
		data.put("hasSystemFrames", hasSystemFrames);
		data.putNull("excOmitted");
		return data;
	}

	/**
	 * The frames as sent ({@code raw_stacktrace}), where symbolication (ProGuard
	 * retracing, source maps) changed them; null otherwise.
	 */
	private static JsonNode rawStacktrace(Map<String, JsonNode> other) {
		JsonNode raw = other.get("raw_stacktrace");
		Stacktrace stacktrace = (raw != null) ? EventCodec.decodeStacktrace(raw) : null;
		return (stacktrace != null) ? stacktrace(stacktrace) : NullNode.getInstance();
	}

	/**
	 * Frames stay oldest call first. {@code hasSystemFrames} is true when some frame is
	 * in app, Sentry's meaning: only then can the UI tell app frames from system frames.
	 */
	static ObjectNode stacktrace(Stacktrace stacktrace) {
		ArrayNode frames = NODES.arrayNode();
		boolean anyInApp = false;
		for (Frame frame : stacktrace.frameList()) {
			anyInApp |= frame.isInApp();
			frames.add(frame(frame));
		}
		ObjectNode data = NODES.objectNode();
		data.set("frames", frames);
		data.set("framesOmitted", Json.orNull(stacktrace.other().get("frames_omitted")));
		data.set("registers", Json.orNull(stacktrace.other().get("registers")));
		data.put("hasSystemFrames", anyInApp);
		return data;
	}

	static ObjectNode frame(Frame frame) {
		ObjectNode rendered = NODES.objectNode();
		rendered.set("filename", Json.textNode(frame.filename()));
		rendered.set("absPath", Json.textNode(frame.absPath()));
		rendered.set("module", Json.textNode(frame.module()));
		rendered.set("package", Json.textNode(frame.packageName()));
		rendered.set("platform", Json.textNode(frame.platform()));
		rendered.set("instructionAddr", Json.textNode(frame.instructionAddr()));
		rendered.set("symbolAddr", Json.orNull(frame.other().get("symbol_addr")));
		rendered.set("function", Json.textNode(frame.function()));
		rendered.set("rawFunction", Json.textNode(frame.rawFunction()));
		rendered.set("symbol", Json.textNode(frame.symbol()));
		rendered.set("context", context(frame));
		rendered.set("lineNo", (frame.lineno() != null) ? NODES.numberNode(frame.lineno()) : NullNode.getInstance());
		rendered.set("colNo", (frame.colno() != null) ? NODES.numberNode(frame.colno()) : NullNode.getInstance());
		rendered.put("inApp", frame.isInApp());
		rendered.putNull("trust");
		rendered.putNull("errors");
		rendered.set("lock", Json.orNull(frame.other().get("lock")));
		rendered.putNull("sourceLink");
		rendered.set("vars",
				(frame.vars() != null) ? Json.object(frame.vars()) : Json.orNull(frame.other().get("vars")));
		return rendered;
	}

	/**
	 * Sentry's {@code [[lineNo, line], …]}: pre-context, the line itself, post-context,
	 * numbered around {@code lineno}; empty without a line number.
	 */
	private static ArrayNode context(Frame frame) {
		ArrayNode context = NODES.arrayNode();
		if (frame.lineno() == null) {
			return context;
		}
		long line = frame.lineno();
		if (frame.preContext() != null) {
			long number = line - frame.preContext().size();
			for (String text : frame.preContext()) {
				context.addArray().add(number++).add(text);
			}
		}
		if (frame.contextLine() != null) {
			context.addArray().add(line).add(frame.contextLine());
		}
		if (frame.postContext() != null) {
			long number = line + 1;
			for (String text : frame.postContext()) {
				context.addArray().add(number++).add(text);
			}
		}
		return context;
	}

	private static @Nullable ObjectNode message(Event payload) {
		LogEntry logentry = payload.logentry();
		ObjectNode data = NODES.objectNode();
		if (logentry != null && !logentry.plain()) {
			String formatted = logentry.formatted();
			String template = logentry.message();
			data.put("formatted", (formatted != null) ? formatted : template);
			if (template != null) {
				data.put("message", template);
			}
			if (logentry.params() != null) {
				data.set("params", logentry.params());
			}
			return data;
		}
		LogEntry message = payload.message();
		String text = (message != null && message.plain()) ? message.formatted() : null;
		if (text != null && !text.isEmpty()) {
			data.put("formatted", text);
			return data;
		}
		return null;
	}

	private static ObjectNode breadcrumbs(List<Breadcrumb> crumbs) {
		ArrayNode values = NODES.arrayNode();
		for (Breadcrumb crumb : crumbs) {
			ObjectNode rendered = values.addObject();
			rendered.put("type", (crumb.type() != null) ? crumb.type() : "default");
			rendered.set("category", Json.textNode(crumb.category()));
			rendered.put("level", (crumb.level() != null) ? crumb.level() : "info");
			rendered.set("message", Json.textNode(crumb.message()));
			rendered.set("timestamp", (crumb.timestamp() != null) ? crumb.timestamp().raw() : NullNode.getInstance());
			rendered.set("data", (crumb.data() != null) ? Json.object(crumb.data()) : NullNode.getInstance());
			rendered.putNull("event_id");
		}
		ObjectNode data = NODES.objectNode();
		data.set("values", values);
		return data;
	}

	private static ObjectNode request(Request request) {
		ObjectNode data = NODES.objectNode();
		ArrayNode headers = (request.headers() != null) ? pairs(request.headers()) : NODES.arrayNode();
		data.putNull("apiTarget");
		data.set("method", Json.textNode(request.method()));
		data.set("url", Json.textNode(request.url()));
		data.set("query", pairs(request.queryString(), "&"));
		data.set("fragment", Json.textNode(request.fragment()));
		data.set("data", Json.orNull(request.data()));
		data.set("headers", headers);
		data.set("cookies", pairs(request.cookies(), ";"));
		data.set("env", (request.env() != null) ? Json.object(request.env()) : NullNode.getInstance());
		data.set("inferredContentType", Json.textNode(contentType(request)));
		return data;
	}

	private static @Nullable String contentType(Request request) {
		String value = request.header("content-type");
		if (value == null) {
			return null;
		}
		int semicolon = value.indexOf(';');
		return ((semicolon >= 0) ? value.substring(0, semicolon) : value).trim();
	}

	/**
	 * Sentry's {@code [[key, value], …]} of typed pairs (tags, headers); a missing value
	 * stays null.
	 */
	static ArrayNode pairs(Pairs typed) {
		ArrayNode pairs = NODES.arrayNode();
		for (Pairs.Pair pair : typed.pairs()) {
			pairs.addArray().add(pair.key()).add(Json.textNode(pair.value()));
		}
		return pairs;
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

	private static ObjectNode threads(List<SentryThread> threads) {
		ArrayNode values = NODES.arrayNode();
		for (SentryThread thread : threads) {
			ObjectNode rendered = values.addObject();
			rendered.set("id", Json.orNull(thread.id()));
			rendered.set("name", Json.textNode(thread.name()));
			rendered.put("crashed", thread.isCrashed());
			rendered.put("current", Boolean.TRUE.equals(thread.current()));
			rendered.set("main", (thread.main() != null) ? NODES.booleanNode(thread.main()) : NullNode.getInstance());
			rendered.set("state", Json.textNode(thread.state()));
			rendered.set("heldLocks", Json.orNull(thread.other().get("held_locks")));
			rendered.set("stacktrace",
					(thread.stacktrace() != null) ? stacktrace(thread.stacktrace()) : NullNode.getInstance());
			rendered.set("rawStacktrace", rawStacktrace(thread.other()));
		}
		ObjectNode data = NODES.objectNode();
		data.set("values", values);
		return data;
	}

}
