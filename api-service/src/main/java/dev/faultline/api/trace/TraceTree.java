package dev.faultline.api.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.spans.StoredSpan;

/**
 * Builds the answer of {@code GET /organizations/{org}/trace/{trace_id}/}: a list of
 * roots, each a span node ({@code event_type: "span"}) with its {@code children} by
 * {@code parent_span_id}, the errors whose {@code contexts.trace.span_id} names it in
 * {@code errors} and the performance issue occurrences in {@code occurrences}; errors
 * naming no span of the trace are roots of their own ({@code event_type: "error"}).
 *
 * <p>
 * A span whose parent is not stored (the calling service is not instrumented, or its span
 * has not arrived yet) is a root. Children are ordered by start, then span id; the roots
 * likewise, errors after spans. A tree deeper than {@link #MAX_DEPTH} continues as a root
 * at that depth, so no client-made chain can nest the JSON without bound. Stateless;
 * builds maps that Jackson writes as they are.
 */
final class TraceTree {

	/** The deepest nesting of span nodes; deeper spans start a new root. */
	static final int MAX_DEPTH = 100;

	private TraceTree() {
	}

	static List<Map<String, Object>> build(List<StoredSpan> spans, List<TraceError> errors,
			Map<Long, String> projectSlugs) {
		Map<String, StoredSpan> byId = new HashMap<>();
		for (StoredSpan span : spans) {
			byId.putIfAbsent(span.spanId(), span);
		}
		Map<String, List<StoredSpan>> children = new HashMap<>();
		List<StoredSpan> roots = new ArrayList<>();
		for (StoredSpan span : byId.values()) {
			String parent = span.parentSpanId();
			if (parent != null && byId.containsKey(parent) && !parent.equals(span.spanId())) {
				children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(span);
			}
			else {
				roots.add(span);
			}
		}
		Map<String, List<TraceError>> errorsBySpan = new HashMap<>();
		List<TraceError> orphans = new ArrayList<>();
		for (TraceError error : errors) {
			if (error.spanId() != null && byId.containsKey(error.spanId())) {
				errorsBySpan.computeIfAbsent(error.spanId(), (key) -> new ArrayList<>()).add(error);
			}
			else {
				orphans.add(error);
			}
		}
		Comparator<StoredSpan> order = Comparator.comparing(StoredSpan::start).thenComparing(StoredSpan::spanId);
		roots.sort(order);
		children.values().forEach((list) -> list.sort(order));
		List<Map<String, Object>> result = new ArrayList<>();
		// Depth-first without recursion: a node is rendered, then its children are
		// queued under it; a chain past MAX_DEPTH restarts as a root.
		List<StoredSpan> pendingRoots = new ArrayList<>(roots);
		for (int i = 0; i < pendingRoots.size(); i++) {
			StoredSpan root = pendingRoots.get(i);
			Map<String, Object> rootNode = spanNode(root, errorsBySpan, projectSlugs);
			result.add(rootNode);
			List<Frame> stack = new ArrayList<>();
			stack.add(new Frame(root, rootNode, 1));
			while (!stack.isEmpty()) {
				Frame frame = stack.remove(stack.size() - 1);
				for (StoredSpan child : children.getOrDefault(frame.span().spanId(), List.of())) {
					if (frame.depth() >= MAX_DEPTH) {
						pendingRoots.add(child);
						continue;
					}
					Map<String, Object> node = spanNode(child, errorsBySpan, projectSlugs);
					childList(frame.node()).add(node);
					stack.add(new Frame(child, node, frame.depth() + 1));
				}
			}
		}
		orphans.sort(Comparator.comparing(TraceError::timestamp).thenComparing(TraceError::eventId));
		for (TraceError error : orphans) {
			Map<String, Object> node = errorNode(error);
			node.put("span", error.spanId());
			result.add(node);
		}
		return result;
	}

	private record Frame(StoredSpan span, Map<String, Object> node, int depth) {
	}

	@SuppressWarnings("unchecked")
	private static List<Object> childList(Map<String, Object> node) {
		return (List<Object>) node.get("children");
	}

	static Map<String, Object> spanNode(StoredSpan span, Map<String, List<TraceError>> errorsBySpan,
			Map<Long, String> projectSlugs) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("event_type", "span");
		node.put("event_id", span.spanId());
		node.put("transaction_id", span.transactionId());
		node.put("project_id", span.projectId());
		node.put("project_slug", projectSlugs.getOrDefault(span.projectId(), ""));
		node.put("transaction", span.transaction());
		node.put("description", span.description());
		node.put("op", span.op());
		node.put("name", span.description());
		node.put("parent_span_id", span.parentSpanId());
		node.put("segment_id", span.segmentId());
		node.put("start_timestamp", seconds(span.start()));
		node.put("end_timestamp", seconds(span.end()));
		node.put("duration", span.durationMs());
		node.put("exclusive_time", span.exclusiveTimeMs());
		node.put("is_transaction", span.segment());
		node.put("sdk_name", span.sdkName());
		node.put("status", span.status());
		node.put("release", span.release());
		node.put("environment", span.environment());
		Map<String, Object> measurements = new LinkedHashMap<>();
		span.measurements()
			.forEach((name, measurement) -> measurements.put(name,
					Map.of("value", measurement.value(), "unit", measurement.unit())));
		node.put("measurements", measurements);
		node.put("additional_attributes", new LinkedHashMap<>(span.data()));
		node.put("children", new ArrayList<>());
		List<Object> errors = new ArrayList<>();
		List<Object> occurrences = new ArrayList<>();
		for (TraceError error : errorsBySpan.getOrDefault(span.spanId(), List.of())) {
			(error.occurrence() ? occurrences : errors).add(errorNode(error));
		}
		node.put("errors", errors);
		node.put("occurrences", occurrences);
		return node;
	}

	static Map<String, Object> errorNode(TraceError error) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("event_type", error.occurrence() ? "occurrence" : "error");
		node.put("event_id", error.eventId());
		node.put("issue_id", error.issueId());
		node.put("project_id", error.projectId());
		node.put("project_slug", error.projectSlug());
		node.put("transaction", error.transaction());
		node.put("description", error.title());
		node.put("level", error.level());
		node.put("culprit", error.culprit());
		node.put("short_id", error.shortId());
		node.put("issue_type", error.issueType());
		node.put("start_timestamp", seconds(error.timestamp()));
		return node;
	}

	static double seconds(java.time.Instant instant) {
		return instant.getEpochSecond() + instant.getNano() / 1_000_000_000d;
	}

}
