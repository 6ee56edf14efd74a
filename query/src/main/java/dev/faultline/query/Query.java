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
 * dataset's timestamp and identity columns (rows) — together the {@link #sortKeys()} — so
 * the order is total and paging by cursor returns each row exactly once; at most
 * {@code perGroup} rows per value of {@code perGroupBy}; then the page at {@code cursor}:
 * {@code limit} rows after (or, backward, before) its key, past its offset.
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
 * @param cursor where the page starts: an offset, or a key of the sort keys when the
 * query is {@link #seekable()}
 * @param limit rows to return (1 to {@link #MAX_LIMIT})
 * @param extrapolated whether counts and rates ({@code count()}, {@code count_if},
 * {@code epm()}…, {@code failure_rate()}, {@code apdex}) count each row as the number of
 * rows it stands for (the dataset's {@link Dataset#sampleWeight() sample weight}, rounded
 * to whole counts) rather than once; only for a dataset with a sample weight
 */
public record Query(Dataset dataset, List<Long> projectIds, TimeRange range, List<Expression> select,
		List<Condition> where, List<Expression> groupBy, List<Order> orderBy, @Nullable Duration interval,
		List<Expression> perGroupBy, int perGroup, Cursor cursor, int limit, boolean extrapolated) {

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
		Objects.requireNonNull(cursor, "cursor");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
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
		boolean aggregated = select.stream().anyMatch(Expression::overGroup) || !groupBy.isEmpty() || interval != null;
		for (Expression group : groupBy) {
			if (group.overGroup()) {
				throw new IllegalArgumentException("cannot group by an aggregate: " + group.name());
			}
		}
		for (Expression selected : select) {
			if (aggregated && !selected.overGroup() && !groupBy.contains(selected)) {
				throw new IllegalArgumentException("selected but neither grouped nor aggregated: " + selected.name());
			}
		}
		for (Order order : orderBy) {
			Expression key = order.expression();
			if (aggregated ? !key.overGroup() && !groupBy.contains(key) : key.overGroup()) {
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
		if (extrapolated && dataset.sampleWeight().isEmpty()) {
			throw new IllegalArgumentException("the " + dataset + " dataset has no sample weight to extrapolate by");
		}
		if (perGroup < 1) {
			throw new IllegalArgumentException("perGroup must be at least 1: " + perGroup);
		}
		for (Expression expression : all(select, groupBy, orderBy)) {
			checkDataset(dataset, expression);
		}
		List<SortKey> keys = sortKeys(dataset, orderBy, groupBy, interval, aggregated);
		if (cursor.keyed() && !(seekable(keys, perGroupBy) && cursor.fits(keys.stream().map(SortKey::type).toList()))) {
			throw new IllegalArgumentException("the cursor does not fit this query's order");
		}
	}

	/**
	 * Returns the same question at another cursor (the next page).
	 * @param next where the page starts
	 * @return the query
	 * @throws IllegalArgumentException when the cursor does not fit the order
	 */
	public Query at(Cursor next) {
		return new Query(this.dataset, this.projectIds, this.range, this.select, this.where, this.groupBy, this.orderBy,
				this.interval, this.perGroupBy, this.perGroup, next, this.limit, this.extrapolated);
	}

	/**
	 * Returns the offset of the page's first row past the cursor's position.
	 * @return rows skipped
	 */
	public int offset() {
		return this.cursor.offset();
	}

	/**
	 * Returns the keys of the total order, in order: the query's {@code orderBy}, then
	 * (aggregated) the bucket and every group key ascending, or (rows) the timestamp and
	 * the dataset's identity columns ascending; a key already ordered by is not repeated.
	 * Missing values sort last in either direction. A key cursor holds one value per key.
	 * @return the sort keys (none for a query of one group)
	 */
	public List<SortKey> sortKeys() {
		return sortKeys(this.dataset, this.orderBy, this.groupBy, this.interval, aggregated());
	}

	private static List<SortKey> sortKeys(Dataset dataset, List<Order> orderBy, List<Expression> groupBy,
			@Nullable Duration interval, boolean aggregated) {
		List<SortKey> keys = new ArrayList<>();
		List<Expression> used = new ArrayList<>();
		for (Order order : orderBy) {
			if (!used.contains(order.expression())) {
				used.add(order.expression());
				keys.add(new SortKey(order.expression(), order.descending()));
			}
		}
		List<Expression> tieBreakers = new ArrayList<>();
		if (aggregated) {
			if (interval != null) {
				keys.add(new SortKey(null, false));
			}
			tieBreakers.addAll(groupBy);
		}
		else {
			tieBreakers.add(new Expression.Field(dataset.column(Dataset.TIMESTAMP)));
			dataset.identity().forEach((column) -> tieBreakers.add(new Expression.Field(column)));
		}
		for (Expression key : tieBreakers) {
			if (!used.contains(key)) {
				used.add(key);
				keys.add(new SortKey(key, false));
			}
		}
		return keys;
	}

	/**
	 * Returns whether a page can start at a key (keyset paging): the query has sort keys,
	 * no per-group limit, and every sort key has exact values an engine reproduces bit
	 * for bit — not {@code avg}, {@code percentile}, a {@code sum} of non-integers (float
	 * summation order varies between runs) or {@code any}. Other queries page by offset.
	 * @return whether key cursors apply
	 */
	public boolean seekable() {
		return seekable(sortKeys(), this.perGroupBy);
	}

	private static boolean seekable(List<SortKey> keys, List<Expression> perGroupBy) {
		return perGroupBy.isEmpty() && !keys.isEmpty() && keys.stream().allMatch(SortKey::exact);
	}

	/**
	 * One key of a query's total order.
	 *
	 * @param expression the expression ordered by, or null for the interval bucket
	 * @param descending whether larger values come first
	 */
	public record SortKey(@Nullable Expression expression, boolean descending) {

		/**
		 * Returns the type of the key's values (a bucket's is its start, a date).
		 * @return the type
		 */
		public FieldType type() {
			return (this.expression != null) ? this.expression.type() : FieldType.DATE;
		}

		/**
		 * Returns whether the key is the interval bucket.
		 * @return true for the bucket
		 */
		public boolean bucket() {
			return this.expression == null;
		}

		/**
		 * Returns whether the key can be missing (NULL) in a row.
		 * @return true for nullable columns, tags and functions that may find no value
		 */
		public boolean nullable() {
			if (this.expression instanceof Expression.Field field) {
				return field.column().nullable();
			}
			if (this.expression instanceof Aggregate aggregate) {
				return switch (aggregate.function()) {
					case COUNT, COUNT_UNIQUE, LAST_SEEN, FIRST_SEEN, COUNT_IF, COUNT_WEB_VITALS, FAILURE_COUNT,
							COUNT_MISERABLE ->
						false;
					default -> true;
				};
			}
			return this.expression instanceof Expression.Tag || this.expression instanceof Equation;
		}

		boolean exact() {
			if (this.expression instanceof Equation) {
				return false;
			}
			if (this.expression instanceof Aggregate aggregate) {
				return switch (aggregate.function()) {
					case AVG, PERCENTILE, ANY, EPM, TPM, EPS, TPS, FAILURE_RATE, APDEX, USER_MISERY -> false;
					case SUM -> aggregate.type() == FieldType.INTEGER;
					default -> true;
				};
			}
			return true;
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
		return this.select.stream().anyMatch(Expression::overGroup) || !this.groupBy.isEmpty() || this.interval != null;
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
		if (expression instanceof Equation equation) {
			equation.operands().forEach((operand) -> checkDataset(dataset, operand));
		}
	}

	/**
	 * Builds a {@link Query}; every part but the select list is optional (no conditions,
	 * no grouping, no order beyond the total one, no buckets, the first page, limit 100).
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

		private Cursor cursor = Cursor.FIRST;

		private int limit = 100;

		private boolean extrapolated;

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
			return page(Cursor.ofOffset(offset), limit);
		}

		/**
		 * Asks for the page of {@code limit} rows at a cursor.
		 */
		public Builder page(Cursor cursor, int limit) {
			this.cursor = cursor;
			this.limit = limit;
			return this;
		}

		/**
		 * Extrapolates counts and rates by the dataset's sample weight (see
		 * {@link Query#extrapolated()}).
		 */
		public Builder extrapolated(boolean extrapolated) {
			this.extrapolated = extrapolated;
			return this;
		}

		public Query build() {
			return new Query(this.dataset, this.projectIds, this.range, this.select, this.where, this.groupBy,
					this.orderBy, this.interval, this.perGroupBy, this.perGroup, this.cursor, this.limit,
					this.extrapolated);
		}

	}

}
