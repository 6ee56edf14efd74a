package dev.faultline.processor;

import dev.faultline.core.grouping.Grouper;
import dev.faultline.core.grouping.GroupingResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 4: computes the grouping hash of a normalized event. Thread-safe.
 */
final class GroupingStage {

	private final Grouper grouper = new Grouper();

	GroupingResult group(ObjectNode normalizedEvent) {
		return this.grouper.group(normalizedEvent);
	}

}
