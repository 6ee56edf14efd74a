package dev.faultline.storage.metadata;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of merging issues.
 *
 * @param parent the issue that absorbed the others, with its new counters
 * @param childIds the issues merged into it (deleted; their ids redirect to the parent)
 */
public record MergeResult(Issue parent, List<Long> childIds) {

	public MergeResult {
		Objects.requireNonNull(parent, "parent");
		childIds = List.copyOf(childIds);
	}

}
