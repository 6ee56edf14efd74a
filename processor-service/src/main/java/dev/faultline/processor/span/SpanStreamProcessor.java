package dev.faultline.processor.span;

import java.util.List;

import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.processor.pipeline.InvalidItemException;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.processor.pipeline.ItemProcessor;
import dev.faultline.processor.pipeline.JsonPayloads;
import dev.faultline.processor.pipeline.PreparedItems;
import dev.faultline.processor.pipeline.ScrubbingStage;
import dev.faultline.protocol.envelope.DataCategories;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.span.SpanBatch;
import dev.faultline.protocol.span.SpanCodec;
import dev.faultline.protocol.span.SpanDecodeException;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.spans.StoredSpan;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code span} kind (span stream v2 containers): parse, scrub every span's attributes
 * with the project's settings, read the container ({@link SpanCodec}) and turn its spans
 * into rows ({@link StreamedSpans}) for the batch's {@link SpanBatchWriter}. Spans arrive
 * without their segment as often as with it; each is stored as it comes (see the spans
 * role). A span that cannot be placed (no valid ids or times) is dropped as
 * {@code invalid}/{@code invalid_span}, the others of its container are kept; everything
 * is counted per span in the {@code span} category. Inbound filters, which read error
 * events, do not apply. Thread-safe.
 */
public final class SpanStreamProcessor implements ItemProcessor {

	private final JsonPayloads decoding = new JsonPayloads();

	private final ScrubbingStage scrubbing = new ScrubbingStage();

	private final SpanBatchWriter writer;

	private final SegmentInspector inspector;

	/**
	 * @param writer stores the span rows
	 * @param inspector looks at the rows once they are handed to the writer (performance
	 * issue detection)
	 */
	public SpanStreamProcessor(SpanBatchWriter writer, SegmentInspector inspector) {
		this.writer = writer;
		this.inspector = inspector;
	}

	@Override
	public void prepare(EnvelopeContext envelope, EnvelopeItem item, int index, PreparedItems out) {
		ObjectNode payload = this.decoding.parse(item);
		this.scrubbing.scrub(payload, envelope);
		SpanBatch batch;
		try {
			batch = SpanCodec.spanBatch(payload);
		}
		catch (SpanDecodeException ex) {
			throw new InvalidItemException(SpanDecodeException.REASON, ex.getMessage());
		}
		String category = DataCategories.of(item.type());
		if (batch.unreadable() > 0) {
			out.count(new ItemOutcome(envelope.projectId(), item.type(), category, Outcome.INVALID,
					SpanDecodeException.REASON, batch.unreadable(), batch.unreadable()));
		}
		List<StoredSpan> rows = StreamedSpans.of(batch, new SpanEnvelope(envelope));
		if (!rows.isEmpty()) {
			out.store(this.writer, new PreparedSpans(envelope.projectId(), item.type(), category, rows, rows.size()));
			this.inspector.inspect(envelope, item, rows, out);
		}
	}

}
