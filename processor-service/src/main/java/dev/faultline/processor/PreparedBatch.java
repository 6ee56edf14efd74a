package dev.faultline.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.metadata.DeadLetter;

/**
 * The result of the pure stages for one polled batch: the events to store and the
 * outcomes of items that will not be stored, to count once the batch is committed.
 *
 * @param events events to store, at most one per {@code (project, event id)}
 * @param drops the items that will not be stored, with their outcome and reason
 * @param deadLetters the poison records, invalid items and timed-out envelopes to park
 */
record PreparedBatch(List<PreparedEvent> events, List<ItemDrop> drops, List<DeadLetter> deadLetters) {

	PreparedBatch {
		events = List.copyOf(events);
		drops = List.copyOf(drops);
		deadLetters = List.copyOf(deadLetters);
	}

	/**
	 * Per item type then outcome, how many items were dropped.
	 */
	Map<String, Map<String, Long>> dropped() {
		Map<String, Map<String, Long>> dropped = new LinkedHashMap<>();
		for (ItemDrop drop : this.drops) {
			dropped.computeIfAbsent(drop.itemType(), (key) -> new LinkedHashMap<>())
				.merge(drop.outcome(), drop.quantity(), Long::sum);
		}
		return dropped;
	}

}
