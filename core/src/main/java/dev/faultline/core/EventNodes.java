package dev.faultline.core;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Read helpers over event JSON shared by normalization and grouping. Lenient by design: a
 * field of the wrong JSON type reads as absent instead of failing, because SDKs send all
 * sorts of shapes and one odd field must not lose an event.
 */
public final class EventNodes {

	private EventNodes() {
	}

	/**
	 * The field as text: strings as they are, numbers and booleans in their JSON
	 * spelling; null when absent, null, a container, or blank.
	 */
	public static @Nullable String text(JsonNode node, String field) {
		return text(node.get(field));
	}

	/**
	 * The node as text, following the rules of {@link #text(JsonNode, String)}.
	 */
	public static @Nullable String text(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		String value;
		if (node.isString()) {
			value = node.stringValue();
		}
		else if (node.isNumber() || node.isBoolean()) {
			value = node.toString();
		}
		else {
			return null;
		}
		return value.isBlank() ? null : value;
	}

	/**
	 * The exceptions of a normalized event in wire order (innermost cause first), leaving
	 * out synthetic ones: a synthetic exception ({@code mechanism.synthetic: true}) only
	 * carries the stack trace of a captured message and is not an error.
	 */
	public static List<JsonNode> realExceptions(JsonNode event) {
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode exception : event.path("exception").path("values")) {
			if (exception.isObject() && !isSynthetic(exception)) {
				result.add(exception);
			}
		}
		return result;
	}

	/**
	 * Whether the exception is marked synthetic by its mechanism.
	 */
	public static boolean isSynthetic(JsonNode exception) {
		return exception.path("mechanism").path("synthetic").asBoolean(false);
	}

	/**
	 * The stack frames of an exception or thread, oldest call first; empty when none.
	 */
	public static List<JsonNode> frames(JsonNode exceptionOrThread) {
		List<JsonNode> result = new ArrayList<>();
		for (JsonNode frame : exceptionOrThread.path("stacktrace").path("frames")) {
			if (frame.isObject()) {
				result.add(frame);
			}
		}
		return result;
	}

	/**
	 * Whether the frame is marked as application code.
	 */
	public static boolean isInApp(JsonNode frame) {
		return frame.path("in_app").asBoolean(false);
	}

}
