package dev.faultline.protocol.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an event tree into the records, one pass over the properties it models; values it
 * keeps verbatim ({@code other}, {@code extra}, …) are the tree's own nodes, not copies.
 * Legacy interface names are read as their modern fields; when both are present the
 * modern one wins and the legacy one stays in {@code other}.
 */
final class EventReader {

	/** Legacy names of interfaces the model keeps untyped: renamed, kept verbatim. */
	private static final Map<String, String> UNTYPED_ALIASES = Map.of("sentry.interfaces.Csp", "csp",
			"sentry.interfaces.Hpkp", "hpkp", "sentry.interfaces.ExpectCT", "expectct",
			"sentry.interfaces.ExpectStaple", "expectstaple");

	private EventReader() {
	}

	static Event event(ObjectNode node) {
		Fields fields = new Fields(node);
		Event.Builder event = Event.builder()
			.eventId(fields.text("event_id"))
			.timestamp(fields.timestamp("timestamp"))
			.received(fields.timestamp("received"))
			.level(fields.text("level"))
			.platform(fields.text("platform"))
			.logger(fields.text("logger"))
			.transaction(fields.text("transaction"))
			.serverName(fields.text("server_name"))
			.release(fields.text("release"))
			.dist(fields.text("dist"))
			.environment(fields.text("environment"))
			.type(fields.text("type"))
			.title(fields.text("title"))
			.culprit(fields.text("culprit"))
			.metadata(fields.textMap("metadata"))
			.message(fields.take(EventReader::logEntry, "message"))
			.logentry(fields.take(EventReader::logEntry, "logentry", "sentry.interfaces.Message"))
			.exception(fields.take(values(EventReader::exception), "exception", "sentry.interfaces.Exception"))
			.stacktrace(fields.take(EventReader::stacktrace, "stacktrace", "sentry.interfaces.Stacktrace"))
			.threads(fields.take(values(EventReader::thread), "threads"))
			.template(fields.take(EventReader::template, "template", "sentry.interfaces.Template"))
			.breadcrumbs(fields.take(values(EventReader::breadcrumb), "breadcrumbs", "sentry.interfaces.Breadcrumbs"))
			.request(fields.take(EventReader::request, "request", "sentry.interfaces.Http"))
			.user(fields.take(EventReader::user, "user", "sentry.interfaces.User"))
			.contexts(fields.take(EventReader::contexts, "contexts", "sentry.interfaces.Contexts"))
			.tags(fields.take(EventReader::pairs, "tags"))
			.extra(fields.object("extra"))
			.modules(fields.textMap("modules"))
			.sdk(fields.take(EventReader::sdk, "sdk"))
			.fingerprint(fields.textList("fingerprint"))
			.debugMeta(fields.take(EventReader::debugMeta, "debug_meta", "sentry.interfaces.DebugMeta",
					"sentry.interfaces.Debug"))
			.meta(fields.object("_meta"));
		for (Map.Entry<String, JsonNode> entry : fields.rest().entrySet()) {
			String modern = UNTYPED_ALIASES.get(entry.getKey());
			if (modern != null && !node.has(modern)) {
				event.putOther(modern, entry.getValue());
			}
			else {
				event.putOther(entry.getKey(), entry.getValue());
			}
		}
		return event.build();
	}

	/**
	 * A list interface in any of its shapes; null when the value is none of them.
	 */
	static <T> Function<JsonNode, @Nullable Values<T>> values(Function<ObjectNode, T> reader) {
		return (value) -> {
			if (value.isArray()) {
				List<T> elements = Fields.objectList(value, reader);
				return (elements != null) ? new Values<>(elements, Values.Shape.ARRAY, Map.of()) : null;
			}
			if (!(value instanceof ObjectNode object)) {
				return null;
			}
			JsonNode inner = object.get("values");
			if (inner == null) {
				return new Values<>(List.of(reader.apply(object)), Values.Shape.SINGLE, Map.of());
			}
			Fields fields = new Fields(object);
			List<T> elements = fields.objects(reader, "values");
			return (elements != null) ? new Values<>(elements, Values.Shape.OBJECT, fields.rest()) : null;
		};
	}

	static @Nullable LogEntry logEntry(JsonNode value) {
		if (value.isString()) {
			return new LogEntry(null, value.stringValue(), null, true, Map.of());
		}
		if (!(value instanceof ObjectNode object)) {
			return null;
		}
		Fields fields = new Fields(object);
		return new LogEntry(fields.text("message"), fields.text("formatted"), fields.any("params"), false,
				fields.rest());
	}

	static SentryException exception(ObjectNode node) {
		Fields fields = new Fields(node);
		return new SentryException(fields.text("type"), fields.text("value"), fields.text("module"),
				fields.scalar("thread_id"), fields.take(EventReader::mechanism, "mechanism"),
				fields.take(EventReader::stacktrace, "stacktrace", "sentry.interfaces.Stacktrace"), fields.rest());
	}

	static @Nullable Mechanism mechanism(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new Mechanism(fields.text("type"), fields.text("description"), fields.text("help_link"),
				fields.bool("handled"), fields.bool("synthetic"), fields.object("data"), fields.rest());
	}

	static @Nullable Stacktrace stacktrace(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new Stacktrace(fields.objects(EventReader::frame, "frames"), fields.rest());
	}

	static Frame frame(ObjectNode node) {
		Fields fields = new Fields(node);
		return new Frame(fields.text("filename"), fields.text("abs_path"), fields.text("module"),
				fields.text("package"), fields.text("function"), fields.text("raw_function"), fields.text("symbol"),
				fields.text("platform"), fields.integer("lineno"), fields.integer("colno"), fields.text("context_line"),
				fields.textList("pre_context"), fields.textList("post_context"), fields.bool("in_app"),
				fields.object("vars"), fields.text("instruction_addr"), fields.rest());
	}

	static SentryThread thread(ObjectNode node) {
		Fields fields = new Fields(node);
		return new SentryThread(fields.scalar("id"), fields.text("name"), fields.bool("crashed"),
				fields.bool("current"), fields.bool("main"), fields.text("state"),
				fields.take(EventReader::stacktrace, "stacktrace", "sentry.interfaces.Stacktrace"), fields.rest());
	}

	static @Nullable Template template(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new Template(fields.text("filename"), fields.text("abs_path"), fields.integer("lineno"),
				fields.text("context_line"), fields.textList("pre_context"), fields.textList("post_context"),
				fields.rest());
	}

	static Breadcrumb breadcrumb(ObjectNode node) {
		Fields fields = new Fields(node);
		return new Breadcrumb(fields.timestamp("timestamp"), fields.text("type"), fields.text("category"),
				fields.text("level"), fields.text("message"), fields.object("data"), fields.rest());
	}

	static @Nullable Request request(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new Request(fields.text("url"), fields.text("method"),
				fields.take(EventReader::notNull, "query_string", "query"), fields.text("fragment"), fields.any("data"),
				fields.any("cookies"), fields.take(EventReader::pairs, "headers"), fields.object("env"), fields.rest());
	}

	static @Nullable User user(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new User(fields.text("id"), fields.text("email"), fields.text("ip_address"), fields.text("username"),
				fields.text("name"), fields.object("geo"), fields.object("data"), fields.rest());
	}

	static @Nullable Contexts contexts(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new Contexts(fields.take(context(EventReader::os), "os"),
				fields.take(context(EventReader::runtime), "runtime"),
				fields.take(context(EventReader::browser), "browser"),
				fields.take(context(EventReader::device), "device"), fields.take(context(EventReader::app), "app"),
				fields.take(context(EventReader::trace), "trace"), fields.rest());
	}

	private static <T> Function<JsonNode, @Nullable T> context(Function<Fields, T> reader) {
		return (value) -> (value instanceof ObjectNode node) ? reader.apply(new Fields(node)) : null;
	}

	private static Contexts.Os os(Fields fields) {
		return new Contexts.Os(fields.text("name"), fields.text("version"), fields.text("build"),
				fields.text("kernel_version"), fields.bool("rooted"), fields.text("raw_description"),
				fields.text("type"), fields.rest());
	}

	private static Contexts.Runtime runtime(Fields fields) {
		return new Contexts.Runtime(fields.text("name"), fields.text("version"), fields.text("raw_description"),
				fields.text("type"), fields.rest());
	}

	private static Contexts.Browser browser(Fields fields) {
		return new Contexts.Browser(fields.text("name"), fields.text("version"), fields.text("type"), fields.rest());
	}

	private static Contexts.Device device(Fields fields) {
		return new Contexts.Device(fields.text("name"), fields.text("family"), fields.text("model"),
				fields.text("model_id"), fields.text("arch"), fields.text("brand"), fields.text("manufacturer"),
				fields.bool("simulator"), fields.text("type"), fields.rest());
	}

	private static Contexts.App app(Fields fields) {
		return new Contexts.App(fields.text("app_name"), fields.text("app_version"), fields.text("app_identifier"),
				fields.text("app_build"), fields.text("app_start_time"), fields.text("type"), fields.rest());
	}

	private static Contexts.Trace trace(Fields fields) {
		return new Contexts.Trace(fields.text("trace_id"), fields.text("span_id"), fields.text("parent_span_id"),
				fields.text("op"), fields.text("status"), fields.text("type"), fields.rest());
	}

	/**
	 * Tags or headers: an object of scalar values, or an array of {@code [key, value]}
	 * pairs; values that are containers and malformed pairs are dropped. Null for
	 * anything else.
	 */
	static @Nullable Pairs pairs(JsonNode value) {
		List<Pairs.Pair> pairs = new ArrayList<>();
		if (value.isObject()) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				JsonNode element = entry.getValue();
				String text = Fields.text(element);
				if (text != null || element.isNull()) {
					pairs.add(new Pairs.Pair(entry.getKey(), text));
				}
			}
			return new Pairs(pairs, true);
		}
		if (!value.isArray()) {
			return null;
		}
		for (JsonNode element : value) {
			if (element.isArray() && element.size() == 2) {
				String key = Fields.text(element.get(0));
				String text = Fields.text(element.get(1));
				if (key != null && (text != null || element.get(1).isNull())) {
					pairs.add(new Pairs.Pair(key, text));
				}
			}
		}
		return new Pairs(pairs, false);
	}

	static @Nullable Sdk sdk(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new Sdk(fields.text("name"), fields.text("version"), fields.textList("integrations"),
				fields.any("packages"), fields.rest());
	}

	static @Nullable DebugMeta debugMeta(JsonNode value) {
		if (!(value instanceof ObjectNode node)) {
			return null;
		}
		Fields fields = new Fields(node);
		return new DebugMeta(fields.take(EventReader::nodeList, "images"), fields.any("sdk_info"), fields.rest());
	}

	private static @Nullable List<JsonNode> nodeList(JsonNode value) {
		if (!value.isArray()) {
			return null;
		}
		List<JsonNode> result = new ArrayList<>(value.size());
		value.forEach(result::add);
		return result;
	}

	private static JsonNode notNull(JsonNode value) {
		return value;
	}

}
