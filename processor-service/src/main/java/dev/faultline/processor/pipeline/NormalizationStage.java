package dev.faultline.processor.pipeline;

import dev.faultline.core.EventNodes;
import dev.faultline.core.normalize.EventNormalizer;
import dev.faultline.core.normalize.EventTrimmer;
import dev.faultline.core.normalize.NormalizationContext;
import dev.faultline.core.normalize.Timestamps;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared stage: normalizes an event-like payload with what the envelope and the ingest
 * request knew — the common fields every kind that carries them shares: release and
 * environment, user (client IP for {@code {{auto}}}), timestamps with the clock drift
 * corrected through the envelope's {@code sent_at}, the header {@code event_id} — then
 * bounds its size ({@link EventTrimmer}: nesting, breadcrumbs, frames, string lengths,
 * trimmed places marked in {@code _meta}) before any later stage runs a pattern over it.
 * Thread-safe.
 */
public final class NormalizationStage {

	private final EventNormalizer normalizer = new EventNormalizer();

	private final EventTrimmer trimmer = new EventTrimmer();

	public ObjectNode normalize(ObjectNode raw, EnvelopeContext envelope) {
		NormalizationContext context = new NormalizationContext(envelope.queued().receivedAt(),
				envelope.queued().clientIp(), Timestamps.parse(envelope.headers().get("sent_at")),
				EventNodes.text(envelope.headers(), "event_id"));
		ObjectNode normalized = this.normalizer.normalize(raw, context);
		this.trimmer.trim(normalized);
		return normalized;
	}

}
