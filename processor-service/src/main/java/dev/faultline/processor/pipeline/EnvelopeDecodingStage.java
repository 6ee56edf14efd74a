package dev.faultline.processor.pipeline;

import dev.faultline.protocol.envelope.Envelope;
import dev.faultline.protocol.envelope.EnvelopeDecoder;
import dev.faultline.protocol.envelope.EnvelopeParseException;
import dev.faultline.storage.queue.QueuedEnvelope;

/**
 * Stage 1: splits a queued envelope into its items. Ingest checked the framing already,
 * so a failure here means a poison record. Thread-safe.
 */
final class EnvelopeDecodingStage {

	private final EnvelopeDecoder decoder = new EnvelopeDecoder();

	/**
	 * @throws EnvelopeParseException when the body is not a well-formed envelope
	 */
	Envelope decode(QueuedEnvelope queued) {
		return this.decoder.decode(queued.body());
	}

}
