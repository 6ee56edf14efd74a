package dev.faultline.processor.pipeline;

import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.json.ClientJson;
import dev.faultline.storage.metadata.OutcomeReasons;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared stage: parses an item's payload into a JSON object. Thread-safe.
 */
public final class JsonPayloads {

	// Nesting and string length are bounded while parsing (ClientJson): a hostile payload
	// fails here, as an invalid item, before any later stage sees it.
	private final ObjectMapper mapper = ClientJson.mapperBuilder().build();

	/**
	 * @throws InvalidItemException ({@code invalid_json}) when the payload is not a JSON
	 * object
	 */
	public ObjectNode parse(EnvelopeItem item) {
		JsonNode node;
		try {
			node = this.mapper.readTree(item.payload());
		}
		catch (JacksonException ex) {
			// Jackson's message may quote payload text, which logs must never carry.
			throw new InvalidItemException(OutcomeReasons.INVALID_JSON,
					ClientJson.isLimit(ex)
							? "payload exceeds the JSON limits (nesting deeper than " + ClientJson.MAX_NESTING_DEPTH
									+ " or a string longer than " + ClientJson.MAX_STRING_LENGTH + " characters)"
							: "payload is not valid JSON (" + ex.getClass().getSimpleName() + ")");
		}
		if (node == null || !node.isObject()) {
			throw new InvalidItemException(OutcomeReasons.INVALID_JSON, "payload is not a JSON object");
		}
		return (ObjectNode) node;
	}

}
