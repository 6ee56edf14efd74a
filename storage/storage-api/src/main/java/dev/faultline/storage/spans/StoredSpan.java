package dev.faultline.storage.spans;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import dev.faultline.storage.events.EventUser;
import org.jspecify.annotations.Nullable;

/**
 * A processed span as the event store keeps it: a segment (the root span of a service's
 * part of a trace, a transaction) or one of its children. Every row carries the segment's
 * fields it was sent with (segment name, release, environment, user, sdk): a span of a
 * span stream names them itself, and a transaction's children inherit them from the
 * transaction, so a child that arrives before (or without) its segment is complete on its
 * own row. What only a segment knows (its op, status and measurements for a transaction)
 * is read from the segment's row, joined by {@link #segmentId()}.
 *
 * @param projectId the project
 * @param traceId 32 lower-case hex characters
 * @param spanId 16 lower-case hex characters; unique within the trace
 * @param parentSpanId the parent span, or null for the root of the trace
 * @param segmentId the span id of the segment this span belongs to (its own for a
 * segment), or null when the SDK did not say
 * @param transactionId the event id of the transaction event that carried the span, or
 * null for spans of a span stream
 * @param segment whether this span is a segment (a transaction)
 * @param start when the span started, microsecond precision
 * @param end when it ended, microsecond precision, not before {@code start}
 * @param durationMs {@code end - start} in milliseconds
 * @param exclusiveTimeMs the part of the duration no child span covers, in milliseconds
 * @param receivedAt when ingest received it
 * @param op the operation ({@code http.server}, {@code db.query}…), or null
 * @param description what the span did (the query, the URL, the segment name), or null
 * @param status Sentry's span status ({@code ok}, {@code internal_error}…), or null
 * @param transaction the segment's (transaction's) name, or null
 * @param platform the SDK's platform, or null
 * @param sdkName the SDK's name, or null
 * @param user the user the span was recorded for, or null
 * @param sampleWeight how many spans this one stands for: {@code 1 / sample_rate} of the
 * client's sampling, 1 when the client sent no rate; positive
 * @param measurements measurements by name ({@code lcp}, {@code cls}…)
 * @param tags the transaction's tags (segments of a transaction event), keys unique
 * @param data the span's data or attributes, each value as text
 */
public record StoredSpan(long projectId, String traceId, String spanId, @Nullable String parentSpanId,
		@Nullable String segmentId, @Nullable String transactionId, boolean segment, Instant start, Instant end,
		double durationMs, double exclusiveTimeMs, Instant receivedAt, @Nullable String op,
		@Nullable String description, @Nullable String status, @Nullable String transaction, @Nullable String release,
		@Nullable String environment, @Nullable String platform, @Nullable String sdkName, @Nullable EventUser user,
		double sampleWeight, Map<String, Measurement> measurements, Map<String, String> tags,
		Map<String, String> data) {

	public StoredSpan {
		Objects.requireNonNull(traceId, "traceId");
		Objects.requireNonNull(spanId, "spanId");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(receivedAt, "receivedAt");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("a span ends after it starts: " + spanId);
		}
		if (!(sampleWeight > 0) || Double.isInfinite(sampleWeight)) {
			throw new IllegalArgumentException("a sample weight is positive: " + sampleWeight);
		}
		measurements = Map.copyOf(measurements);
		tags = Map.copyOf(tags);
		data = Map.copyOf(data);
	}

}
