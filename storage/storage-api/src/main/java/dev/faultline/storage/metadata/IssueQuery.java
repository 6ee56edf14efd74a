package dev.faultline.storage.metadata;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A page of a project's issue list.
 *
 * @param status only issues in this status, or all when null
 * @param offset rows to skip (0 or more)
 * @param limit rows to return (1 to 1000)
 */
public record IssueQuery(@Nullable IssueStatus status, IssueSort sort, int offset, int limit) {

	public IssueQuery {
		Objects.requireNonNull(sort, "sort");
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be >= 0");
		}
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be within 1..1000");
		}
	}

}
