package dev.faultline.processor.span;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A span's exclusive time ("self time"): the part of its duration that none of its direct
 * children covers, as Relay computes it — the children's intervals are clipped to the
 * parent's and merged, and their union is taken off. Only the children in the same
 * payload count (a span stream may send a child later; its parent keeps the time).
 */
final class ExclusiveTime {

	private ExclusiveTime() {
	}

	/**
	 * A span as the computation sees it.
	 */
	record Interval(String spanId, @Nullable String parentSpanId, Instant start, Instant end) {
	}

	/**
	 * Returns each span's exclusive time in milliseconds, by span id.
	 */
	static Map<String, Double> of(List<Interval> spans) {
		Map<String, List<Interval>> children = new HashMap<>();
		for (Interval span : spans) {
			if (span.parentSpanId() != null) {
				children.computeIfAbsent(span.parentSpanId(), (key) -> new ArrayList<>()).add(span);
			}
		}
		Map<String, Double> exclusive = new HashMap<>();
		for (Interval span : spans) {
			exclusive.put(span.spanId(), millis(Duration.between(span.start(), span.end()))
					- millis(covered(span, children.getOrDefault(span.spanId(), List.of()))));
		}
		return exclusive;
	}

	private static Duration covered(Interval parent, List<Interval> children) {
		List<Interval> sorted = new ArrayList<>(children);
		sorted.sort(Comparator.comparing(Interval::start));
		Duration covered = Duration.ZERO;
		Instant reached = parent.start();
		for (Interval child : sorted) {
			Instant from = max(child.start(), reached);
			Instant to = min(child.end(), parent.end());
			if (to.isAfter(from)) {
				covered = covered.plus(Duration.between(from, to));
				reached = to;
			}
		}
		return covered;
	}

	static double millis(Duration duration) {
		return duration.toNanos() / 1_000_000d;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
