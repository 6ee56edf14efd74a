package dev.faultline.ingest.envelope;

import java.util.Set;

import dev.faultline.ingest.http.IngestRejection;
import dev.faultline.protocol.EventIds;
import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeItem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import dev.faultline.protocol.json.ClientJson;
import tools.jackson.core.json.JsonFactory;

/**
 * The cheap checks ingest makes on a decoded envelope before queueing it: per-item size
 * limits and the event id to answer with. Payloads are not otherwise looked at.
 * Thread-safe.
 */
final class EnvelopeInspector {

	/** Item types bounded by the event size limit (Relay's event and span limits). */
	private static final Set<String> EVENT_LIKE_TYPES = Set.of("event", "transaction", "feedback", "span", "security");

	private static final Set<String> EVENT_ID_TYPES = Set.of("event", "transaction", "feedback");

	private final JsonFactory json = ClientJson.factory();

	private final long maxEventSize;

	private final long maxAttachmentSize;

	EnvelopeInspector(long maxEventSize, long maxAttachmentSize) {
		this.maxEventSize = maxEventSize;
		this.maxAttachmentSize = maxAttachmentSize;
	}

	/**
	 * Checks the envelope and returns its event id.
	 * @return the normalized event id of the envelope header, else of the first
	 * event-like item payload, else null
	 * @throws IngestRejection 413 for an oversized event item, 400 for an envelope header
	 * {@code event_id} that is not an event id
	 */
	@Nullable String inspect(Envelope envelope) {
		for (EnvelopeItem item : envelope.items()) {
			if (EVENT_LIKE_TYPES.contains(item.type()) && item.payload().length > this.maxEventSize) {
				throw IngestRejection.tooLarge("event_too_large",
						item.type() + " item of " + item.payload().length + " bytes exceeds " + this.maxEventSize);
			}
			if ("attachment".equals(item.type()) && item.payload().length > this.maxAttachmentSize) {
				throw IngestRejection.tooLarge("attachment_too_large",
						"attachment of " + item.payload().length + " bytes exceeds " + this.maxAttachmentSize);
			}
		}
		var headerId = envelope.headers().get("event_id");
		if (headerId != null && !headerId.isNull()) {
			if (!headerId.isString() || !EventIds.isValid(headerId.asString())) {
				throw IngestRejection.badRequest("invalid_event_id", "envelope header event_id is not an event id");
			}
			return EventIds.normalize(headerId.asString());
		}
		for (EnvelopeItem item : envelope.items()) {
			if (EVENT_ID_TYPES.contains(item.type())) {
				return payloadEventId(item.payload());
			}
		}
		return null;
	}

	/**
	 * The top-level {@code event_id} of a JSON payload, read by streaming so nested
	 * content is skipped rather than built; null when absent or unreadable (the processor
	 * decides what to do with such a payload).
	 */
	private @Nullable String payloadEventId(byte[] payload) {
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), payload)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("event_id".equals(name)) {
					return (value == JsonToken.VALUE_STRING) ? EventIds.tryNormalize(parser.getString()).orElse(null)
							: null;
				}
				parser.skipChildren();
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
