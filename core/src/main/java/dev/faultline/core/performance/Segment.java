package dev.faultline.core.performance;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One segment as the detectors read it: a transaction (or a span stream's segment span)
 * with every span under it.
 *
 * @param transaction the segment's name ({@code GET /users/{id}})
 * @param op the segment's op ({@code http.server}, {@code pageload}, …)
 * @param spans the segment's spans, its root included; kept in start order
 * @param firstContentfulPaint the page's FCP measurement in milliseconds after the
 * segment's start; null when the SDK sent none
 */
public record Segment(String transaction, String op, List<ObservedSpan> spans, @Nullable Double firstContentfulPaint) {

	public Segment {
		Objects.requireNonNull(transaction, "transaction");
		Objects.requireNonNull(op, "op");
		spans = spans.stream().sorted(Comparator.comparingDouble(ObservedSpan::startMillis)).toList();
	}

	/** The earliest start of its spans; 0 without spans. */
	double startMillis() {
		return this.spans.isEmpty() ? 0 : this.spans.get(0).startMillis();
	}

}
