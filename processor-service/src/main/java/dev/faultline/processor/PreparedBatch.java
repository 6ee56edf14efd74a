package dev.faultline.processor;

import java.util.List;
import java.util.Map;

import dev.faultline.storage.metadata.DeadLetter;

/**
 * The result of the pure stages for one polled batch: the events to store and the
 * outcomes of items that will not be stored, to count once the batch is committed.
 *
 * @param events events to store, at most one per {@code (project, event id)}
 * @param dropped per {@code type} then {@code outcome}, how many items were dropped
 * @param deadLetters the poison records and invalid items to park
 */
record PreparedBatch(List<PreparedEvent> events, Map<String, Map<String, Long>> dropped, List<DeadLetter> deadLetters) {

	PreparedBatch {
		events = List.copyOf(events);
		dropped = Map.copyOf(dropped);
		deadLetters = List.copyOf(deadLetters);
	}

	PreparedBatch(List<PreparedEvent> events, Map<String, Map<String, Long>> dropped) {
		this(events, dropped, List.of());
	}

}
