package dev.faultline.processor;

import dev.faultline.core.scrub.DataScrubber;
import dev.faultline.core.scrub.ScrubbingSettings;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 3b: removes secrets and personal data from a normalized event (core
 * {@link DataScrubber}) before it is grouped, counted or stored, so no scrubbed value
 * reaches any store. Thread-safe.
 */
final class ScrubbingStage {

	private final DataScrubber scrubber;

	ScrubbingStage(ScrubbingSettings settings) {
		this.scrubber = new DataScrubber(settings);
	}

	/**
	 * Scrubs the event in place; returns how many values were removed.
	 */
	int scrub(ObjectNode normalizedEvent) {
		return this.scrubber.scrub(normalizedEvent);
	}

}
