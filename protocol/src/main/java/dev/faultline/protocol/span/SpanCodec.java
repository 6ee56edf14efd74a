package dev.faultline.protocol.span;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.faultline.protocol.event.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tracing payloads from their JSON trees: {@link #transaction} for a classic
 * {@code transaction} item, {@link #spanBatch} for a span stream v2 container. Lenient as
 * Relay is where a field has the wrong type (it is dropped), strict where a span could
 * not be placed: a span without a valid trace id, span id, start or end is skipped and
 * counted, and a transaction without a readable segment is refused. Stateless.
 */
public final class SpanCodec {

	private SpanCodec() {
	}

	/**
	 * Reads a transaction event.
	 * @param payload the event object
	 * @return the transaction
	 * @throws SpanDecodeException when the event id, {@code contexts.trace} ids or the
	 * start and end times are missing or invalid
	 */
	public static Transaction transaction(ObjectNode payload) {
		String eventId = eventId(payload.get("event_id"));
		if (eventId == null) {
			throw new SpanDecodeException("transaction without a valid event_id");
		}
		JsonNode trace = payload.path("contexts").path("trace");
		String traceId = SpanIds.trace(trace.get("trace_id"));
		String spanId = SpanIds.span(trace.get("span_id"));
		Instant start = SpanTime.read(payload.get("start_timestamp"));
		Instant end = SpanTime.read(payload.get("timestamp"));
		if (traceId == null || spanId == null) {
			throw new SpanDecodeException("transaction without valid contexts.trace trace_id and span_id");
		}
		if (start == null || end == null) {
			throw new SpanDecodeException("transaction without readable start_timestamp and timestamp");
		}
		String name = text(payload.get("transaction"));
		TransactionSpan root = new TransactionSpan(traceId, spanId, SpanIds.span(trace.get("parent_span_id")),
				text(trace.get("op")), name, status(trace.get("status")), start, later(start, end),
				object(trace.get("data")), Map.of());
		List<TransactionSpan> spans = new ArrayList<>();
		int unreadable = 0;
		JsonNode children = payload.get("spans");
		if (children != null && children.isArray()) {
			for (JsonNode child : children) {
				TransactionSpan span = child.isObject() ? childSpan(child, traceId) : null;
				if (span == null) {
					unreadable++;
				}
				else {
					spans.add(span);
				}
			}
		}
		JsonNode sdk = payload.path("sdk");
		return new Transaction(eventId, name, text(payload.path("transaction_info").get("source")), root, spans,
				unreadable, measurements(payload.get("measurements")), text(payload.get("release")),
				text(payload.get("environment")), text(payload.get("platform")), text(sdk.get("name")),
				user(payload.get("user")), tags(payload.get("tags")));
	}

	/**
	 * Reads a span stream v2 container ({@code {"version": 2, "items": [...]}}).
	 * @param payload the container object
	 * @return the readable spans and how many items were not
	 * @throws SpanDecodeException when there is no {@code items} array
	 */
	public static SpanBatch spanBatch(ObjectNode payload) {
		JsonNode items = payload.get("items");
		if (items == null || !items.isArray()) {
			throw new SpanDecodeException("span container without an items array");
		}
		List<StreamedSpan> spans = new ArrayList<>();
		int unreadable = 0;
		for (JsonNode item : items) {
			StreamedSpan span = item.isObject() ? streamedSpan(item) : null;
			if (span == null) {
				unreadable++;
			}
			else {
				spans.add(span);
			}
		}
		return new SpanBatch(spans, unreadable);
	}

	private static @Nullable StreamedSpan streamedSpan(JsonNode item) {
		String traceId = SpanIds.trace(item.get("trace_id"));
		String spanId = SpanIds.span(item.get("span_id"));
		Instant start = SpanTime.read(item.get("start_timestamp"));
		Instant end = SpanTime.read(item.get("end_timestamp"));
		if (traceId == null || spanId == null || start == null || end == null) {
			return null;
		}
		Map<String, SpanAttribute> attributes = new LinkedHashMap<>();
		JsonNode sent = item.get("attributes");
		if (sent != null && sent.isObject()) {
			for (Map.Entry<String, JsonNode> entry : sent.properties()) {
				JsonNode attribute = entry.getValue();
				if (attribute.isObject() && attribute.has("value") && !attribute.get("value").isNull()) {
					String type = text(attribute.get("type"));
					attributes.put(entry.getKey(),
							new SpanAttribute((type != null) ? type : "string", attribute.get("value")));
				}
				else if (attribute.isValueNode() && !attribute.isNull()) {
					// A scrubber replaced the attribute with its mask.
					attributes.put(entry.getKey(), new SpanAttribute("string", attribute));
				}
			}
		}
		JsonNode segment = item.get("is_segment");
		return new StreamedSpan(traceId, spanId, SpanIds.span(item.get("parent_span_id")), text(item.get("name")),
				start, later(start, end), segment != null && segment.asBoolean(false), status(item.get("status")),
				attributes);
	}

	private static @Nullable TransactionSpan childSpan(JsonNode span, String transactionTrace) {
		String traceId = span.has("trace_id") ? SpanIds.trace(span.get("trace_id")) : transactionTrace;
		String spanId = SpanIds.span(span.get("span_id"));
		Instant start = SpanTime.read(span.get("start_timestamp"));
		Instant end = SpanTime.read(span.get("timestamp"));
		if (traceId == null || spanId == null || start == null || end == null) {
			return null;
		}
		return new TransactionSpan(traceId, spanId, SpanIds.span(span.get("parent_span_id")), text(span.get("op")),
				text(span.get("description")), status(span.get("status")), start, later(start, end),
				object(span.get("data")), tags(span.get("tags")));
	}

	/** An end before its start (clock skew within one SDK) is read as a zero duration. */
	private static Instant later(Instant start, Instant end) {
		return end.isBefore(start) ? start : end;
	}

	private static @Nullable String eventId(@Nullable JsonNode value) {
		// An event id has the shape of a trace id: 32 hex digits, dashes allowed.
		return SpanIds.trace(value);
	}

	private static @Nullable String status(@Nullable JsonNode value) {
		String status = text(value);
		return (status != null) ? status.trim().toLowerCase(Locale.ROOT) : null;
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isString()) {
			String text = value.stringValue();
			return text.isBlank() ? null : text;
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.toString();
		}
		return null;
	}

	private static Map<String, JsonNode> object(@Nullable JsonNode value) {
		Map<String, JsonNode> result = new LinkedHashMap<>();
		if (value != null && value.isObject()) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				result.put(entry.getKey(), entry.getValue());
			}
		}
		return result;
	}

	/** Tags as an object or as {@code [key, value]} pairs; the first of a key wins. */
	private static Map<String, String> tags(@Nullable JsonNode value) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (value == null) {
			return tags;
		}
		if (value.isObject()) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				String text = text(entry.getValue());
				if (text != null) {
					tags.putIfAbsent(entry.getKey(), text);
				}
			}
		}
		else if (value.isArray()) {
			for (JsonNode pair : value) {
				if (pair.isArray() && pair.size() == 2) {
					String key = text(pair.get(0));
					String text = text(pair.get(1));
					if (key != null && text != null) {
						tags.putIfAbsent(key, text);
					}
				}
			}
		}
		return tags;
	}

	private static Map<String, Transaction.MeasurementValue> measurements(@Nullable JsonNode value) {
		Map<String, Transaction.MeasurementValue> measurements = new LinkedHashMap<>();
		if (value == null || !value.isObject()) {
			return measurements;
		}
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			JsonNode number = entry.getValue().path("value");
			if (number.isNumber() && Double.isFinite(number.asDouble())) {
				measurements.put(entry.getKey(),
						new Transaction.MeasurementValue(number.asDouble(), text(entry.getValue().get("unit"))));
			}
		}
		return measurements;
	}

	private static @Nullable User user(@Nullable JsonNode value) {
		if (value == null || !value.isObject()) {
			return null;
		}
		User user = new User(text(value.get("id")), text(value.get("email")), text(value.get("ip_address")),
				text(value.get("username")), text(value.get("name")), null, null, Map.of());
		return user.isEmpty() ? null : user;
	}

}
