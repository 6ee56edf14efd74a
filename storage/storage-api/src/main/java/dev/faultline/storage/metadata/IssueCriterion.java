package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One condition of an issue list query on the issue's own fields; a query's criteria all
 * hold together. Adapters answer every criterion in their query language with bound
 * values.
 */
public sealed interface IssueCriterion {

	/** The issue's status is one of these (at least one). */
	record StatusIn(Set<IssueStatus> statuses) implements IssueCriterion {

		public StatusIn {
			statuses = Set.copyOf(statuses);
			if (statuses.isEmpty()) {
				throw new IllegalArgumentException("at least one status");
			}
		}

	}

	/** The issue has an assignee ({@code is:assigned}); negate for unassigned. */
	record Assigned() implements IssueCriterion {

	}

	/** The issue is assigned to one of these (at least one). */
	record AssignedTo(Set<Assignee> assignees) implements IssueCriterion {

		public AssignedTo {
			assignees = Set.copyOf(assignees);
			if (assignees.isEmpty()) {
				throw new IllegalArgumentException("at least one assignee");
			}
		}

	}

	/** The user bookmarked the issue. */
	record BookmarkedBy(long userId) implements IssueCriterion {

	}

	/** The user subscribed to the issue. */
	record SubscribedBy(long userId) implements IssueCriterion {

	}

	/** A counter compared with a value, e.g. {@code times_seen > 10}. */
	record CountIs(CountField field, Comparison comparison, long value) implements IssueCriterion {

		public CountIs {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(comparison, "comparison");
		}

	}

	/** A time compared with an instant, e.g. {@code first_seen >= now - 24h}. */
	record SeenIs(SeenField field, Comparison comparison, Instant value) implements IssueCriterion {

		public SeenIs {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(comparison, "comparison");
			Objects.requireNonNull(value, "value");
		}

	}

	/**
	 * The issue's category ({@link Issue#category()}) is one of these (at least one):
	 * {@code error} or {@code performance}.
	 */
	record CategoryIn(Set<String> categories) implements IssueCriterion {

		public CategoryIn {
			categories = Set.copyOf(categories);
			if (categories.isEmpty()) {
				throw new IllegalArgumentException("at least one category");
			}
			for (String category : categories) {
				if (!category.equals(Issue.ERROR_CATEGORY) && !category.equals(Issue.PERFORMANCE_CATEGORY)) {
					throw new IllegalArgumentException("unknown issue category: " + category);
				}
			}
		}

	}

	/** The issue's type ({@link Issue#issueType()}) is one of these (at least one). */
	record IssueTypeIn(Set<String> types) implements IssueCriterion {

		public IssueTypeIn {
			types = Set.copyOf(types);
			if (types.isEmpty()) {
				throw new IllegalArgumentException("at least one type");
			}
		}

	}

	/** The issue is one of these (possibly none: then nothing matches). */
	record IdIn(Set<Long> ids) implements IssueCriterion {

		public IdIn {
			ids = Set.copyOf(ids);
		}

	}

	/** The criterion does not hold. */
	record Not(IssueCriterion criterion) implements IssueCriterion {

		public Not {
			Objects.requireNonNull(criterion, "criterion");
		}

	}

	/** All of these hold (for negating a range: {@code Not(AllOf(from, until))}). */
	record AllOf(List<IssueCriterion> criteria) implements IssueCriterion {

		public AllOf {
			criteria = List.copyOf(criteria);
		}

	}

	enum CountField {

		TIMES_SEEN, USER_COUNT

	}

	enum SeenField {

		FIRST_SEEN, LAST_SEEN

	}

	enum Comparison {

		EQUAL, NOT_EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL

	}

}
