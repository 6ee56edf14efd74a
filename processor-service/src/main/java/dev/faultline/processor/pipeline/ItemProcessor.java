package dev.faultline.processor.pipeline;

import dev.faultline.protocol.envelope.EnvelopeItem;

/**
 * Processes the items of one kind ({@code event}, {@code client_report}, …): the
 * {@link ItemRouter} hands it every item of its types. {@link #prepare} is pure — no I/O
 * — and runs within the envelope's {@link ProcessingBudget}; what is to be stored goes to
 * a {@link BatchWriter} through {@link PreparedItems#store}, so a kind's I/O happens once
 * per batch. Every item ends with exactly one outcome: dropped here through
 * {@link PreparedItems}, or accepted or dropped by its writer. Implementations are
 * thread-safe.
 */
public interface ItemProcessor {

	/**
	 * Prepares one item.
	 * @param envelope what the envelope's items share
	 * @param item the item
	 * @param index its index in the envelope, for dead letters
	 * @param out where the item's outcome, dead letter or value to store goes
	 * @throws RuntimeException for bad input the kind did not handle itself; the item is
	 * then dropped as {@code invalid} and parked (the loop never stops for it)
	 */
	void prepare(EnvelopeContext envelope, EnvelopeItem item, int index, PreparedItems out);

}
