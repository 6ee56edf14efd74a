package dev.faultline.alerts;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The values of Sentry's event attributes on a stored event: the stored columns where
 * they are columns, the normalized event JSON (read once, when first needed) for the
 * rest. An attribute with several values (each exception's type, each frame's file)
 * answers them all. Not thread-safe: one per event evaluation.
 */
final class EventAttributes {

	private final StoredEvent event;

	private @Nullable JsonNode payload;

	EventAttributes(StoredEvent event) {
		this.event = event;
	}

	JsonNode payload() {
		if (this.payload == null) {
			try {
				this.payload = IssueRuleDefinition.JSON.readTree(this.event.payload());
			}
			catch (JacksonException ex) {
				this.payload = IssueRuleDefinition.JSON.createObjectNode();
			}
		}
		return this.payload;
	}

	List<String> values(String attribute) {
		List<String> values = new ArrayList<>();
		switch (attribute) {
			case "message" -> {
				add(values, this.event.message());
				add(values, this.event.title());
			}
			case "platform" -> add(values, this.event.platform());
			case "environment" -> add(values, this.event.environment());
			case "release" -> add(values, this.event.release());
			case "transaction" -> add(values, this.event.transaction());
			case "level" -> add(values, this.event.level());
			case "logger" -> add(values, text(payload().path("logger")));
			case "type" -> add(values, text(payload().path("type")));
			case "user.id", "user.email", "user.username", "user.ip_address" ->
				add(values, text(payload().path("user").path(attribute.substring("user.".length()))));
			case "http.method" -> add(values, text(payload().path("request").path("method")));
			case "http.url" -> add(values, text(payload().path("request").path("url")));
			case "http.status_code" ->
				add(values, text(payload().path("contexts").path("response").path("status_code")));
			case "sdk.name" -> add(values, text(payload().path("sdk").path("name")));
			case "exception.type", "exception.value" -> {
				for (JsonNode exception : payload().path("exception").path("values")) {
					add(values, text(exception.path(attribute.substring("exception.".length()))));
				}
			}
			case "error.handled", "error.unhandled" -> {
				for (JsonNode exception : payload().path("exception").path("values")) {
					JsonNode handled = exception.path("mechanism").path("handled");
					if (handled.isBoolean()) {
						boolean value = handled.asBoolean();
						add(values, Boolean.toString(attribute.equals("error.handled") ? value : !value));
					}
				}
			}
			default -> {
				if (attribute.startsWith("stacktrace.")) {
					String field = switch (attribute) {
						case "stacktrace.code" -> "context_line";
						default -> attribute.substring("stacktrace.".length());
					};
					for (JsonNode exception : payload().path("exception").path("values")) {
						for (JsonNode frame : exception.path("stacktrace").path("frames")) {
							add(values, text(frame.path(field)));
						}
					}
					for (JsonNode frame : payload().path("stacktrace").path("frames")) {
						add(values, text(frame.path(field)));
					}
				}
			}
		}
		return values;
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() || node.isNumber() || node.isBoolean()) ? node.asString() : null;
	}

	private static void add(List<String> values, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			values.add(value);
		}
	}

}
