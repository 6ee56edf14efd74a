package dev.faultline.api.event;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * Tolerant reads from a stored payload: a missing or oddly typed field reads as null
 * instead of failing, because events of old or foreign SDKs must still render.
 */
final class Json {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Json() {
	}

	/**
	 * The field as text: strings as they are, numbers and booleans as written, anything
	 * else null.
	 */
	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isValueNode() || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.asString();
	}

	/**
	 * The field when it is an object or array; null otherwise.
	 */
	static @Nullable JsonNode container(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isContainer()) ? value : null;
	}

	/**
	 * The field itself, or a JSON null when missing: for values passed through as-is.
	 */
	static JsonNode orNull(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isMissingNode()) ? value : NullNode.getInstance();
	}

	static JsonNode textNode(@Nullable String value) {
		return (value != null) ? NODES.stringNode(value) : NullNode.getInstance();
	}

	/**
	 * The field as a whole number when it is one; null otherwise (Sentry's line numbers).
	 */
	static JsonNode integerOrNull(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isIntegralNumber()) ? value : NullNode.getInstance();
	}

	/**
	 * The values of a Sentry "values" container, accepting both {@code {values: […]}} and
	 * the bare array older SDKs send.
	 */
	static Iterable<JsonNode> values(@Nullable JsonNode container) {
		if (container == null) {
			return List.of();
		}
		if (container.isArray()) {
			return container.values();
		}
		JsonNode values = container.get("values");
		return (values != null && values.isArray()) ? values.values() : List.of();
	}

}
