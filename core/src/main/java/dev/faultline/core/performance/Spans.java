package dev.faultline.core.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helpers the detectors share.
 */
final class Spans {

	private Spans() {
	}

	/**
	 * A database span whose description is a whole statement (Redis commands are not).
	 */
	static boolean isDatabaseQuery(ObservedSpan span) {
		return span.isOp("db") && !span.isOp("db.redis") && !span.description().isBlank()
				&& !span.description().endsWith("...");
	}

	/** The spans under each parent, each list in start order. */
	static Map<String, List<ObservedSpan>> childrenByParent(Segment segment) {
		Map<String, List<ObservedSpan>> children = new LinkedHashMap<>();
		for (ObservedSpan span : segment.spans()) {
			children.computeIfAbsent(Objects.requireNonNullElse(span.parentSpanId(), ""), (key) -> new ArrayList<>())
				.add(span);
		}
		return children;
	}

	/** The op of a span by id; empty when the segment has no such span. */
	static String opOf(Segment segment, String spanId) {
		for (ObservedSpan span : segment.spans()) {
			if (span.spanId().equals(spanId)) {
				return span.op();
			}
		}
		return "";
	}

	static List<String> ids(List<ObservedSpan> spans) {
		return spans.stream().map(ObservedSpan::spanId).toList();
	}

	static List<String> parents(List<ObservedSpan> spans) {
		return spans.stream().map(ObservedSpan::parentSpanId).filter(Objects::nonNull).distinct().toList();
	}

}
