package dev.faultline.api.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;

/**
 * Builds the legacy {@code events-trace/} answer: {@code {"transactions": [T],
 * "orphan_errors": [E]}}, where each T is a transaction (a segment) with the errors of
 * its spans and, in {@code children}, the transactions its spans called (a segment whose
 * parent span belongs to it), with its {@code generation} (0 for a root). Errors naming
 * no stored span are orphans. Transactions nested deeper than {@link TraceTree#MAX_DEPTH}
 * are listed as roots. Stateless.
 */
final class LegacyTraceTree {

	private LegacyTraceTree() {
	}

	static Map<String, Object> build(List<StoredSpan> spans, List<TraceError> errors, Map<Long, String> slugs) {
		Map<String, StoredSpan> byId = new HashMap<>();
		for (StoredSpan span : spans) {
			byId.putIfAbsent(span.spanId(), span);
		}
		List<StoredSpan> segments = spans.stream()
			.filter(StoredSpan::segment)
			.sorted(TraceController.START_ORDER)
			.toList();
		Map<String, StoredSpan> segmentById = new HashMap<>();
		segments.forEach((segment) -> segmentById.put(segment.spanId(), segment));
		Map<String, List<StoredSpan>> called = new HashMap<>();
		List<StoredSpan> roots = new ArrayList<>();
		for (StoredSpan segment : segments) {
			StoredSpan caller = callerSegment(segment, byId, segmentById);
			if (caller != null) {
				called.computeIfAbsent(caller.spanId(), (key) -> new ArrayList<>()).add(segment);
			}
			else {
				roots.add(segment);
			}
		}
		Map<String, List<TraceError>> errorsBySegment = new HashMap<>();
		List<Map<String, Object>> orphans = new ArrayList<>();
		for (TraceError error : errors) {
			StoredSpan span = (error.spanId() != null) ? byId.get(error.spanId()) : null;
			String segmentId = (span == null) ? null : span.segment() ? span.spanId() : span.segmentId();
			if (segmentId != null && segmentById.containsKey(segmentId)) {
				errorsBySegment.computeIfAbsent(segmentId, (key) -> new ArrayList<>()).add(error);
			}
			else {
				orphans.add(errorNode(error));
			}
		}
		List<Map<String, Object>> transactions = new ArrayList<>();
		List<StoredSpan> pending = new ArrayList<>(roots);
		for (int i = 0; i < pending.size(); i++) {
			Map<String, Object> root = node(pending.get(i), null, 0, errorsBySegment, slugs);
			transactions.add(root);
			List<Object[]> stack = new ArrayList<>();
			stack.add(new Object[] { pending.get(i), root });
			while (!stack.isEmpty()) {
				Object[] frame = stack.remove(stack.size() - 1);
				StoredSpan parent = (StoredSpan) frame[0];
				@SuppressWarnings("unchecked")
				Map<String, Object> parentNode = (Map<String, Object>) frame[1];
				int generation = (Integer) parentNode.get("generation") + 1;
				for (StoredSpan child : called.getOrDefault(parent.spanId(), List.of())) {
					if (generation > TraceTree.MAX_DEPTH) {
						pending.add(child);
						continue;
					}
					Map<String, Object> node = node(child, parent, generation, errorsBySegment, slugs);
					children(parentNode).add(node);
					stack.add(new Object[] { child, node });
				}
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("transactions", transactions);
		body.put("orphan_errors", orphans);
		return body;
	}

	private static @Nullable StoredSpan callerSegment(StoredSpan segment, Map<String, StoredSpan> byId,
			Map<String, StoredSpan> segmentById) {
		StoredSpan parent = (segment.parentSpanId() != null) ? byId.get(segment.parentSpanId()) : null;
		if (parent == null) {
			return null;
		}
		String callerId = parent.segment() ? parent.spanId() : parent.segmentId();
		StoredSpan caller = (callerId != null) ? segmentById.get(callerId) : null;
		return (caller != null && caller != segment) ? caller : null;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> children(Map<String, Object> node) {
		return (List<Object>) node.get("children");
	}

	private static Map<String, Object> node(StoredSpan segment, @Nullable StoredSpan caller, int generation,
			Map<String, List<TraceError>> errorsBySegment, Map<Long, String> slugs) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("event_id", eventId(segment));
		node.put("span_id", segment.spanId());
		node.put("transaction", segment.transaction());
		node.put("transaction.duration", segment.durationMs());
		node.put("transaction.op", segment.op());
		node.put("transaction.status", segment.status());
		node.put("project_id", segment.projectId());
		node.put("project_slug", slugs.getOrDefault(segment.projectId(), ""));
		node.put("parent_event_id", (caller != null) ? eventId(caller) : null);
		node.put("parent_span_id", segment.parentSpanId());
		node.put("generation", generation);
		node.put("start_timestamp", TraceTree.seconds(segment.start()));
		node.put("timestamp", TraceTree.seconds(segment.end()));
		List<Object> errors = new ArrayList<>();
		List<Object> performanceIssues = new ArrayList<>();
		for (TraceError error : errorsBySegment.getOrDefault(segment.spanId(), List.of())) {
			(error.occurrence() ? performanceIssues : errors).add(errorNode(error));
		}
		node.put("errors", errors);
		node.put("performance_issues", performanceIssues);
		node.put("children", new ArrayList<>());
		return node;
	}

	/** A transaction's id: its event's, or a span stream segment's span id. */
	private static String eventId(StoredSpan segment) {
		return (segment.transactionId() != null) ? segment.transactionId() : segment.spanId();
	}

	private static Map<String, Object> errorNode(TraceError error) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("event_id", error.eventId());
		node.put("issue_id", error.issueId());
		node.put("span", error.spanId());
		node.put("project_id", error.projectId());
		node.put("project_slug", error.projectSlug());
		node.put("title", error.title());
		node.put("level", error.level());
		node.put("timestamp", TraceTree.seconds(error.timestamp()));
		return node;
	}

}
