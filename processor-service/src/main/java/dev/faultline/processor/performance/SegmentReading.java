package dev.faultline.processor.performance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.faultline.core.performance.ObservedSpan;
import dev.faultline.core.performance.Segment;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;

/**
 * Reads stored spans as the detectors see them: times in epoch milliseconds, a browser
 * resource's sizes and render-blocking status from its data (the SDKs' attribute names),
 * the page's first contentful paint from the segment's {@code fcp} measurement.
 */
final class SegmentReading {

	private SegmentReading() {
	}

	/**
	 * The segment of a segment span and the spans stored with it.
	 * @param segment the segment's own row
	 * @param spans every span of the segment, the segment's row included or not
	 */
	static Segment segment(StoredSpan segment, List<StoredSpan> spans) {
		List<ObservedSpan> observed = new java.util.ArrayList<>(spans.size() + 1);
		boolean hasRoot = false;
		for (StoredSpan span : spans) {
			hasRoot |= span.spanId().equals(segment.spanId());
			observed.add(observed(span));
		}
		if (!hasRoot) {
			observed.add(observed(segment));
		}
		return new Segment(Objects.requireNonNullElse(segment.transaction(), ""),
				Objects.requireNonNullElse(segment.op(), ""), observed, firstContentfulPaint(segment));
	}

	static ObservedSpan observed(StoredSpan span) {
		return new ObservedSpan(span.spanId(), span.parentSpanId(), Objects.requireNonNullElse(span.op(), ""),
				Objects.requireNonNullElse(span.description(), ""), millis(span.start()), millis(span.end()),
				size(span.data().get("http.response_content_length")),
				size(span.data().get("http.decoded_response_content_length")),
				"blocking".equals(span.data().get("resource.render_blocking_status")));
	}

	private static @Nullable Double firstContentfulPaint(StoredSpan segment) {
		Measurement fcp = segment.measurements().get("fcp");
		if (fcp == null) {
			return null;
		}
		return switch (fcp.unit()) {
			case "second" -> fcp.value() * 1000;
			case "microsecond" -> fcp.value() / 1000;
			case "nanosecond" -> fcp.value() / 1_000_000;
			default -> fcp.value();
		};
	}

	private static double millis(Instant instant) {
		return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1_000_000.0;
	}

	private static long size(@Nullable String text) {
		if (text == null) {
			return 0;
		}
		try {
			return Math.max(0, (long) Double.parseDouble(text.strip()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
