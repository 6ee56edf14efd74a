package dev.faultline.processor.pipeline;

import java.util.Objects;

import dev.faultline.protocol.envelope.DataCategories;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeReasons;

/**
 * What became of items of one type of a project: one outcome with its reason, counted in
 * Sentry's data category.
 *
 * @param projectId the project the envelope was queued for
 * @param itemType the envelope item type ({@code envelope} for an unreadable record)
 * @param category the data category the outcome is counted in
 * @param outcome the outcome
 * @param reason why; {@link OutcomeReasons#NONE} for {@link Outcome#ACCEPTED}
 * @param quantity what {@code sum(quantity)} adds: items, or bytes for attachments
 * @param timesSeen how many items that was
 */
public record ItemOutcome(long projectId, String itemType, String category, Outcome outcome, String reason,
		long quantity, long timesSeen) {

	public ItemOutcome {
		Objects.requireNonNull(itemType, "itemType");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(reason, "reason");
	}

	/**
	 * The outcome of one envelope item, counted as Sentry counts it: attachments by
	 * bytes, item containers ({@code log}, {@code span} v2, {@code trace_metric}) by
	 * their {@code item_count}.
	 */
	public static ItemOutcome of(long projectId, EnvelopeItem item, Outcome outcome, String reason) {
		return new ItemOutcome(projectId, item.type(), DataCategories.of(item.type()), outcome, reason,
				DataCategories.quantity(item), DataCategories.count(item));
	}

}
