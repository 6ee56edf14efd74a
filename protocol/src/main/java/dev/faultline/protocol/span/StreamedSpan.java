package dev.faultline.protocol.span;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One item of a span stream v2 container ({@code span} envelope item): a segment
 * ({@code is_segment}) or a child span, whose segment fields (release, environment,
 * segment name and id, user, sdk) are attributes.
 *
 * @param traceId 32 lower-case hex
 * @param spanId 16 lower-case hex
 * @param parentSpanId the parent, or null for a root
 * @param name the span's name (its description; the segment's name for a segment)
 * @param start when it started
 * @param end when it ended, not before {@code start}
 * @param segment whether the span is a segment
 * @param status {@code ok} or {@code error} as v2 sends it, or null
 * @param attributes the attributes by key
 */
public record StreamedSpan(String traceId, String spanId, @Nullable String parentSpanId, @Nullable String name,
		Instant start, Instant end, boolean segment, @Nullable String status, Map<String, SpanAttribute> attributes) {

	public StreamedSpan {
		Objects.requireNonNull(traceId, "traceId");
		Objects.requireNonNull(spanId, "spanId");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		attributes = Map.copyOf(attributes);
	}

	/**
	 * An attribute's text, or null when the span has none of that key.
	 */
	public @Nullable String text(String key) {
		SpanAttribute attribute = this.attributes.get(key);
		return (attribute != null) ? attribute.text() : null;
	}

	/**
	 * An attribute's number, or null when the span has none of that key or it is no
	 * number.
	 */
	public @Nullable Double number(String key) {
		SpanAttribute attribute = this.attributes.get(key);
		return (attribute != null) ? attribute.number() : null;
	}

}
