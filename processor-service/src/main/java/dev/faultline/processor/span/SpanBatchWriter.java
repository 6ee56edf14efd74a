package dev.faultline.processor.span;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.faultline.processor.pipeline.BatchWriter;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.OutcomeReasons;
import dev.faultline.storage.spans.SpanWriter;
import dev.faultline.storage.spans.StoredSpan;

/**
 * Stores the spans of a batch in one write of the spans role, then accepts each item. The
 * role is idempotent on {@code (project, trace, span id)}, so a retried or replayed batch
 * keeps one copy of each span. Thread-safe as its role is.
 */
public final class SpanBatchWriter implements BatchWriter<PreparedSpans> {

	private final SpanWriter spans;

	public SpanBatchWriter(SpanWriter spans) {
		this.spans = spans;
	}

	@Override
	public void write(List<PreparedSpans> values, Consumer<ItemOutcome> outcomes) {
		List<StoredSpan> rows = new ArrayList<>();
		for (PreparedSpans value : values) {
			rows.addAll(value.spans());
		}
		this.spans.writeSpans(rows);
		for (PreparedSpans value : values) {
			outcomes.accept(new ItemOutcome(value.projectId(), value.itemType(), value.category(), Outcome.ACCEPTED,
					OutcomeReasons.NONE, value.quantity(), value.quantity()));
		}
	}

}
