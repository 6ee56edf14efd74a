package dev.faultline.api.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON values for rendering the typed event: what is absent renders as JSON null.
 */
final class Json {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Json() {
	}

	static JsonNode textNode(@Nullable String value) {
		return (value != null) ? NODES.stringNode(value) : NullNode.getInstance();
	}

	/**
	 * The value as it is, or a JSON null when absent: for values passed through.
	 */
	static JsonNode orNull(@Nullable JsonNode value) {
		return (value != null && !value.isMissingNode()) ? value : NullNode.getInstance();
	}

	/**
	 * An object of the model's verbatim values.
	 */
	static ObjectNode object(Map<String, JsonNode> values) {
		ObjectNode object = NODES.objectNode();
		values.forEach(object::set);
		return object;
	}

}
