package dev.faultline.processor.event;

import dev.faultline.core.filter.FilterReason;
import dev.faultline.core.filter.InboundFilters;
import dev.faultline.processor.pipeline.EnvelopeContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 2b: the project's inbound data filters ({@link InboundFilters}, compiled with the
 * project's settings and read from the settings cache, so no query per event), applied to
 * the normalized event before anything else is spent on it. A filtered event is dropped
 * as outcome {@code filtered} with Relay's reason ({@code localhost},
 * {@code error-message}, …): it is neither grouped nor stored. Runs before scrubbing,
 * which may remove the addresses the filters read. Thread-safe.
 */
final class InboundFilterStage {

	private static final Logger logger = LoggerFactory.getLogger(InboundFilterStage.class);

	/** The filter that drops the event, or null to keep it. */
	@Nullable FilterReason check(ObjectNode event, EnvelopeContext envelope) {
		FilterReason reason = envelope.project().filters().check(event, envelope.queued().clientIp());
		if (reason != null) {
			logger.debug("Filtered event {} of project {}: {}", envelope.eventId(), envelope.projectId(),
					reason.code());
		}
		return reason;
	}

}
