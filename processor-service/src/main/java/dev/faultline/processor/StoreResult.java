package dev.faultline.processor;

import java.util.Map;

/**
 * What {@link EventPipeline#store} did with a batch's events, for counting their outcomes
 * once the batch is committed.
 *
 * @param stored events written to the event store (and counted against their issues)
 * @param discarded per project id, events dropped because their grouping hash was
 * discarded ({@link ItemOutcomes#FILTERED}, {@link ItemOutcomes#DISCARDED_HASH})
 */
record StoreResult(int stored, Map<Long, Long> discarded) {

	static final StoreResult NOTHING = new StoreResult(0, Map.of());

	StoreResult {
		if (stored < 0) {
			throw new IllegalArgumentException("stored must not be negative but was " + stored);
		}
		discarded = Map.copyOf(discarded);
	}

	/** Events dropped for a discarded hash, over all projects. */
	long discardedTotal() {
		return this.discarded.values().stream().mapToLong(Long::longValue).sum();
	}

}
