package dev.faultline.processor.performance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
				description(span), millis(span.start()), millis(span.end()),
				size(span.data().get("http.response_content_length")),
				size(span.data().get("http.decoded_response_content_length")),
				"blocking".equals(span.data().get("resource.render_blocking_status")));
	}

	/**
	 * What the span did, as the detectors compare it. A span stream names its spans
	 * briefly ({@code SELECT} for a query, {@code GET} for a call) and carries the query
	 * text and the URL as OpenTelemetry attributes; a transaction's spans carry them in
	 * their description.
	 */
	static String description(StoredSpan span) {
		Map<String, String> data = span.data();
		String query = first(data.get("db.query.text"), data.get("db.statement"));
		if (query != null) {
			return query;
		}
		String url = first(data.get("url.full"), data.get("http.url"));
		String description = Objects.requireNonNullElse(span.description(), "");
		if (url != null && !description.contains("://")) {
			String method = first(data.get("http.request.method"), data.get("http.method"));
			return (method != null) ? method + " " + url : url;
		}
		return description;
	}

	private static @Nullable String first(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
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
