package dev.faultline.processor.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.processor.event.PreparedEvent;
import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.processor.pipeline.PreparedItems;
import dev.faultline.processor.span.SegmentInspector;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.spans.StoredSpan;

/**
 * The span processors' last stage: groups an item's span rows by segment and hands the
 * occurrences of each segment's problems to the {@link PerformanceIssueWriter}, which
 * stores them after the spans (writers run in the order their first value was handed
 * over). A segment is judged on the spans that came with it: a transaction carries all of
 * its spans, a span stream sends a segment's spans together when it ends; children that
 * arrive in a later envelope are stored but not judged again. Pure; thread-safe.
 */
public final class PerformanceIssueStage implements SegmentInspector {

	private final PerformanceIssueFinder finder;

	private final PerformanceIssueWriter writer;

	public PerformanceIssueStage(PerformanceIssueFinder finder, PerformanceIssueWriter writer) {
		this.finder = finder;
		this.writer = writer;
	}

	/**
	 * Finds the problems of the segments among an item's rows; their occurrences go to
	 * the writer.
	 */
	@Override
	public void inspect(EnvelopeContext envelope, EnvelopeItem item, List<StoredSpan> rows, PreparedItems out) {
		Map<String, List<StoredSpan>> bySegment = new LinkedHashMap<>();
		for (StoredSpan row : rows) {
			String segmentId = row.segment() ? row.spanId() : row.segmentId();
			if (segmentId != null) {
				bySegment.computeIfAbsent(segmentId, (key) -> new ArrayList<>()).add(row);
			}
		}
		for (StoredSpan row : rows) {
			if (!row.segment()) {
				continue;
			}
			List<StoredSpan> spans = Objects.requireNonNull(bySegment.get(row.spanId()));
			for (PreparedEvent occurrence : this.finder.find(envelope, item, row, spans)) {
				out.store(this.writer, occurrence);
			}
		}
	}

}
