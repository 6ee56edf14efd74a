package dev.faultline.storage.spans;

import java.util.List;

/**
 * The spans role's write side: the processor's only need.
 *
 * <p>
 * Contract (storage TCK, {@code SpanStoreContract}): writes are idempotent on
 * {@code (projectId, traceId, spanId)}: writing a span that exists keeps one copy (which
 * copy is unspecified; a replay writes the same values). A child may be written before,
 * after or without its segment. Thread-safe.
 */
public interface SpanWriter {

	/**
	 * Writes a batch durably; returns once it is stored and visible to reads and queries.
	 */
	void writeSpans(List<StoredSpan> spans);

}
