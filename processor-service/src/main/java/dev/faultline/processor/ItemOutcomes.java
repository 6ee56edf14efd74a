package dev.faultline.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what became of every envelope item, once: counter {@value #ITEMS} tagged
 * {@code type} (the item type, or {@code envelope} for a record that could not be decoded
 * at all), {@code outcome} and {@code reason} (empty unless the outcome has several
 * reasons, as {@link #FILTERED} does). Thread-safe.
 */
final class ItemOutcomes {

	static final String ITEMS = "faultline.processor.items";

	static final String STORE_FAILURES = "faultline.processor.store.failures";

	/** The item was stored. */
	static final String ACCEPTED = "accepted";

	/** The item type is not processed yet; it is dropped. */
	static final String UNSUPPORTED = "unsupported";

	/** The item could not be read or processed (bad JSON, not an object…). */
	static final String INVALID = "invalid";

	/** The same event appeared twice in one batch; the first copy is kept. */
	static final String DUPLICATE = "duplicate";

	/** The whole record could not be decoded as an envelope. */
	static final String POISON = "poison";

	/**
	 * The item was dropped on purpose; {@code reason} says why (Sentry's {@code filtered}
	 * outcome, also recorded in the outcome store for {@code stats_v2}).
	 */
	static final String FILTERED = "filtered";

	/**
	 * Reason of {@link #FILTERED}: the event's grouping hash was discarded (tombstone).
	 */
	static final String DISCARDED_HASH = "discarded-hash";

	/**
	 * Reason of {@link #INVALID}: the envelope's processing exceeded the processing
	 * budget; all its items are dropped and the envelope is parked as a dead letter.
	 */
	static final String PROCESSING_TIMEOUT = "processing_timeout";

	/** Sentry's data category of event items in the outcome store. */
	static final String ERROR_CATEGORY = "error";

	private final MeterRegistry registry;

	ItemOutcomes(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String type, String outcome) {
		record(type, outcome, 1);
	}

	void record(String type, String outcome, long count) {
		record(type, outcome, "", count);
	}

	void record(String type, String outcome, String reason, long count) {
		Counter.builder(ITEMS)
			.description("Envelope items by type and what became of them")
			.tag("type", type.isEmpty() ? "unknown" : type)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry)
			.increment(count);
	}

	void storeFailure() {
		Counter.builder(STORE_FAILURES)
			.description("Batches that failed to store and were retried")
			.register(this.registry)
			.increment();
	}

}
