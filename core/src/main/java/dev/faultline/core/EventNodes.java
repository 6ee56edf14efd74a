package dev.faultline.core;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reads shared by normalization and grouping: of raw JSON where no model applies
 * (envelope headers, the scrubber's tree), and of the typed event's text. A field of the
 * wrong JSON type, and blank text, read as absent instead of failing, because SDKs send
 * all sorts of shapes and one odd field must not lose an event.
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
		return nonBlank(value);
	}

	/**
	 * The text, or null when it is null or blank: how grouping and titles read the typed
	 * event's optional text.
	 */
	public static @Nullable String nonBlank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
