package dev.faultline.processor.pipeline;

import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeReasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of a kind whose capability is not built yet, and of item types no SDK
 * documents: drops the item as {@link Outcome#FILTERED}, reason
 * {@link OutcomeReasons#UNSUPPORTED}, so that what was sent and not kept shows in
 * {@code stats_v2} by its data category. Replaced kind by kind in the {@link ItemRouter}
 * as the capabilities arrive.
 */
final class NotYetSupported implements ItemProcessor {

	private static final Logger logger = LoggerFactory.getLogger(NotYetSupported.class);

	@Override
	public void prepare(EnvelopeContext envelope, EnvelopeItem item, int index, PreparedItems out) {
		logger.debug("Dropping unsupported {} item at queue position {} (event {})", item.type(), envelope.position(),
				envelope.eventId());
		out.drop(envelope, item, Outcome.FILTERED, OutcomeReasons.UNSUPPORTED);
	}

}
