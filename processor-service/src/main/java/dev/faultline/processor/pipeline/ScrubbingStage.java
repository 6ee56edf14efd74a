package dev.faultline.processor.pipeline;

import tools.jackson.databind.node.ObjectNode;

/**
 * Shared stage: removes secrets and personal data with the project's settings (its
 * advanced rules first, then the default scrubbers, sensitive and safe fields and IP
 * removal, under the processor-wide floor), before anything is grouped, counted or
 * stored. Every kind whose payload can carry user data runs it. Thread-safe.
 */
public final class ScrubbingStage {

	public void scrub(ObjectNode payload, EnvelopeContext envelope) {
		envelope.project().scrubber().scrub(payload);
	}

}
