package dev.faultline.core.performance;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the detectors read of one span of a segment.
 *
 * @param spanId the span's id
 * @param parentSpanId its parent's id; null for the segment's root
 * @param op its operation ({@code db.sql.query}, {@code http.client},
 * {@code resource.script}, …); empty when the SDK sent none
 * @param description what it did (the query, {@code GET https://…}, the asset's URL)
 * @param startMillis start, milliseconds since the epoch (fractions kept)
 * @param endMillis end, milliseconds since the epoch; not before the start
 * @param encodedBodySize {@code http.response_content_length} of a resource span: the
 * bytes sent over the wire; 0 when unknown
 * @param decodedBodySize {@code http.decoded_response_content_length}: the bytes after
 * decompression; 0 when unknown
 * @param renderBlocking whether a browser resource span says it blocked rendering
 * ({@code resource.render_blocking_status: blocking})
 */
public record ObservedSpan(String spanId, @Nullable String parentSpanId, String op, String description,
		double startMillis, double endMillis, long encodedBodySize, long decodedBodySize, boolean renderBlocking) {

	public ObservedSpan {
		Objects.requireNonNull(spanId, "spanId");
		Objects.requireNonNull(op, "op");
		Objects.requireNonNull(description, "description");
		if (!(endMillis >= startMillis)) {
			endMillis = startMillis;
		}
	}

	/**
	 * A span without resource sizes.
	 */
	public static ObservedSpan of(String spanId, @Nullable String parentSpanId, String op, String description,
			double startMillis, double endMillis) {
		return new ObservedSpan(spanId, parentSpanId, op, description, startMillis, endMillis, 0, 0, false);
	}

	/** How long it took, in milliseconds. */
	public double durationMillis() {
		return this.endMillis - this.startMillis;
	}

	/** Whether its op is {@code op} or starts with {@code op.}. */
	boolean isOp(String family) {
		return this.op.equals(family) || (this.op.startsWith(family) && this.op.charAt(family.length()) == '.');
	}

}
