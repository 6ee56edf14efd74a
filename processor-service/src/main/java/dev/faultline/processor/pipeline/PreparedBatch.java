package dev.faultline.processor.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.metadata.DeadLetter;

/**
 * The result of the pure phase for one polled batch: what each kind's writer is to store,
 * the dead letters to park and the outcomes of the items already dropped.
 */
public final class PreparedBatch {

	private final List<ItemOutcome> dropped;

	private final List<DeadLetter> deadLetters;

	private final Map<BatchWriter<?>, List<Object>> pending;

	PreparedBatch(PreparedItems items) {
		this.dropped = List.copyOf(items.outcomes());
		this.deadLetters = List.copyOf(items.deadLetters());
		Map<BatchWriter<?>, List<Object>> copy = new LinkedHashMap<>();
		items.pending().forEach((writer, values) -> copy.put(writer, List.copyOf(values)));
		this.pending = copy;
	}

	/** The outcomes of items dropped while preparing. */
	public List<ItemOutcome> dropped() {
		return this.dropped;
	}

	/** The poison records, invalid items and timed-out envelopes to park. */
	public List<DeadLetter> deadLetters() {
		return this.deadLetters;
	}

	/** The values prepared for a writer, in queue order; empty when none. */
	@SuppressWarnings("unchecked")
	public <T> List<T> pending(BatchWriter<T> writer) {
		return (List<T>) this.pending.getOrDefault(writer, List.of());
	}

	Map<BatchWriter<?>, List<Object>> pending() {
		return this.pending;
	}

	/** How many values wait to be stored, over all writers. */
	public int pendingCount() {
		return this.pending.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * Per item type then {@code outcome/reason}, how many items were dropped while
	 * preparing (for tests and logs).
	 */
	public Map<String, Map<String, Long>> droppedByType() {
		Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
		for (ItemOutcome outcome : this.dropped) {
			byType.computeIfAbsent(outcome.itemType(), (key) -> new LinkedHashMap<>())
				.merge(outcome.outcome().wireName() + "/" + outcome.reason(), outcome.timesSeen(), Long::sum);
		}
		return byType;
	}

}
