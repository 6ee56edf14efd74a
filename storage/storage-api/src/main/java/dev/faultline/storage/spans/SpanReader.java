package dev.faultline.storage.spans;

import java.util.List;

/**
 * The spans role's read side: the spans of one trace, for the trace view.
 *
 * <p>
 * Contract (storage TCK, {@code SpanStoreContract}): reads are scoped to the given
 * projects; each stored span is returned once however often it was written. Thread-safe.
 */
public interface SpanReader {

	/** The most spans one read returns. */
	int MAX_TRACE_SPANS = 10_000;

	/**
	 * Returns the spans of a trace in the given projects, ordered by start, then span id.
	 * @param projectIds the projects the caller may read; none gives none
	 * @param traceId 32 lower-case hex characters
	 * @param limit the most spans to return, 1 to {@link #MAX_TRACE_SPANS}
	 * @return the spans, at most {@code limit}
	 * @throws IllegalArgumentException for a limit out of range
	 */
	List<StoredSpan> trace(List<Long> projectIds, String traceId, int limit);

	/**
	 * Checks a limit of {@link #trace}.
	 * @param limit the limit
	 * @throws IllegalArgumentException when out of range
	 */
	static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_TRACE_SPANS) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_TRACE_SPANS + ": " + limit);
		}
	}

}
