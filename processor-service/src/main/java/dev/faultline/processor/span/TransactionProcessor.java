package dev.faultline.processor.span;

import java.util.List;

import dev.faultline.core.filter.FilterReason;
import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.processor.pipeline.InvalidItemException;
import dev.faultline.processor.pipeline.ItemProcessor;
import dev.faultline.processor.pipeline.JsonPayloads;
import dev.faultline.processor.pipeline.PreparedItems;
import dev.faultline.processor.pipeline.ScrubbingStage;
import dev.faultline.protocol.envelope.DataCategories;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.span.SpanCodec;
import dev.faultline.protocol.span.SpanDecodeException;
import dev.faultline.protocol.span.Transaction;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.spans.StoredSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code transaction} kind: parse ({@link JsonPayloads}), take the envelope's event
 * id when the payload has none, apply the project's inbound filters (release, localhost,
 * web crawlers… as for errors; a filtered transaction ends here), scrub the whole event
 * (its spans' data included) with the project's settings, read it ({@link SpanCodec}),
 * and turn it into span rows ({@link TransactionSpans}) for the batch's
 * {@link SpanBatchWriter}. A transaction is never an error issue. Counted in the
 * {@code transaction} category. Thread-safe.
 */
public final class TransactionProcessor implements ItemProcessor {

	private static final Logger logger = LoggerFactory.getLogger(TransactionProcessor.class);

	private final JsonPayloads decoding = new JsonPayloads();

	private final ScrubbingStage scrubbing = new ScrubbingStage();

	private final SpanBatchWriter writer;

	private final SegmentInspector inspector;

	/**
	 * @param writer stores the span rows
	 * @param inspector looks at the rows once they are handed to the writer (performance
	 * issue detection)
	 */
	public TransactionProcessor(SpanBatchWriter writer, SegmentInspector inspector) {
		this.writer = writer;
		this.inspector = inspector;
	}

	@Override
	public void prepare(EnvelopeContext envelope, EnvelopeItem item, int index, PreparedItems out) {
		ObjectNode payload = this.decoding.parse(item);
		String headerId = envelope.eventId();
		if (!payload.path("event_id").isString() && headerId != null) {
			payload.put("event_id", headerId);
		}
		FilterReason filtered = envelope.project().filters().check(payload, envelope.queued().clientIp());
		if (filtered != null) {
			out.drop(envelope, item, Outcome.FILTERED, filtered.code());
			return;
		}
		this.scrubbing.scrub(payload, envelope);
		Transaction transaction;
		try {
			transaction = SpanCodec.transaction(payload);
		}
		catch (SpanDecodeException ex) {
			throw new InvalidItemException(SpanDecodeException.REASON, ex.getMessage());
		}
		envelope.eventId(transaction.eventId());
		if (transaction.unreadableSpans() > 0) {
			logger.debug("Transaction {} of project {}: skipped {} spans without ids or times", transaction.eventId(),
					envelope.projectId(), transaction.unreadableSpans());
		}
		List<StoredSpan> rows = TransactionSpans.of(transaction, new SpanEnvelope(envelope));
		out.store(this.writer,
				new PreparedSpans(envelope.projectId(), item.type(), DataCategories.of(item.type()), rows, 1));
		this.inspector.inspect(envelope, item, rows, out);
	}

}
