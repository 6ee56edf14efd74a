package dev.faultline.processor;

import java.util.Objects;

/**
 * Items of one type of a project that the processor drops, with one outcome and reason.
 *
 * @param projectId the project the envelope was queued for
 * @param itemType the envelope item type ({@code envelope} for an unreadable record)
 * @param outcome the outcome ({@link ItemOutcomes})
 * @param reason why; empty when the outcome says it all
 * @param quantity how many items
 */
record ItemDrop(long projectId, String itemType, String outcome, String reason, long quantity) {

	ItemDrop {
		Objects.requireNonNull(itemType, "itemType");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(reason, "reason");
	}

}
