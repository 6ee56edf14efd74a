package dev.faultline.processor;

import java.util.List;
import java.util.Map;

/**
 * The result of the pure stages for one polled batch: the events to store and the
 * outcomes of items that will not be stored, to count once the batch is committed.
 *
 * @param events events to store, at most one per {@code (project, event id)}
 * @param dropped per {@code type} then {@code outcome}, how many items were dropped
 */
record PreparedBatch(List<PreparedEvent> events, Map<String, Map<String, Long>> dropped) {

	PreparedBatch {
		events = List.copyOf(events);
		dropped = Map.copyOf(dropped);
	}

}
