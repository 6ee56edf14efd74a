package dev.faultline.protocol.span;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A span of a classic transaction: its root ({@code contexts.trace}) or one of its
 * {@code spans}.
 *
 * @param traceId 32 lower-case hex
 * @param spanId 16 lower-case hex
 * @param parentSpanId the parent (another span of the transaction, or for the root the
 * span of the calling service), or null
 * @param op the operation, or null
 * @param description what it did, or null
 * @param status Sentry's span status, or null
 * @param start when it started
 * @param end when it ended, not before {@code start}
 * @param data the span's {@code data}, verbatim
 * @param tags the span's own tags
 */
public record TransactionSpan(String traceId, String spanId, @Nullable String parentSpanId, @Nullable String op,
		@Nullable String description, @Nullable String status, Instant start, Instant end, Map<String, JsonNode> data,
		Map<String, String> tags) {

	public TransactionSpan {
		Objects.requireNonNull(traceId, "traceId");
		Objects.requireNonNull(spanId, "spanId");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		data = Map.copyOf(data);
		tags = Map.copyOf(tags);
	}

}
