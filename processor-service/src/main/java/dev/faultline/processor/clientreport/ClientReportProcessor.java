package dev.faultline.processor.clientreport;

import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.processor.pipeline.ItemProcessor;
import dev.faultline.processor.pipeline.PreparedItems;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.metadata.Outcome;

/**
 * The {@code client_report} kind: every discard an SDK reports (its own rate limiting,
 * sampling, queue overflow, network errors, before-send callbacks…) becomes a
 * {@code client_discard} outcome in the category and with the reason the SDK named, so
 * {@code stats_v2} shows what never left the client. A report is SDK bookkeeping, not
 * data: it has no outcome of its own, and an unreadable one is skipped. Thread-safe.
 */
public final class ClientReportProcessor implements ItemProcessor {

	@Override
	public void prepare(EnvelopeContext envelope, EnvelopeItem item, int index, PreparedItems out) {
		for (ClientReports.Discard discard : ClientReports.parse(item.payload())) {
			out.count(new ItemOutcome(envelope.projectId(), item.type(), discard.category(), Outcome.CLIENT_DISCARD,
					discard.reason(), discard.quantity(), discard.quantity()));
		}
	}

}
