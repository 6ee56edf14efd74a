package dev.faultline.protocol.span;

import java.util.List;

/**
 * A span stream v2 container: the payload of a {@code span} item with
 * {@code content_type: application/vnd.sentry.items.span.v2+json}.
 *
 * @param spans the spans that could be read, in the order sent
 * @param unreadable how many items were not spans (no valid ids or times); the codec
 * skips them so one bad span does not cost the others
 */
public record SpanBatch(List<StreamedSpan> spans, int unreadable) {

	public SpanBatch {
		spans = List.copyOf(spans);
		if (unreadable < 0) {
			throw new IllegalArgumentException("unreadable >= 0");
		}
	}

}
