package dev.faultline.processor.span;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.protocol.span.SpanAttribute;
import dev.faultline.protocol.span.SpanBatch;
import dev.faultline.protocol.span.StreamedSpan;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;

/**
 * Turns the spans of a span stream v2 container into span rows. Each span names its
 * segment's fields as attributes ({@code sentry.segment.name}, {@code sentry.segment.id},
 * {@code sentry.release}, {@code sentry.environment}, {@code user.*},
 * {@code sentry.sdk.name}), falling back to the envelope's sampling context; the
 * operation is {@code sentry.op}, the description the span's name. Web vitals become
 * measurements ({@link Measurements}). Exclusive time is {@code sentry.exclusive_time}
 * when sent, else computed over the children in the same container. Stateless.
 */
final class StreamedSpans {

	/** Attributes not kept with the span: bulky SDK bookkeeping. */
	private static final List<String> DROPPED = List.of("sentry.sdk.integrations");

	private StreamedSpans() {
	}

	static List<StoredSpan> of(SpanBatch batch, SpanEnvelope envelope) {
		if (batch.spans().isEmpty()) {
			return List.of();
		}
		Instant latest = batch.spans().get(0).end();
		List<ExclusiveTime.Interval> intervals = new ArrayList<>();
		for (StreamedSpan span : batch.spans()) {
			intervals.add(new ExclusiveTime.Interval(span.spanId(), span.parentSpanId(), span.start(), span.end()));
			latest = span.end().isAfter(latest) ? span.end() : latest;
		}
		Map<String, Double> exclusive = ExclusiveTime.of(intervals);
		Duration shift = envelope.shift(latest);
		List<StoredSpan> rows = new ArrayList<>();
		for (StreamedSpan span : batch.spans()) {
			rows.add(row(span, shift, exclusive, envelope));
		}
		return rows;
	}

	private static StoredSpan row(StreamedSpan span, Duration shift, Map<String, Double> exclusive,
			SpanEnvelope envelope) {
		double duration = ExclusiveTime.millis(Duration.between(span.start(), span.end()));
		Double sentExclusive = span.number("sentry.exclusive_time");
		double exclusiveTime = (sentExclusive != null) ? sentExclusive
				: exclusive.getOrDefault(span.spanId(), duration);
		String segmentId = first(span.text("sentry.segment.id"), span.segment() ? span.spanId() : null);
		String name = first(span.text("sentry.segment.name"), span.segment() ? span.name() : null);
		String sdkName = first(span.text("sentry.sdk.name"), envelope.sdkName());
		Map<String, String> data = new LinkedHashMap<>();
		for (Map.Entry<String, SpanAttribute> attribute : span.attributes().entrySet()) {
			if (!DROPPED.contains(attribute.getKey())) {
				data.put(attribute.getKey(), attribute.getValue().text());
			}
		}
		return new StoredSpan(envelope.projectId(), span.traceId(), span.spanId(), span.parentSpanId(), segmentId, null,
				span.segment(), span.start().plus(shift), span.end().plus(shift), duration,
				Math.max(0, Math.min(duration, exclusiveTime)), envelope.receivedAt(), span.text("sentry.op"),
				span.name(), span.status(), name, first(span.text("sentry.release"), envelope.release()),
				first(span.text("sentry.environment"), envelope.environment()), SpanEnvelope.platform(sdkName), sdkName,
				user(span, envelope), envelope.sampleWeight(span.number("sentry.sample_rate")), Measurements.of(span),
				Map.of(), data);
	}

	private static @Nullable EventUser user(StreamedSpan span, SpanEnvelope envelope) {
		String ip = first(span.text("user.ip_address"), span.text("client.address"));
		if (ip != null && (ip.equals("{{auto}}") || ip.equals("auto"))) {
			ip = envelope.clientIp();
		}
		String id = span.text("user.id");
		String username = first(span.text("user.name"), span.text("user.username"));
		String email = span.text("user.email");
		if (id == null && username == null && email == null && ip == null) {
			return null;
		}
		return new EventUser(id, username, email, ip);
	}

	private static @Nullable String first(@Nullable String preferred, @Nullable String fallback) {
		return (preferred != null && !preferred.isBlank()) ? preferred : fallback;
	}

}
