package dev.faultline.processor;

import dev.faultline.core.EventNodes;
import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.EventTrimmer;
import dev.faultline.core.normalize.NormalizationContext;
import dev.faultline.core.normalize.Timestamps;
import dev.faultline.storage.queue.QueuedEnvelope;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 3: normalizes a raw event with what the envelope and the ingest request knew
 * (receive time, client IP, {@code sent_at}, header {@code event_id}), then bounds its
 * size ({@link EventTrimmer}, trimmed places marked in {@code _meta}). Thread-safe.
 */
final class NormalizationStage {

	private final EventNormalizer normalizer = new EventNormalizer();

	private final EventTrimmer trimmer = new EventTrimmer();

	ObjectNode normalize(ObjectNode rawEvent, QueuedEnvelope queued, ObjectNode envelopeHeaders) {
		NormalizationContext context = new NormalizationContext(queued.receivedAt(), queued.clientIp(),
				Timestamps.parse(envelopeHeaders.get("sent_at")), EventNodes.text(envelopeHeaders, "event_id"));
		ObjectNode event = this.normalizer.normalize(rawEvent, context);
		this.trimmer.trim(event);
		return event;
	}

}
