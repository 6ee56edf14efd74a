package dev.faultline.sdk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes error and message events in the official Java SDK's shape: exception values
 * innermost cause first with chained {@code mechanism} ids, frames oldest call first with
 * {@code module}, {@code function}, {@code filename}, {@code lineno}, {@code in_app}.
 * Thread-safe (stateless after construction).
 */
final class EventSerializer {

	/** Frames of these packages are not in-app when no {@code inAppIncludes} are set. */
	private static final List<String> RUNTIME_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
			"jakarta.", "kotlin.", "scala.", "org.junit.", "org.apache.", "org.springframework.", "dev.faultline.sdk.");

	/** Builders above this size are not kept, so one huge event does not pin memory. */
	private static final int MAX_RETAINED_CHARS = 64 * 1024;

	/**
	 * One reusable builder per thread (in practice: the sender thread), which keeps the
	 * sender's allocation per event to the output bytes and the frames.
	 */
	private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(8192));

	private final FaultlineOptions options;

	private final ClientIdentity identity;

	EventSerializer(FaultlineOptions options, ClientIdentity identity) {
		this.options = options;
		this.identity = identity;
	}

	byte[] serialize(Event event) {
		StringBuilder out = BUFFER.get();
		out.setLength(0);
		JsonWriter json = new JsonWriter(out);
		json.beginObject()
			.field("event_id", event.eventId())
			.field("timestamp", Timestamps.iso(event.timestamp()))
			.field("platform", "java")
			.field("level", (event.level() != null) ? event.level().wireName() : Level.ERROR.wireName())
			.field("logger", event.logger())
			.field("transaction", event.transaction());
		this.identity.writeCommonFields(json);
		if (event.message() != null) {
			json.name("message")
				.beginObject()
				.field("formatted", event.message())
				.field("message", event.messageTemplate())
				.field("params", event.messageParams())
				.endObject();
		}
		if (event.throwable() != null) {
			writeException(json, event);
		}
		if (!event.tags().isEmpty()) {
			json.name("tags").value(event.tags());
		}
		User user = event.user();
		if (user != null) {
			if (!this.options.isSendDefaultPii() && user.ipAddress() != null) {
				user = new User(user.id(), user.username(), user.email(), null);
			}
			json.name("user").value(user);
		}
		Map<String, Object> contexts = new LinkedHashMap<>(event.contexts());
		contexts.putIfAbsent("runtime", this.identity.runtime());
		json.name("contexts").value(contexts);
		if (!event.extra().isEmpty()) {
			json.name("extra").value(event.extra());
		}
		if (!event.breadcrumbs().isEmpty()) {
			json.name("breadcrumbs").value(event.breadcrumbs());
		}
		json.field("fingerprint", event.fingerprint());
		json.name("sdk").value(this.identity.sdk());
		json.endObject();
		byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
		if (out.capacity() > MAX_RETAINED_CHARS) {
			BUFFER.remove();
		}
		return bytes;
	}

	private void writeException(JsonWriter json, Event event) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = event.throwable(); t != null && seen.add(t); t = t.getCause()) {
			chain.add(t);
		}
		json.name("exception").beginObject().name("values").beginArray();
		// The wire wants the innermost cause first and the captured exception last.
		for (int id = chain.size() - 1; id >= 0; id--) {
			Throwable throwable = chain.get(id);
			String className = throwable.getClass().getName();
			int dot = className.lastIndexOf('.');
			json.beginObject()
				.field("type", className.substring(dot + 1))
				.field("value", throwable.getMessage())
				.field("module", (dot > 0) ? className.substring(0, dot) : null)
				.field("thread_id", event.threadId());
			writeFrames(json, throwable.getStackTrace());
			json.name("mechanism").beginObject();
			Event.Mechanism mechanism = event.mechanism();
			if (id == 0 && mechanism != null) {
				json.field("type", mechanism.type()).field("handled", mechanism.handled());
			}
			else {
				json.field("type", "chained");
			}
			json.field("exception_id", id);
			if (id > 0) {
				json.field("parent_id", id - 1);
			}
			json.endObject().endObject();
		}
		json.endArray().endObject();
	}

	private void writeFrames(JsonWriter json, StackTraceElement[] trace) {
		if (trace.length == 0) {
			return;
		}
		json.name("stacktrace").beginObject().name("frames").beginArray();
		for (int i = trace.length - 1; i >= 0; i--) {
			StackTraceElement frame = trace[i];
			json.beginObject()
				.field("filename", frame.getFileName())
				.field("function", frame.getMethodName())
				.field("module", frame.getClassName());
			if (frame.getLineNumber() > 0) {
				json.field("lineno", frame.getLineNumber());
			}
			json.field("in_app", isInApp(frame.getClassName())).field("native", frame.isNativeMethod()).endObject();
		}
		json.endArray().endObject();
	}

	boolean isInApp(String className) {
		List<String> includes = this.options.getInAppIncludes();
		if (!includes.isEmpty()) {
			for (String prefix : includes) {
				if (className.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}
		for (String prefix : RUNTIME_PACKAGES) {
			if (className.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

}
