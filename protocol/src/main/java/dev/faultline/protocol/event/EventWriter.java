package dev.faultline.protocol.event;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the records as a tree under their modern names: typed properties first, in a
 * fixed order, then {@code other} in its order. A key of {@code other} that a typed
 * property already wrote is skipped (the typed value wins). Verbatim values are put into
 * the tree as they are, not copied.
 */
final class EventWriter {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private EventWriter() {
	}

	static ObjectNode event(Event event) {
		ObjectNode node = NODES.objectNode();
		text(node, "event_id", event.eventId());
		timestamp(node, "timestamp", event.timestamp());
		timestamp(node, "received", event.received());
		text(node, "level", event.level());
		text(node, "platform", event.platform());
		text(node, "logger", event.logger());
		text(node, "transaction", event.transaction());
		text(node, "server_name", event.serverName());
		text(node, "release", event.release());
		text(node, "dist", event.dist());
		text(node, "environment", event.environment());
		text(node, "type", event.type());
		text(node, "title", event.title());
		text(node, "culprit", event.culprit());
		textMap(node, "metadata", event.metadata());
		set(node, "message", event.message(), EventWriter::logEntry);
		set(node, "logentry", event.logentry(), EventWriter::logEntry);
		set(node, "exception", event.exception(), (values) -> values(values, EventWriter::exception));
		set(node, "stacktrace", event.stacktrace(), EventWriter::stacktrace);
		set(node, "threads", event.threads(), (values) -> values(values, EventWriter::thread));
		set(node, "template", event.template(), EventWriter::template);
		set(node, "breadcrumbs", event.breadcrumbs(), (values) -> values(values, EventWriter::breadcrumb));
		set(node, "request", event.request(), EventWriter::request);
		set(node, "user", event.user(), EventWriter::user);
		set(node, "contexts", event.contexts(), EventWriter::contexts);
		set(node, "tags", event.tags(), EventWriter::pairs);
		object(node, "extra", event.extra());
		textMap(node, "modules", event.modules());
		set(node, "sdk", event.sdk(), EventWriter::sdk);
		textList(node, "fingerprint", event.fingerprint());
		set(node, "debug_meta", event.debugMeta(), EventWriter::debugMeta);
		object(node, "_meta", event.meta());
		return other(node, event.other());
	}

	static <T> JsonNode values(Values<T> values, Function<T, ObjectNode> writer) {
		if (values.shape() == Values.Shape.SINGLE && values.values().size() == 1 && values.other().isEmpty()) {
			return writer.apply(values.values().get(0));
		}
		ArrayNode array = NODES.arrayNode(values.values().size());
		values.values().forEach((value) -> array.add(writer.apply(value)));
		if (values.shape() == Values.Shape.ARRAY && values.other().isEmpty()) {
			return array;
		}
		ObjectNode node = NODES.objectNode();
		node.set("values", array);
		return other(node, values.other());
	}

	static JsonNode logEntry(LogEntry entry) {
		if (entry.plain()) {
			return NODES.stringNode(entry.formatted());
		}
		ObjectNode node = NODES.objectNode();
		text(node, "message", entry.message());
		text(node, "formatted", entry.formatted());
		if (entry.params() != null) {
			node.set("params", entry.params());
		}
		return other(node, entry.other());
	}

	static ObjectNode exception(SentryException exception) {
		ObjectNode node = NODES.objectNode();
		text(node, "type", exception.type());
		text(node, "value", exception.value());
		text(node, "module", exception.module());
		if (exception.threadId() != null) {
			node.set("thread_id", exception.threadId());
		}
		set(node, "mechanism", exception.mechanism(), EventWriter::mechanism);
		set(node, "stacktrace", exception.stacktrace(), EventWriter::stacktrace);
		return other(node, exception.other());
	}

	static ObjectNode mechanism(Mechanism mechanism) {
		ObjectNode node = NODES.objectNode();
		text(node, "type", mechanism.type());
		text(node, "description", mechanism.description());
		text(node, "help_link", mechanism.helpLink());
		bool(node, "handled", mechanism.handled());
		bool(node, "synthetic", mechanism.synthetic());
		object(node, "data", mechanism.data());
		return other(node, mechanism.other());
	}

	static ObjectNode stacktrace(Stacktrace stacktrace) {
		ObjectNode node = NODES.objectNode();
		if (stacktrace.frames() != null) {
			ArrayNode frames = node.putArray("frames");
			stacktrace.frames().forEach((frame) -> frames.add(frame(frame)));
		}
		return other(node, stacktrace.other());
	}

	static ObjectNode frame(Frame frame) {
		ObjectNode node = NODES.objectNode();
		text(node, "filename", frame.filename());
		text(node, "abs_path", frame.absPath());
		text(node, "module", frame.module());
		text(node, "package", frame.packageName());
		text(node, "function", frame.function());
		text(node, "raw_function", frame.rawFunction());
		text(node, "symbol", frame.symbol());
		text(node, "platform", frame.platform());
		integer(node, "lineno", frame.lineno());
		integer(node, "colno", frame.colno());
		text(node, "context_line", frame.contextLine());
		textList(node, "pre_context", frame.preContext());
		textList(node, "post_context", frame.postContext());
		bool(node, "in_app", frame.inApp());
		object(node, "vars", frame.vars());
		text(node, "instruction_addr", frame.instructionAddr());
		return other(node, frame.other());
	}

	static ObjectNode thread(SentryThread thread) {
		ObjectNode node = NODES.objectNode();
		if (thread.id() != null) {
			node.set("id", thread.id());
		}
		text(node, "name", thread.name());
		bool(node, "crashed", thread.crashed());
		bool(node, "current", thread.current());
		bool(node, "main", thread.main());
		text(node, "state", thread.state());
		set(node, "stacktrace", thread.stacktrace(), EventWriter::stacktrace);
		return other(node, thread.other());
	}

	static ObjectNode template(Template template) {
		ObjectNode node = NODES.objectNode();
		text(node, "filename", template.filename());
		text(node, "abs_path", template.absPath());
		integer(node, "lineno", template.lineno());
		text(node, "context_line", template.contextLine());
		textList(node, "pre_context", template.preContext());
		textList(node, "post_context", template.postContext());
		return other(node, template.other());
	}

	static ObjectNode breadcrumb(Breadcrumb crumb) {
		ObjectNode node = NODES.objectNode();
		timestamp(node, "timestamp", crumb.timestamp());
		text(node, "type", crumb.type());
		text(node, "category", crumb.category());
		text(node, "level", crumb.level());
		text(node, "message", crumb.message());
		object(node, "data", crumb.data());
		return other(node, crumb.other());
	}

	static ObjectNode request(Request request) {
		ObjectNode node = NODES.objectNode();
		text(node, "url", request.url());
		text(node, "method", request.method());
		if (request.queryString() != null) {
			node.set("query_string", request.queryString());
		}
		text(node, "fragment", request.fragment());
		if (request.data() != null) {
			node.set("data", request.data());
		}
		if (request.cookies() != null) {
			node.set("cookies", request.cookies());
		}
		set(node, "headers", request.headers(), EventWriter::pairs);
		object(node, "env", request.env());
		return other(node, request.other());
	}

	static ObjectNode user(User user) {
		ObjectNode node = NODES.objectNode();
		text(node, "id", user.id());
		text(node, "email", user.email());
		text(node, "ip_address", user.ipAddress());
		text(node, "username", user.username());
		text(node, "name", user.name());
		object(node, "geo", user.geo());
		object(node, "data", user.data());
		return other(node, user.other());
	}

	static ObjectNode contexts(Contexts contexts) {
		ObjectNode node = NODES.objectNode();
		set(node, "os", contexts.os(), (os) -> {
			ObjectNode context = NODES.objectNode();
			text(context, "name", os.name());
			text(context, "version", os.version());
			text(context, "build", os.build());
			text(context, "kernel_version", os.kernelVersion());
			bool(context, "rooted", os.rooted());
			text(context, "raw_description", os.rawDescription());
			text(context, "type", os.type());
			return other(context, os.other());
		});
		set(node, "runtime", contexts.runtime(), (runtime) -> {
			ObjectNode context = NODES.objectNode();
			text(context, "name", runtime.name());
			text(context, "version", runtime.version());
			text(context, "raw_description", runtime.rawDescription());
			text(context, "type", runtime.type());
			return other(context, runtime.other());
		});
		set(node, "browser", contexts.browser(), (browser) -> {
			ObjectNode context = NODES.objectNode();
			text(context, "name", browser.name());
			text(context, "version", browser.version());
			text(context, "type", browser.type());
			return other(context, browser.other());
		});
		set(node, "device", contexts.device(), (device) -> {
			ObjectNode context = NODES.objectNode();
			text(context, "name", device.name());
			text(context, "family", device.family());
			text(context, "model", device.model());
			text(context, "model_id", device.modelId());
			text(context, "arch", device.arch());
			text(context, "brand", device.brand());
			text(context, "manufacturer", device.manufacturer());
			bool(context, "simulator", device.simulator());
			text(context, "type", device.type());
			return other(context, device.other());
		});
		set(node, "app", contexts.app(), (app) -> {
			ObjectNode context = NODES.objectNode();
			text(context, "app_name", app.appName());
			text(context, "app_version", app.appVersion());
			text(context, "app_identifier", app.appIdentifier());
			text(context, "app_build", app.appBuild());
			text(context, "app_start_time", app.appStartTime());
			text(context, "type", app.type());
			return other(context, app.other());
		});
		set(node, "trace", contexts.trace(), (trace) -> {
			ObjectNode context = NODES.objectNode();
			text(context, "trace_id", trace.traceId());
			text(context, "span_id", trace.spanId());
			text(context, "parent_span_id", trace.parentSpanId());
			text(context, "op", trace.op());
			text(context, "status", trace.status());
			text(context, "type", trace.type());
			return other(context, trace.other());
		});
		return other(node, contexts.other());
	}

	static JsonNode pairs(Pairs pairs) {
		if (pairs.objectForm()) {
			ObjectNode node = NODES.objectNode();
			for (Pairs.Pair pair : pairs.pairs()) {
				node.set(pair.key(), (pair.value() != null) ? NODES.stringNode(pair.value()) : NODES.nullNode());
			}
			return node;
		}
		ArrayNode array = NODES.arrayNode(pairs.pairs().size());
		for (Pairs.Pair pair : pairs.pairs()) {
			ArrayNode element = array.addArray().add(pair.key());
			if (pair.value() != null) {
				element.add(pair.value());
			}
			else {
				element.addNull();
			}
		}
		return array;
	}

	static ObjectNode sdk(Sdk sdk) {
		ObjectNode node = NODES.objectNode();
		text(node, "name", sdk.name());
		text(node, "version", sdk.version());
		textList(node, "integrations", sdk.integrations());
		if (sdk.packages() != null) {
			node.set("packages", sdk.packages());
		}
		return other(node, sdk.other());
	}

	static ObjectNode debugMeta(DebugMeta meta) {
		ObjectNode node = NODES.objectNode();
		if (meta.images() != null) {
			ArrayNode images = node.putArray("images");
			meta.images().forEach(images::add);
		}
		if (meta.sdkInfo() != null) {
			node.set("sdk_info", meta.sdkInfo());
		}
		return other(node, meta.other());
	}

	private static <T> void set(ObjectNode node, String name, @Nullable T value, Function<T, JsonNode> writer) {
		if (value != null) {
			node.set(name, writer.apply(value));
		}
	}

	private static void text(ObjectNode node, String name, @Nullable String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

	private static void integer(ObjectNode node, String name, @Nullable Integer value) {
		if (value != null) {
			node.put(name, value.intValue());
		}
	}

	private static void bool(ObjectNode node, String name, @Nullable Boolean value) {
		if (value != null) {
			node.put(name, value.booleanValue());
		}
	}

	private static void timestamp(ObjectNode node, String name, @Nullable Timestamp value) {
		if (value != null) {
			node.set(name, value.raw());
		}
	}

	private static void textList(ObjectNode node, String name, @Nullable List<String> values) {
		if (values != null) {
			ArrayNode array = node.putArray(name);
			values.forEach(array::add);
		}
	}

	private static void textMap(ObjectNode node, String name, @Nullable Map<String, String> values) {
		if (values != null) {
			ObjectNode object = node.putObject(name);
			values.forEach(object::put);
		}
	}

	private static void object(ObjectNode node, String name, @Nullable Map<String, JsonNode> values) {
		if (values != null) {
			ObjectNode object = node.putObject(name);
			values.forEach(object::set);
		}
	}

	private static ObjectNode other(ObjectNode node, Map<String, JsonNode> other) {
		for (Map.Entry<String, JsonNode> entry : other.entrySet()) {
			if (!node.has(entry.getKey())) {
				node.set(entry.getKey(), entry.getValue());
			}
		}
		return node;
	}

}
