package dev.faultline.processor.span;

import java.util.List;

import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.processor.pipeline.PreparedItems;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.spans.StoredSpan;

/**
 * Looks at the span rows an item became, after they were handed to the span writer, and
 * may hand more values to writers of its own (performance issue detection does).
 * Implementations are pure and thread-safe.
 */
@FunctionalInterface
public interface SegmentInspector {

	/** Looks at nothing: the span path alone. */
	SegmentInspector NONE = (envelope, item, rows, out) -> {
	};

	/**
	 * @param envelope the envelope
	 * @param item the item the rows came from
	 * @param rows the item's span rows
	 * @param out where anything to store goes
	 */
	void inspect(EnvelopeContext envelope, EnvelopeItem item, List<StoredSpan> rows, PreparedItems out);

}
