package dev.faultline.storage.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueStatus;

/**
 * Compiles {@link IssueCriterion issue criteria} into a condition on the {@code issues}
 * table. The SQL text is built only from fixed fragments and {@code ?} placeholders;
 * every value goes to {@link #values()} in placeholder order.
 *
 * <p>
 * Every fragment is two-valued (never SQL NULL), so that {@link IssueCriterion.Not}
 * negates exactly: e.g. an unassigned issue matches {@code Not(AssignedTo(...))}.
 */
final class IssueCriteriaSql {

	private final StringBuilder sql = new StringBuilder();

	private final List<Object> values = new ArrayList<>();

	private IssueCriteriaSql() {
	}

	/**
	 * The conjunction of the criteria ({@code 1 = 1} when there are none).
	 */
	static IssueCriteriaSql compile(List<IssueCriterion> criteria) {
		IssueCriteriaSql compiled = new IssueCriteriaSql();
		compiled.allOf(criteria);
		return compiled;
	}

	String sql() {
		return this.sql.toString();
	}

	List<Object> values() {
		return this.values;
	}

	private void allOf(List<IssueCriterion> criteria) {
		if (criteria.isEmpty()) {
			this.sql.append("1 = 1");
			return;
		}
		this.sql.append('(');
		for (int i = 0; i < criteria.size(); i++) {
			if (i > 0) {
				this.sql.append(" AND ");
			}
			criterion(criteria.get(i));
		}
		this.sql.append(')');
	}

	private void criterion(IssueCriterion criterion) {
		if (criterion instanceof IssueCriterion.StatusIn statusIn) {
			in("status", statusIn.statuses().stream().map(IssueStatus::apiName).sorted().toList());
		}
		else if (criterion instanceof IssueCriterion.Assigned) {
			this.sql.append("(assignee_user_id IS NOT NULL OR assignee_team_id IS NOT NULL)");
		}
		else if (criterion instanceof IssueCriterion.AssignedTo assignedTo) {
			assignedTo(assignedTo);
		}
		else if (criterion instanceof IssueCriterion.BookmarkedBy bookmarkedBy) {
			this.sql.append("EXISTS (SELECT 1 FROM issue_bookmarks b WHERE b.issue_id = issues.id AND b.user_id = ?)");
			this.values.add(bookmarkedBy.userId());
		}
		else if (criterion instanceof IssueCriterion.SubscribedBy subscribedBy) {
			this.sql
				.append("EXISTS (SELECT 1 FROM issue_subscriptions s WHERE s.issue_id = issues.id AND s.user_id = ?)");
			this.values.add(subscribedBy.userId());
		}
		else if (criterion instanceof IssueCriterion.CountIs countIs) {
			String column = switch (countIs.field()) {
				case TIMES_SEEN -> "times_seen";
				case USER_COUNT -> "user_count";
			};
			compare(column, countIs.comparison(), countIs.value());
		}
		else if (criterion instanceof IssueCriterion.SeenIs seenIs) {
			String column = switch (seenIs.field()) {
				case FIRST_SEEN -> "first_seen";
				case LAST_SEEN -> "last_seen";
			};
			compare(column, seenIs.comparison(), seenIs.value().toEpochMilli());
		}
		else if (criterion instanceof IssueCriterion.CategoryIn categoryIn) {
			categoryIn(categoryIn.categories());
		}
		else if (criterion instanceof IssueCriterion.IssueTypeIn typeIn) {
			issueTypeIn(typeIn.types());
		}
		else if (criterion instanceof IssueCriterion.IdIn idIn) {
			in("id", idIn.ids().stream().sorted().toList());
		}
		else if (criterion instanceof IssueCriterion.Not not) {
			this.sql.append("NOT (");
			criterion(not.criterion());
			this.sql.append(')');
		}
		else if (criterion instanceof IssueCriterion.AllOf allOf) {
			allOf(allOf.criteria());
		}
		else {
			throw new IllegalArgumentException("unsupported criterion: " + criterion);
		}
	}

	// Issue.category(): a type with the performance prefix is a performance issue. The
	// prefix holds no LIKE wildcard but '_', escaped.
	private void categoryIn(Set<String> categories) {
		if (categories.size() > 1) {
			this.sql.append("1 = 1");
			return;
		}
		boolean performance = categories.contains(Issue.PERFORMANCE_CATEGORY);
		this.sql.append(performance ? "type LIKE ? ESCAPE '!'" : "type NOT LIKE ? ESCAPE '!'");
		this.values.add(Issue.PERFORMANCE_TYPE_PREFIX.replace("_", "!_") + "%");
	}

	// Issue.issueType(): "error" stands for every issue that is not a performance one.
	private void issueTypeIn(Set<String> types) {
		List<String> performanceTypes = types.stream()
			.filter((type) -> type.startsWith(Issue.PERFORMANCE_TYPE_PREFIX))
			.sorted()
			.toList();
		this.sql.append('(');
		if (types.contains(Issue.ERROR_CATEGORY)) {
			categoryIn(Set.of(Issue.ERROR_CATEGORY));
			this.sql.append(" OR ");
		}
		in("type", performanceTypes);
		this.sql.append(')');
	}

	private void assignedTo(IssueCriterion.AssignedTo assignedTo) {
		List<Long> users = assignedTo.assignees()
			.stream()
			.filter(Assignee.User.class::isInstance)
			.map(Assignee::id)
			.sorted()
			.toList();
		List<Long> teams = assignedTo.assignees()
			.stream()
			.filter(Assignee.Team.class::isInstance)
			.map(Assignee::id)
			.sorted()
			.toList();
		// IS NOT NULL first: "NULL IN (...)" is NULL, which NOT would keep NULL.
		this.sql.append("((assignee_user_id IS NOT NULL AND ");
		in("assignee_user_id", users);
		this.sql.append(") OR (assignee_team_id IS NOT NULL AND ");
		in("assignee_team_id", teams);
		this.sql.append("))");
	}

	/** {@code column IN (?, ...)}; an empty list matches nothing. */
	private void in(String column, Collection<?> list) {
		if (list.isEmpty()) {
			this.sql.append("1 = 0");
			return;
		}
		this.sql.append(column).append(" IN (").append(String.join(", ", Collections.nCopies(list.size(), "?")));
		this.sql.append(')');
		this.values.addAll(list);
	}

	private void compare(String column, IssueCriterion.Comparison comparison, long value) {
		String operator = switch (comparison) {
			case EQUAL -> " = ?";
			case NOT_EQUAL -> " <> ?";
			case GREATER -> " > ?";
			case GREATER_OR_EQUAL -> " >= ?";
			case LESS -> " < ?";
			case LESS_OR_EQUAL -> " <= ?";
		};
		this.sql.append(column).append(operator);
		this.values.add(value);
	}

}
