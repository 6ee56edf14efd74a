package dev.faultline.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One question asked of stored data. Build it with {@link #builder}.
 *
 * <p>
 * Meaning: the rows of {@code dataset} in {@code projectIds} whose timestamp lies in
 * {@code range} and that meet every row condition of {@code where}; grouped by
 * {@code groupBy} (and by interval bucket when {@code interval} is set) when the query
 * selects an aggregate or groups; groups kept when they meet every aggregate condition;
 * ordered by {@code orderBy}, then by every group key ascending (aggregated) or by the
 * dataset's timestamp and identity columns (rows), so the order is total and paging by
 * {@code offset} returns each row exactly once; at most {@code perGroup} rows per value
 * of {@code perGroupBy}; then {@code offset} rows skipped and {@code limit} returned.
 *
 * <p>
 * A result row holds the bucket start first (when {@code interval} is set, as the
 * {@code time} column), then the selected expressions in order.
 *
 * @param dataset what is read
 * @param projectIds the projects (1 to 1000); every query is scoped to projects
 * @param range the time range
 * @param select the selected expressions, at least one
 * @param where conditions, ANDed
 * @param groupBy group keys: required to contain every selected plain expression when the
 * query aggregates
 * @param orderBy order keys, each selected, grouped, or an aggregate
 * @param interval the bucket width (whole milliseconds, at least one second) or null
 * @param perGroupBy a prefix of {@code groupBy} whose values each keep at most
 * {@code perGroup} rows (the top values per key of a facet); empty for no such limit
 * @param perGroup rows per value of {@code perGroupBy}, 1 or more
 * @param offset rows to skip (0 or more)
 * @param limit rows to return (1 to {@link #MAX_LIMIT})
 */
public record Query(Dataset dataset, List<Long> projectIds, TimeRange range, List<Expression> select,
		List<Condition> where, List<Expression> groupBy, List<Order> orderBy, @Nullable Duration interval,
		List<Expression> perGroupBy, int perGroup, int offset, int limit) {

	/** The most rows one query returns. */
	public static final int MAX_LIMIT = 100_000;

	/** The most buckets one query asks for. */
	public static final int MAX_BUCKETS = 50_000;

	public Query {
		Objects.requireNonNull(dataset, "dataset");
		Objects.requireNonNull(range, "range");
		projectIds = List.copyOf(projectIds);
		select = List.copyOf(select);
		where = List.copyOf(where);
		groupBy = List.copyOf(groupBy);
		orderBy = List.copyOf(orderBy);
		perGroupBy = List.copyOf(perGroupBy);
		if (projectIds.isEmpty() || projectIds.size() > 1000) {
			throw new IllegalArgumentException("a query reads 1 to 1000 projects: " + projectIds.size());
		}
		if (select.isEmpty()) {
			throw new IllegalArgumentException("a query selects at least one expression");
		}
		if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException(
					"offset must be >= 0 and limit 1 to " + MAX_LIMIT + ": " + offset + ", " + limit);
		}
		if (interval != null) {
			if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.getNano() % 1_000_000 != 0) {
				throw new IllegalArgumentException("interval must be at least 1 s in whole milliseconds: " + interval);
			}
			long span = range.to().toEpochMilli() - range.from().toEpochMilli();
			if ((span + interval.toMillis() - 1) / interval.toMillis() > MAX_BUCKETS) {
				throw new IllegalArgumentException("too many buckets: " + range + " by " + interval);
			}
		}
		boolean aggregated = select.stream().anyMatch(Aggregate.class::isInstance) || !groupBy.isEmpty()
				|| interval != null;
		for (Expression group : groupBy) {
			if (group instanceof Aggregate) {
				throw new IllegalArgumentException("cannot group by an aggregate: " + group.name());
			}
		}
		for (Expression selected : select) {
			if (aggregated && !(selected instanceof Aggregate) && !groupBy.contains(selected)) {
				throw new IllegalArgumentException("selected but neither grouped nor aggregated: " + selected.name());
			}
		}
		for (Order order : orderBy) {
			Expression key = order.expression();
			if (aggregated ? !(key instanceof Aggregate) && !groupBy.contains(key) : key instanceof Aggregate) {
				throw new IllegalArgumentException("cannot order by " + key.name() + " here");
			}
		}
		for (Condition condition : where) {
			if (condition.onAggregate() && !aggregated) {
				throw new IllegalArgumentException("a condition on an aggregate needs an aggregated query");
			}
		}
		if (!perGroupBy.isEmpty()) {
			if (!aggregated || perGroupBy.size() >= groupBy.size()
					|| !groupBy.subList(0, perGroupBy.size()).equals(perGroupBy)) {
				throw new IllegalArgumentException("perGroupBy must be a proper prefix of groupBy");
			}
		}
		if (perGroup < 1) {
			throw new IllegalArgumentException("perGroup must be at least 1: " + perGroup);
		}
		for (Expression expression : all(select, groupBy, orderBy)) {
			checkDataset(dataset, expression);
		}
	}

	/**
	 * Starts a query.
	 * @param dataset what is read
	 * @param projectIds the projects
	 * @param range the time range
	 * @return a builder
	 */
	public static Builder builder(Dataset dataset, List<Long> projectIds, TimeRange range) {
		return new Builder(dataset, projectIds, range);
	}

	/**
	 * Returns whether rows are grouped (an aggregate is selected, or there are group keys
	 * or buckets).
	 * @return whether the query aggregates
	 */
	public boolean aggregated() {
		return this.select.stream().anyMatch(Aggregate.class::isInstance) || !this.groupBy.isEmpty()
				|| this.interval != null;
	}

	/**
	 * Returns the result columns in row order: {@code time} first when bucketed, then the
	 * selected expressions.
	 * @return the columns with their types and units
	 */
	public List<ResultColumn> resultColumns() {
		List<ResultColumn> columns = new ArrayList<>();
		if (this.interval != null) {
			columns.add(new ResultColumn("time", FieldType.DATE, null));
		}
		for (Expression expression : this.select) {
			columns.add(new ResultColumn(expression.name(), expression.type(), expression.unit()));
		}
		return columns;
	}

	private static List<Expression> all(List<Expression> select, List<Expression> groupBy, List<Order> orderBy) {
		List<Expression> all = new ArrayList<>(select);
		all.addAll(groupBy);
		orderBy.forEach((order) -> all.add(order.expression()));
		return all;
	}

	private static void checkDataset(Dataset dataset, Expression expression) {
		if (expression instanceof Expression.Field field
				&& !dataset.find(field.column().name()).map(field.column()::equals).orElse(false)) {
			throw new IllegalArgumentException("not a column of " + dataset + ": " + field.name());
		}
		if (expression instanceof Aggregate aggregate && aggregate.argument() != null) {
			checkDataset(dataset, aggregate.argument());
		}
	}

	/**
	 * Builds a {@link Query}; every part but the select list is optional (no conditions,
	 * no grouping, no order beyond the total one, no buckets, offset 0, limit 100).
	 */
	public static final class Builder {

		private final Dataset dataset;

		private final List<Long> projectIds;

		private final TimeRange range;

		private final List<Expression> select = new ArrayList<>();

		private final List<Condition> where = new ArrayList<>();

		private final List<Expression> groupBy = new ArrayList<>();

		private final List<Order> orderBy = new ArrayList<>();

		private @Nullable Duration interval;

		private List<Expression> perGroupBy = List.of();

		private int perGroup = 1;

		private int offset;

		private int limit = 100;

		private Builder(Dataset dataset, List<Long> projectIds, TimeRange range) {
			this.dataset = dataset;
			this.projectIds = List.copyOf(projectIds);
			this.range = range;
		}

		public Builder select(Expression... expressions) {
			this.select.addAll(List.of(expressions));
			return this;
		}

		public Builder where(Condition condition) {
			this.where.add(condition);
			return this;
		}

		public Builder where(List<Condition> conditions) {
			this.where.addAll(conditions);
			return this;
		}

		public Builder groupBy(Expression... expressions) {
			this.groupBy.addAll(List.of(expressions));
			return this;
		}

		public Builder orderBy(Order... orders) {
			this.orderBy.addAll(List.of(orders));
			return this;
		}

		public Builder interval(Duration interval) {
			this.interval = interval;
			return this;
		}

		/**
		 * Keeps at most {@code rows} rows per value of {@code keys}.
		 */
		public Builder perGroup(int rows, Expression... keys) {
			this.perGroup = rows;
			this.perGroupBy = List.of(keys);
			return this;
		}

		public Builder page(int offset, int limit) {
			this.offset = offset;
			this.limit = limit;
			return this;
		}

		public Query build() {
			return new Query(this.dataset, this.projectIds, this.range, this.select, this.where, this.groupBy,
					this.orderBy, this.interval, this.perGroupBy, this.perGroup, this.offset, this.limit);
		}

	}

}
