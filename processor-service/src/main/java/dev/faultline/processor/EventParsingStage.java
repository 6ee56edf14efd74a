package dev.faultline.processor;

import dev.faultline.protocol.envelope.EnvelopeItem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 2: parses an {@code event} item's payload into a JSON object. Thread-safe.
 */
final class EventParsingStage {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/**
	 * @throws InvalidItemException when the payload is not a JSON object
	 */
	ObjectNode parse(EnvelopeItem item) {
		JsonNode node;
		try {
			node = this.mapper.readTree(item.payload());
		}
		catch (JacksonException ex) {
			// Jackson's message may quote payload text, which logs must never carry.
			throw new InvalidItemException("payload is not valid JSON (" + ex.getClass().getSimpleName() + ")");
		}
		if (node == null || !node.isObject()) {
			throw new InvalidItemException("payload is not a JSON object");
		}
		return (ObjectNode) node;
	}

}
