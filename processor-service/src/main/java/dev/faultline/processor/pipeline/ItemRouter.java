package dev.faultline.processor.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.faultline.protocol.envelope.EnvelopeItem;

/**
 * Routes each envelope item, by type, to the processor of its kind. The kinds of Sentry's
 * protocol are event, transaction, span (stream v2), session and sessions aggregates,
 * check-in, log, feedback, user report, attachment, client report, replay event and
 * recording, profile and profile chunk, trace metric, metric buckets and security
 * reports; those whose capability is not built yet, and unknown types, go to a processor
 * that drops them as {@code filtered}/{@code unsupported}, until their issue registers a
 * processor of their own. Immutable.
 */
public final class ItemRouter {

	/**
	 * Types whose item is the envelope's event; they run first so the other items can
	 * refer to it ({@link EnvelopeContext#eventId()}).
	 */
	private static final Set<String> EVENT_TYPES = Set.of("event", "transaction", "security", "feedback");

	private final Map<String, ItemProcessor> processors;

	private final ItemProcessor unsupported = new NotYetSupported();

	private ItemRouter(Map<String, ItemProcessor> processors) {
		this.processors = Map.copyOf(processors);
	}

	/**
	 * A router that sends the given types to their processors and every other type to the
	 * unsupported kind.
	 */
	public static ItemRouter of(Map<String, ItemProcessor> processors) {
		return new ItemRouter(new LinkedHashMap<>(processors));
	}

	/** The processor of an item type. */
	public ItemProcessor route(String type) {
		return this.processors.getOrDefault(type, this.unsupported);
	}

	/** Whether an item is the envelope's event, to be processed before the others. */
	static boolean isEvent(EnvelopeItem item) {
		return EVENT_TYPES.contains(item.type());
	}

}
