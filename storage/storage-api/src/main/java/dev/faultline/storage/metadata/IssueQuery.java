package dev.faultline.storage.metadata;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A page of an issue list.
 *
 * @param criteria conditions that all hold (none: every issue)
 * @param offset rows to skip (0 or more)
 * @param limit rows to return (1 to 1000)
 */
public record IssueQuery(List<IssueCriterion> criteria, IssueSort sort, int offset, int limit) {

	public IssueQuery {
		criteria = List.copyOf(criteria);
		Objects.requireNonNull(sort, "sort");
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be >= 0");
		}
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be within 1..1000");
		}
	}

	/**
	 * Only issues in {@code status}, or all when it is null.
	 */
	public IssueQuery(@Nullable IssueStatus status, IssueSort sort, int offset, int limit) {
		this((status != null) ? List.of(new IssueCriterion.StatusIn(Set.of(status))) : List.of(), sort, offset, limit);
	}

}
