package dev.faultline.processor.span;

import java.util.List;
import java.util.Objects;

import dev.faultline.storage.spans.StoredSpan;

/**
 * The spans one envelope item became, with what the item counts for in its outcome.
 *
 * @param projectId the project
 * @param itemType {@code transaction} or {@code span}
 * @param category the data category the item is counted in
 * @param spans the rows to store
 * @param quantity what the accepted outcome counts: 1 for a transaction, the readable
 * spans of a span container
 */
record PreparedSpans(long projectId, String itemType, String category, List<StoredSpan> spans, long quantity) {

	PreparedSpans {
		Objects.requireNonNull(itemType, "itemType");
		Objects.requireNonNull(category, "category");
		spans = List.copyOf(spans);
	}

}
