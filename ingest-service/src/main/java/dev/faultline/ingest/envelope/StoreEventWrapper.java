package dev.faultline.ingest.envelope;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import dev.faultline.ingest.body.ContentDecoding;
import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.EventIds;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeEncoder;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.json.ClientJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a legacy {@code /store/} body into the envelope the processor expects: one
 * {@code event} item ({@code transaction} when the event's {@code type} says so) and an
 * {@code event_id} envelope header. The body is a JSON object, or base64 of zlib of one
 * (old SDKs). An event without {@code event_id} gets a generated one, written into the
 * payload too; otherwise the payload bytes are kept as sent. Thread-safe.
 */
final class StoreEventWrapper {

	// Deeper JSON or longer strings are refused while parsing (ClientJson), the limits
	// the processor applies too.
	private final ObjectMapper mapper = ClientJson.mapperBuilder().build();

	private final EnvelopeEncoder encoder = new EnvelopeEncoder();

	private final long maxSize;

	/**
	 * @param maxSize most bytes of JSON after base64 and zlib decoding
	 */
	StoreEventWrapper(long maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * @throws IngestRejection 400 when the body is not a JSON object (or its encoded
	 * form) or has an invalid {@code event_id}; 413 when it inflates past the limit
	 */
	WrappedEvent wrap(byte[] body) {
		byte[] json = startsWithBrace(body) ? body : decodeLegacy(body);
		ObjectNode event = parseObject(json);
		JsonNode id = event.get("event_id");
		String eventId;
		byte[] payload = json;
		if (id == null || id.isNull()) {
			eventId = EventIds.generate();
			event.put("event_id", eventId);
			payload = this.mapper.writeValueAsBytes(event);
		}
		else if (id.isString() && EventIds.isValid(id.asString())) {
			eventId = EventIds.normalize(id.asString());
		}
		else {
			throw IngestRejection.badRequest("invalid_event_id", "event_id is not an event id");
		}
		String itemType = "transaction".equals(event.path("type").asString("")) ? "transaction" : "event";
		ObjectNode headers = this.mapper.createObjectNode().put("event_id", eventId);
		ObjectNode itemHeaders = this.mapper.createObjectNode().put("type", itemType);
		Envelope envelope = new Envelope(headers, List.of(new EnvelopeItem(itemHeaders, payload)));
		return new WrappedEvent(eventId, this.encoder.encode(envelope));
	}

	private byte[] decodeLegacy(byte[] body) {
		byte[] compressed;
		try {
			String text = new String(body, StandardCharsets.US_ASCII).strip();
			compressed = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw IngestRejection.badRequest("invalid_json", "body is neither JSON nor base64");
		}
		return ContentDecoding.decode(new ByteArrayInputStream(compressed), "deflate", Long.MAX_VALUE, this.maxSize);
	}

	private ObjectNode parseObject(byte[] json) {
		JsonNode node;
		try {
			node = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw IngestRejection.badRequest("invalid_json", "body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw IngestRejection.badRequest("invalid_json", "body is not a JSON object");
		}
		return (ObjectNode) node;
	}

	private static boolean startsWithBrace(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return b == '{';
			}
		}
		return false;
	}

	/**
	 * @param eventId the normalized event id
	 * @param envelope the encoded envelope to queue
	 */
	record WrappedEvent(String eventId, byte[] envelope) {

		WrappedEvent {
			Objects.requireNonNull(eventId, "eventId");
			Objects.requireNonNull(envelope, "envelope");
		}

	}

}
