package dev.faultline.processor.performance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;

import dev.faultline.core.grouping.GroupingResult;
import dev.faultline.core.performance.DetectionSettings;
import dev.faultline.core.performance.PerformanceDetection;
import dev.faultline.core.performance.PerformanceProblem;
import dev.faultline.core.performance.Segment;
import dev.faultline.processor.event.PreparedEvent;
import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.protocol.event.Timestamp;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.spans.StoredSpan;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the performance problems of a segment and makes each an occurrence event:
 * Sentry's event shape for a performance issue ({@code type: transaction}, the problem's
 * title, the transaction as culprit, the trace context) with an {@code occurrence} (issue
 * type, evidence: the offending, cause and parent span ids) and the evidence spans
 * themselves, so the issue page can show them. The occurrence's id is derived from the
 * segment and the fingerprint, so a replayed segment is the same occurrence. Pure;
 * thread-safe.
 */
public final class PerformanceIssueFinder {

	private final PerformanceDetection detection = new PerformanceDetection();

	private final LongFunction<DetectionSettings> settings;

	/**
	 * @param settings each project's detection settings
	 */
	public PerformanceIssueFinder(LongFunction<DetectionSettings> settings) {
		this.settings = settings;
	}

	/**
	 * The occurrences of one segment's problems.
	 * @param envelope the envelope the segment came in
	 * @param item the item that carried the segment
	 * @param segment the segment's own span ({@link StoredSpan#segment()})
	 * @param spans the segment's spans (its own included or not)
	 * @return one prepared event per problem; empty when there is none
	 */
	public List<PreparedEvent> find(EnvelopeContext envelope, EnvelopeItem item, StoredSpan segment,
			List<StoredSpan> spans) {
		return find(envelope.projectId(), envelope.position(), envelope.queued().receivedAt(), item, segment, spans);
	}

	List<PreparedEvent> find(long projectId, String position, Instant receivedAt, EnvelopeItem item, StoredSpan segment,
			List<StoredSpan> spans) {
		Segment read = SegmentReading.segment(segment, spans);
		List<PerformanceProblem> problems = this.detection.detect(read, this.settings.apply(projectId));
		if (problems.isEmpty()) {
			return List.of();
		}
		Map<String, StoredSpan> byId = new LinkedHashMap<>();
		spans.forEach((span) -> byId.put(span.spanId(), span));
		byId.putIfAbsent(segment.spanId(), segment);
		List<PreparedEvent> occurrences = new ArrayList<>(problems.size());
		for (PerformanceProblem problem : problems) {
			ObjectNode event = occurrence(segment, problem, byId);
			occurrences.add(new PreparedEvent(projectId, position, receivedAt, EventCodec.decode(event),
					grouping(problem), item));
		}
		return occurrences;
	}

	private static ObjectNode occurrence(StoredSpan segment, PerformanceProblem problem,
			Map<String, StoredSpan> spans) {
		JsonNodeFactory json = JsonNodeFactory.instance;
		String transaction = Objects.requireNonNullElse(segment.transaction(), "");
		ObjectNode event = json.objectNode();
		event.put("event_id", md5(Objects.requireNonNullElse(segment.transactionId(), segment.traceId()) + "\n"
				+ segment.spanId() + "\n" + problem.fingerprint()));
		event.put("timestamp", Timestamp.format(segment.end()));
		event.put("start_timestamp", Timestamp.format(segment.start()));
		event.put("type", "transaction");
		event.put("level", "info");
		event.put("platform", Objects.requireNonNullElse(segment.platform(), "other"));
		event.put("transaction", transaction);
		event.put("title", problem.type().title());
		event.put("culprit", transaction);
		putIfPresent(event, "release", segment.release());
		putIfPresent(event, "environment", segment.environment());
		ObjectNode metadata = event.putObject("metadata");
		metadata.put("title", problem.type().title());
		metadata.put("value", problem.description());
		metadata.put("location", transaction);
		EventUser user = segment.user();
		if (user != null) {
			ObjectNode userJson = event.putObject("user");
			putIfPresent(userJson, "id", user.id());
			putIfPresent(userJson, "email", user.email());
			putIfPresent(userJson, "username", user.username());
			putIfPresent(userJson, "ip_address", user.ipAddress());
		}
		if (segment.sdkName() != null) {
			event.putObject("sdk").put("name", segment.sdkName());
		}
		ObjectNode tags = event.putObject("tags");
		segment.tags().forEach(tags::put);
		ObjectNode trace = event.putObject("contexts").putObject("trace");
		trace.put("type", "trace");
		trace.put("trace_id", segment.traceId());
		trace.put("span_id", segment.spanId());
		putIfPresent(trace, "op", segment.op());
		ObjectNode occurrence = event.putObject("occurrence");
		occurrence.put("type", problem.type().typeId());
		occurrence.put("issueType", problem.type().slug());
		occurrence.put("issueTitle", problem.type().title());
		occurrence.put("subtitle", problem.description());
		occurrence.put("culprit", transaction);
		ObjectNode evidence = occurrence.putObject("evidenceData");
		evidence.put("op", problem.op());
		evidence.put("transactionName", transaction);
		ids(evidence.putArray("offenderSpanIds"), problem.offenderSpanIds());
		ids(evidence.putArray("causeSpanIds"), problem.causeSpanIds());
		ids(evidence.putArray("parentSpanIds"), problem.parentSpanIds());
		ArrayNode display = occurrence.putArray("evidenceDisplay");
		display.addObject().put("name", "Transaction").put("value", transaction).put("important", false);
		display.addObject().put("name", "Offending Spans").put("value", problem.description()).put("important", true);
		display.addObject()
			.put("name", "Repeating Spans (" + problem.offenderSpanIds().size() + ")")
			.put("value", problem.description())
			.put("important", false);
		ArrayNode evidenceSpans = event.putArray("spans");
		Set<String> shown = new java.util.LinkedHashSet<>();
		shown.addAll(problem.parentSpanIds());
		shown.addAll(problem.causeSpanIds());
		shown.addAll(problem.offenderSpanIds());
		for (String id : shown) {
			StoredSpan span = spans.get(id);
			if (span != null) {
				ObjectNode spanJson = evidenceSpans.addObject();
				spanJson.put("span_id", span.spanId());
				putIfPresent(spanJson, "parent_span_id", span.parentSpanId());
				putIfPresent(spanJson, "op", span.op());
				putIfPresent(spanJson, "description", SegmentReading.description(span));
				spanJson.put("start_timestamp", Timestamp.format(span.start()));
				spanJson.put("timestamp", Timestamp.format(span.end()));
				spanJson.put("duration", span.durationMs());
			}
		}
		return event;
	}

	private static GroupingResult grouping(PerformanceProblem problem) {
		return new GroupingResult(md5(problem.fingerprint()), problem.type().slug(),
				List.of(problem.fingerprint().split("\n", -1)));
	}

	private static void ids(ArrayNode array, List<String> ids) {
		ids.forEach(array::add);
	}

	private static void putIfPresent(ObjectNode json, String key, @org.jspecify.annotations.Nullable String value) {
		if (value != null && !value.isEmpty()) {
			json.put(key, value);
		}
	}

	static String md5(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every JDK", ex);
		}
	}

}
