package dev.faultline.storage.sql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Column;
import dev.faultline.query.Condition;
import dev.faultline.query.Cursor;
import dev.faultline.query.Dataset;
import dev.faultline.query.Equation;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldType;
import dev.faultline.query.Function;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * Compiles {@link Query} values to SQL for one {@link SqlDialect}: the one compiler of
 * every dialect, so a question is written once and every engine answers it alike.
 *
 * <p>
 * Shape of a statement: {@code SELECT <bucket>, <selected>, <other keys> FROM
 *
<table>
 * [<tag pairs>] WHERE <projects> AND <range> AND <row conditions> [AND <seek>] GROUP BY
 * <aliases> HAVING <group conditions> ORDER BY <sort keys> LIMIT <page + 1> OFFSET ?};
 * with a per-group limit, the grouped statement is ranked by {@code row_number()} in a
 * subquery. A key cursor seeks: on keys a row holds, in WHERE, so deep pages skip rows
 * instead of counting them; on an aggregate, over the finished groups in an outer query.
 * A backward page reads the order reversed (the adapter's rows are turned back by
 * {@link CompiledQuery#result}). Every selected or ordered expression gets an alias
 * ({@code c0}, {@code c1}…) and GROUP BY and ORDER BY name the aliases, so an expression
 * with a bound parameter (a tag) is written once. Dates are returned as epoch
 * milliseconds, bucket starts as bucket indexes.
 *
 * <p>
 * Stateless and thread-safe.
 */
public final class QueryCompiler {

	/** Sentry's user misery prior: alpha and beta of its Bayesian estimate. */
	private static final double USER_MISERY_ALPHA = 5.8875;

	private static final double USER_MISERY_BETA = 111.8625;

	private final SqlDialect dialect;

	public QueryCompiler(SqlDialect dialect) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
	}

	/**
	 * Compiles a query to one statement.
	 * @param query the query
	 * @return the statement, its parameters and how to read its columns
	 */
	public CompiledQuery compile(Query query) {
		Statement statement = new Statement(query);
		String sql = statement.sql();
		return new CompiledQuery(query, new SqlFragment(sql, statement.binder.values), statement.outputs,
				statement.resultColumns, statement.keyColumns);
	}

	/**
	 * Compiles row conditions alone, for an adapter's own statement over the dataset's
	 * table (no tag pairs).
	 * @param dataset the dataset whose table the statement reads
	 * @param conditions the conditions, ANDed
	 * @return a boolean expression ({@code 1 = 1} for none) and its parameters, numbered
	 * from 0
	 */
	public SqlFragment where(Dataset dataset, List<Condition> conditions) {
		Binder binder = new Binder(this.dialect);
		String sql = condition(dataset, new Condition.AllOf(conditions), binder);
		return new SqlFragment(sql, binder.values);
	}

	/**
	 * Compiles the count of the rows a query's scope holds (its projects and time range,
	 * before any other condition): what an adapter checks against a budget of rows to
	 * read when its engine cannot count them while reading.
	 * @param query the query
	 * @return {@code SELECT count(*) …} and its parameters
	 */
	public SqlFragment rowsInScope(Query query) {
		Binder binder = new Binder(this.dialect, query);
		String sql = "SELECT count(*) FROM " + this.dialect.table(query.dataset(), false) + " WHERE "
				+ scope(query, binder);
		return new SqlFragment(sql, binder.values);
	}

	/** The rows of the query's projects and time range. */
	private String scope(Query query, Binder binder) {
		Dataset dataset = query.dataset();
		String timestamp = this.dialect.column(dataset, dataset.column(Dataset.TIMESTAMP));
		String project = this.dialect.column(dataset, dataset.column(Dataset.PROJECT));
		List<String> ids = new ArrayList<>();
		for (Long projectId : query.projectIds()) {
			ids.add(binder.bind(projectId));
		}
		String scope = project + " IN (" + String.join(", ", ids) + ")";
		TimeRange range = query.range();
		if (!range.equals(TimeRange.ALL)) {
			scope += " AND " + timestamp + " >= " + this.dialect.timestamp(binder.bind(range.from().toEpochMilli()))
					+ " AND " + timestamp + " < " + this.dialect.timestamp(binder.bind(range.to().toEpochMilli()));
		}
		return scope;
	}

	private String condition(Dataset dataset, Condition condition, Binder binder) {
		if (condition instanceof Condition.Compare compare) {
			return operand(dataset, compare.expression(), binder) + " " + symbol(compare.operator()) + " "
					+ value(compare.expression(), compare.value(), binder);
		}
		if (condition instanceof Condition.In in) {
			String operand = operand(dataset, in.expression(), binder);
			List<String> values = new ArrayList<>();
			for (Object value : in.values()) {
				values.add(value(in.expression(), value, binder));
			}
			return operand + " IN (" + String.join(", ", values) + ")";
		}
		if (condition instanceof Condition.Like like) {
			String operand = operand(dataset, like.expression(), binder);
			return this.dialect.like(operand, binder.bind(LikePatterns.of(like.parts())), like.ignoreCase());
		}
		if (condition instanceof Condition.HasTag has) {
			return this.dialect.tagExists(binder.bind(has.key()));
		}
		if (condition instanceof Condition.Not not) {
			return "NOT (" + condition(dataset, not.condition(), binder) + ")";
		}
		if (condition instanceof Condition.AllOf all) {
			return join(dataset, all.conditions(), " AND ", "1 = 1", binder);
		}
		return join(dataset, ((Condition.AnyOf) condition).conditions(), " OR ", "1 = 0", binder);
	}

	private String join(Dataset dataset, List<Condition> conditions, String operator, String empty, Binder binder) {
		if (conditions.isEmpty()) {
			return empty;
		}
		if (conditions.size() == 1) {
			return condition(dataset, conditions.get(0), binder);
		}
		List<String> parts = new ArrayList<>();
		for (Condition condition : conditions) {
			parts.add(condition(dataset, condition, binder));
		}
		return "(" + String.join(operator, parts) + ")";
	}

	/**
	 * An expression as a condition reads it: a missing text is the empty string, a date
	 * stays a date (compared with bound timestamps).
	 */
	private String operand(Dataset dataset, Expression expression, Binder binder) {
		if (expression instanceof Expression.Tag tag) {
			return this.dialect.tagValue(binder.bind(tag.key()));
		}
		if (expression instanceof Expression.Field field) {
			String column = column(dataset, field.column());
			return (field.column().nullable() && field.type() == FieldType.STRING) ? this.dialect.emptyIfNull(column)
					: column;
		}
		if (expression instanceof Equation equation) {
			return equation(dataset, equation.term(), binder);
		}
		return aggregate(dataset, (Aggregate) expression, binder);
	}

	/**
	 * An equation as portable arithmetic on floats: every operand cast to DOUBLE, every
	 * operation parenthesized, a divisor of 0 made NULL (Sentry's answer to a division by
	 * zero), so every dialect computes it alike.
	 */
	private String equation(Dataset dataset, Equation.Term term, Binder binder) {
		if (term instanceof Equation.Operand operand) {
			Expression expression = operand.expression();
			String sql = (expression instanceof Aggregate aggregate) ? aggregate(dataset, aggregate, binder)
					: column(dataset, ((Expression.Field) expression).column());
			return "CAST(" + sql + " AS DOUBLE)";
		}
		if (term instanceof Equation.Number number) {
			return binder.bind(number.value());
		}
		Equation.Binary binary = (Equation.Binary) term;
		String left = equation(dataset, binary.left(), binder);
		String right = equation(dataset, binary.right(), binder);
		if (binary.operator() == Equation.Operator.DIVIDE) {
			return "(" + left + " / nullif(" + right + ", 0))";
		}
		return "(" + left + " " + binary.operator().symbol() + " " + right + ")";
	}

	private String value(Expression expression, Object value, Binder binder) {
		return switch (expression.type()) {
			case STRING -> binder.bind((String) value);
			case INTEGER -> binder.bind((Long) value);
			case NUMBER, DURATION -> binder.bind(((Number) value).doubleValue());
			case DATE -> this.dialect.timestamp(binder.bind(((Instant) value).toEpochMilli()));
		};
	}

	private static String symbol(Condition.Operator operator) {
		return switch (operator) {
			case EQUALS -> "=";
			case NOT_EQUALS -> "<>";
			case GREATER -> ">";
			case GREATER_OR_EQUAL -> ">=";
			case LESS -> "<";
			case LESS_OR_EQUAL -> "<=";
		};
	}

	private String column(Dataset dataset, Column column) {
		return switch (column.source()) {
			case STORED -> this.dialect.column(dataset, column);
			case TAG_KEY -> this.dialect.tagPairKey();
			case TAG_VALUE -> this.dialect.tagPairValue();
		};
	}

	/**
	 * An aggregate call; dates stay dates. The performance functions are written here
	 * from portable SQL (CASE, sum, count DISTINCT, CAST, nullif) over their conditions,
	 * so every dialect answers them alike:
	 * <ul>
	 * <li>a count of rows meeting a condition is {@code sum(CASE WHEN c THEN 1 ELSE 0
	 * END)}, with the sample weight for 1 when the query is extrapolated (then rounded to
	 * a whole count);</li>
	 * <li>{@code failure_rate()} is failures / rows, {@code apdex(T)} is (satisfied +
	 * tolerating / 2) / rows, both NULL for no rows;</li>
	 * <li>{@code epm()} and {@code eps()} are rows per minute or second of the bucket, or
	 * of the query's range without buckets;</li>
	 * <li>{@code count_miserable} is {@code count(DISTINCT CASE WHEN miserable THEN user
	 * END)} and {@code user_misery} Sentry's estimate over it and the distinct users
	 * (users are not extrapolated).</li>
	 * </ul>
	 */
	private String aggregate(Dataset dataset, Aggregate aggregate, Binder binder) {
		String timestamp = this.dialect.column(dataset, dataset.column(Dataset.TIMESTAMP));
		Function function = aggregate.function();
		if (function == Function.LAST_SEEN) {
			return this.dialect.aggregate(Function.MAX, timestamp, false, null);
		}
		if (function == Function.FIRST_SEEN) {
			return this.dialect.aggregate(Function.MIN, timestamp, false, null);
		}
		Query query = binder.query;
		boolean weighted = query != null && query.extrapolated();
		if (function == Function.COUNT) {
			return weighted ? wholeCount(count(dataset, null, binder))
					: this.dialect.aggregate(function, null, false, null);
		}
		if (function == Function.COUNT_IF || function == Function.COUNT_WEB_VITALS
				|| function == Function.FAILURE_COUNT) {
			String counted = count(dataset, aggregate.condition(), binder);
			return weighted ? wholeCount(counted) : "CAST(" + counted + " AS BIGINT)";
		}
		if (function == Function.FAILURE_RATE) {
			String failed = count(dataset, aggregate.condition(), binder);
			return ratio(failed, count(dataset, null, binder));
		}
		if (function == Function.APDEX) {
			return apdex(dataset, aggregate, binder);
		}
		if (function == Function.EPM || function == Function.TPM || function == Function.EPS
				|| function == Function.TPS) {
			String counted = count(dataset, null, binder);
			return "CAST(" + counted + " AS DOUBLE) / " + binder
				.bind(rateDivisor(Objects.requireNonNull(query), function == Function.EPM || function == Function.TPM));
		}
		if (function == Function.COUNT_MISERABLE || function == Function.USER_MISERY) {
			return misery(dataset, aggregate, binder);
		}
		Expression argument = aggregate.argument();
		String argumentSql = (argument != null) ? argument(dataset, argument, binder) : null;
		String quantile = (function == Function.PERCENTILE) ? binder.bind(aggregate.quantile()) : null;
		boolean integer = argument != null && argument.type() == FieldType.INTEGER;
		return this.dialect.aggregate(function, argumentSql, integer, quantile);
	}

	/** {@code apdex(T)}: (satisfied + tolerating / 2) / rows. */
	private String apdex(Dataset dataset, Aggregate aggregate, Binder binder) {
		Expression duration = Objects.requireNonNull(aggregate.argument());
		double threshold = aggregate.threshold();
		String satisfied = count(dataset, new Condition.Compare(duration, Condition.Operator.LESS_OR_EQUAL, threshold),
				binder);
		String tolerating = count(dataset,
				new Condition.AllOf(List.of(new Condition.Compare(duration, Condition.Operator.GREATER, threshold),
						new Condition.Compare(duration, Condition.Operator.LESS_OR_EQUAL, 4 * threshold))),
				binder);
		return ratio("(" + satisfied + " + " + tolerating + " / 2.0)", count(dataset, null, binder));
	}

	/** {@code count_miserable(user, T)} and {@code user_misery(T)}. */
	private String misery(Dataset dataset, Aggregate aggregate, Binder binder) {
		Expression argument = Objects.requireNonNull(aggregate.argument());
		String user = argument(dataset, argument, binder);
		String miserable = "CASE WHEN " + condition(dataset, Objects.requireNonNull(aggregate.condition()), binder)
				+ " THEN " + user + " END";
		String count = "CAST(" + this.dialect.aggregate(Function.COUNT_UNIQUE, miserable, false, null) + " AS BIGINT)";
		if (aggregate.function() == Function.COUNT_MISERABLE) {
			return count;
		}
		String users = this.dialect.aggregate(Function.COUNT_UNIQUE, argument(dataset, argument, binder), false, null);
		String alpha = binder.bind(USER_MISERY_ALPHA);
		String prior = binder.bind(USER_MISERY_ALPHA + USER_MISERY_BETA);
		return "(CAST(" + count + " AS DOUBLE) + " + alpha + ") / (CAST(" + users + " AS DOUBLE) + " + prior + ")";
	}

	/**
	 * A function's argument: a column, or a tag that is NULL when missing (a missing tag
	 * is missing to a function, count_unique ignores it, not "").
	 */
	private String argument(Dataset dataset, Expression argument, Binder binder) {
		if (argument instanceof Expression.Tag tag) {
			return this.dialect.tagValueOrNull(binder.bind(tag.key()));
		}
		return column(dataset, ((Expression.Field) argument).column());
	}

	/**
	 * The rows (or, extrapolated, the rows they stand for) meeting a condition, or all
	 * rows for none: a 64-bit integer, or a float when weighted.
	 */
	private String count(Dataset dataset, @Nullable Condition condition, Binder binder) {
		Query query = binder.query;
		String one = "1";
		if (query != null && query.extrapolated()) {
			one = "CAST(" + this.dialect.column(dataset, dataset.sampleWeight().orElseThrow()) + " AS DOUBLE)";
		}
		if (condition == null) {
			return one.equals("1") ? "CAST(count(*) AS BIGINT)" : "sum(" + one + ")";
		}
		return "sum(CASE WHEN " + condition(dataset, condition, binder) + " THEN " + one + " ELSE 0 END)";
	}

	/** A weighted count rounded to a whole count. */
	private static String wholeCount(String weighted) {
		return "CAST(round(" + weighted + ") AS BIGINT)";
	}

	/** {@code dividend / divisor} as a float, NULL when the divisor is 0. */
	private static String ratio(String dividend, String divisor) {
		return "CAST(" + dividend + " AS DOUBLE) / nullif(CAST(" + divisor + " AS DOUBLE), 0)";
	}

	/**
	 * The minutes (or seconds) a rate divides by: the bucket's when bucketed, else the
	 * query's range.
	 */
	private static double rateDivisor(Query query, boolean perMinute) {
		Duration window = (query.interval() != null) ? query.interval()
				: Duration.between(query.range().from(), query.range().to());
		double seconds = window.toMillis() / 1000.0;
		return perMinute ? seconds / 60.0 : seconds;
	}

	/**
	 * An expression as a result column reads it: dates as epoch milliseconds, a missing
	 * tag as NULL.
	 */
	private String output(Dataset dataset, Expression expression, Binder binder) {
		String sql;
		if (expression instanceof Expression.Tag tag) {
			sql = this.dialect.tagValueOrNull(binder.bind(tag.key()));
		}
		else if (expression instanceof Expression.Field field) {
			sql = column(dataset, field.column());
		}
		else if (expression instanceof Equation equation) {
			sql = equation(dataset, equation.term(), binder);
		}
		else {
			sql = aggregate(dataset, (Aggregate) expression, binder);
		}
		return (expression.type() == FieldType.DATE) ? this.dialect.epochMillis(sql) : sql;
	}

	private static CompiledQuery.Output.Kind kind(Expression expression) {
		return switch (expression.type()) {
			case STRING -> CompiledQuery.Output.Kind.STRING;
			case INTEGER -> CompiledQuery.Output.Kind.LONG;
			case NUMBER, DURATION -> CompiledQuery.Output.Kind.DOUBLE;
			case DATE -> CompiledQuery.Output.Kind.EPOCH_MILLIS;
		};
	}

	/**
	 * Whether the query reads tag pairs (one row per tag).
	 */
	private static boolean readsTagPairs(Query query) {
		List<Expression> expressions = new ArrayList<>(query.select());
		expressions.addAll(query.groupBy());
		query.orderBy().forEach((order) -> expressions.add(order.expression()));
		collect(query.where(), expressions);
		for (Expression expression : expandEquations(expressions)) {
			Expression read = (expression instanceof Aggregate aggregate) ? aggregate.argument() : expression;
			if (read instanceof Expression.Field field && field.column().tagPair()) {
				return true;
			}
		}
		return false;
	}

	/** The expressions with every equation replaced by its operands. */
	private static List<Expression> expandEquations(List<Expression> expressions) {
		List<Expression> expanded = new ArrayList<>();
		for (Expression expression : expressions) {
			if (expression instanceof Equation equation) {
				expanded.addAll(equation.operands());
			}
			else {
				expanded.add(expression);
			}
		}
		return expanded;
	}

	private static void collect(List<Condition> conditions, List<Expression> into) {
		for (Condition condition : conditions) {
			if (condition instanceof Condition.Compare compare) {
				into.add(compare.expression());
			}
			else if (condition instanceof Condition.In in) {
				into.add(in.expression());
			}
			else if (condition instanceof Condition.Like like) {
				into.add(like.expression());
			}
			else if (condition instanceof Condition.Not not) {
				collect(List.of(not.condition()), into);
			}
			else if (condition instanceof Condition.AllOf all) {
				collect(all.conditions(), into);
			}
			else if (condition instanceof Condition.AnyOf any) {
				collect(any.conditions(), into);
			}
		}
	}

	/**
	 * Whether stored duplicates of a row could change the answer: rows are listed, or a
	 * function counts copies.
	 */
	private static boolean countsDuplicates(Query query) {
		if (!query.aggregated()) {
			return true;
		}
		List<Expression> expressions = new ArrayList<>(query.select());
		query.orderBy().forEach((order) -> expressions.add(order.expression()));
		collect(query.where(), expressions);
		for (Expression expression : expandEquations(expressions)) {
			if (expression instanceof Aggregate aggregate && aggregate.function().countsDuplicates()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The seek of a key cursor: a condition that holds for the rows strictly after the
	 * cursor's key in the order of {@code keys} (forward), or strictly before it
	 * (backward); NULLs sort last. Written lexicographically and left to right (JDBC
	 * binds positionally): {@code a1 OR (e1 AND (a2 OR (e2 AND a3)))}.
	 * @param keys the sort keys
	 * @param values the cursor's key, one value per key
	 * @param backward whether the rows before the key are wanted
	 * @param operand a key's expression (written anew for each use, binding its own
	 * parameters)
	 * @param value a key value bound as the expression compares
	 */
	private static String seek(List<Query.SortKey> keys, List<@Nullable Object> values, boolean backward,
			java.util.function.Function<Query.SortKey, String> operand,
			java.util.function.BiFunction<Query.SortKey, Object, String> value) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < keys.size(); i++) {
			Query.SortKey key = keys.get(i);
			Object at = values.get(i);
			boolean last = i == keys.size() - 1;
			sql.append('(');
			if (at == null) {
				// Missing values sort last: nothing is after one, every present value is
				// before.
				sql.append(backward ? operand.apply(key) + " IS NOT NULL" : "1 = 0");
			}
			else {
				String comparison = (key.descending() != backward) ? " < " : " > ";
				String expression = operand.apply(key);
				String bound = expression + comparison + value.apply(key, at);
				// The expression is written again (not reused) so its parameters bind in
				// order.
				sql.append((!backward && key.nullable()) ? "(" + bound + " OR " + operand.apply(key) + " IS NULL)"
						: bound);
			}
			if (!last) {
				sql.append(" OR (");
				sql.append((at == null) ? operand.apply(key) + " IS NULL"
						: operand.apply(key) + " = " + value.apply(key, at));
				sql.append(" AND ");
			}
		}
		for (int i = 0; i < keys.size(); i++) {
			sql.append((i == keys.size() - 1) ? ")" : "))");
		}
		return sql.toString();
	}

	/**
	 * Compiles row conditions and the seek of a cursor over an order of a dataset's
	 * stored columns, for an adapter's own listing statement (the event page):
	 * the adapter orders by the same columns ({@code orderBy}, or each direction reversed
	 * for a backward key cursor) and reads one row more than a page.
	 * @param dataset the dataset whose table the statement reads
	 * @param conditions the conditions, ANDed
	 * @param orderBy the listing's total order, of non-nullable stored columns
	 * @param cursor the page's cursor (an offset cursor adds no seek)
	 * @return a boolean expression and its parameters, numbered from 0
	 * @throws IllegalArgumentException for a key cursor that does not fit the order
	 */
	public SqlFragment where(Dataset dataset, List<Condition> conditions, List<Order> orderBy, Cursor cursor) {
		List<Query.SortKey> keys = orderBy.stream()
			.map((order) -> new Query.SortKey(order.expression(), order.descending()))
			.toList();
		for (Query.SortKey key : keys) {
			if (!(key.expression() instanceof Expression.Field field) || field.column().tagPair()) {
				throw new IllegalArgumentException("a listing orders by stored columns: " + key.expression());
			}
		}
		if (!cursor.fits(keys.stream().map(Query.SortKey::type).toList())) {
			throw new IllegalArgumentException("the cursor does not fit this order");
		}
		Binder binder = new Binder(this.dialect);
		String sql = condition(dataset, new Condition.AllOf(conditions), binder);
		if (cursor.keyed()) {
			sql = "(" + sql + ") AND "
					+ seek(keys, cursor.key(), cursor.previous(), (key) -> rowOperand(dataset, key, null, binder),
							(key, value) -> rowValue(key, value, null, binder));
		}
		return new SqlFragment(sql, binder.values);
	}

	/**
	 * A sort key as a row condition reads it: the column itself (dates stay dates, so the
	 * engine can prune by it), a tag or NULL, the bucket index.
	 */
	private String rowOperand(Dataset dataset, Query.SortKey key, @Nullable Query query, Binder binder) {
		Expression expression = key.expression();
		if (expression == null) {
			return bucket(Objects.requireNonNull(query), binder);
		}
		if (expression instanceof Expression.Tag tag) {
			return this.dialect.tagValueOrNull(binder.bind(tag.key()));
		}
		return column(dataset, ((Expression.Field) expression).column());
	}

	private String rowValue(Query.SortKey key, Object value, @Nullable Query query, Binder binder) {
		if (key.bucket()) {
			Query bucketed = Objects.requireNonNull(query);
			long width = Objects.requireNonNull(bucketed.interval()).toMillis();
			return binder.bind((((Instant) value).toEpochMilli() - bucketed.range().from().toEpochMilli()) / width);
		}
		return switch (key.type()) {
			case STRING -> binder.bind((String) value);
			case INTEGER -> binder.bind((Long) value);
			case NUMBER, DURATION -> binder.bind((Double) value);
			case DATE -> this.dialect.timestamp(binder.bind(((Instant) value).toEpochMilli()));
		};
	}

	/**
	 * A key value as a result column holds it: dates and bucket starts as epoch
	 * milliseconds and bucket indexes.
	 */
	private static String outputValue(Query query, Query.SortKey key, Object value, Binder binder) {
		if (key.bucket()) {
			long width = Objects.requireNonNull(query.interval()).toMillis();
			return binder.bind((((Instant) value).toEpochMilli() - query.range().from().toEpochMilli()) / width);
		}
		return switch (key.type()) {
			case STRING -> binder.bind((String) value);
			case INTEGER -> binder.bind((Long) value);
			case NUMBER, DURATION -> binder.bind((Double) value);
			case DATE -> binder.bind(((Instant) value).toEpochMilli());
		};
	}

	/**
	 * The 0-based interval bucket of a row.
	 */
	private String bucket(Query query, Binder binder) {
		String timestamp = this.dialect.column(query.dataset(), query.dataset().column(Dataset.TIMESTAMP));
		String from = binder.bind(query.range().from().toEpochMilli());
		String width = binder.bind(Objects.requireNonNull(query.interval()).toMillis());
		return this.dialect.divide("(" + this.dialect.epochMillis(timestamp) + " - " + from + ")", width);
	}

	/**
	 * The parts of one statement, built in the order the SQL reads them (JDBC binds
	 * positionally).
	 */
	private final class Statement {

		private final Query query;

		private final Dataset dataset;

		private final Binder binder;

		private final Map<Expression, Integer> columns = new LinkedHashMap<>();

		private final List<String> selectList = new ArrayList<>();

		private final List<CompiledQuery.Output> outputs = new ArrayList<>();

		private final List<Integer> resultColumns = new ArrayList<>();

		private final List<Integer> keyColumns = new ArrayList<>();

		Statement(Query query) {
			this.query = query;
			this.dataset = query.dataset();
			this.binder = new Binder(QueryCompiler.this.dialect, query);
		}

		String sql() {
			SqlDialect dialect = QueryCompiler.this.dialect;
			boolean aggregated = this.query.aggregated();
			Cursor cursor = this.query.cursor();
			boolean backward = cursor.keyed() && cursor.previous();
			List<Query.SortKey> sortKeys = this.query.sortKeys();
			// SELECT: the bucket, the selected expressions, then every other key the
			// statement groups or orders by (the sort keys are read back for cursors).
			if (this.query.interval() != null) {
				this.selectList.add(bucket(this.query, this.binder) + " AS t");
				this.outputs.add(new CompiledQuery.Output("t", CompiledQuery.Output.Kind.BUCKET));
				this.resultColumns.add(0);
			}
			for (Expression expression : this.query.select()) {
				this.resultColumns.add(column(expression));
			}
			this.query.groupBy().forEach(this::column);
			for (Query.SortKey key : sortKeys) {
				this.keyColumns.add(key.bucket() ? 0 : column(key.expression()));
			}

			StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", this.selectList));
			sql.append(" FROM ").append(dialect.table(this.dataset, countsDuplicates(this.query)));
			if (readsTagPairs(this.query)) {
				sql.append(' ').append(dialect.tagPairs(this.dataset));
			}
			sql.append(" WHERE ").append(scope(this.query, this.binder));
			List<Condition> rowConditions = this.query.where().stream().filter((c) -> !c.onAggregate()).toList();
			List<Condition> groupConditions = this.query.where().stream().filter(Condition::onAggregate).toList();
			if (!rowConditions.isEmpty()) {
				sql.append(" AND ").append(condition(this.dataset, new Condition.AllOf(rowConditions), this.binder));
			}
			// A seek on keys a row holds goes before grouping, so the engine skips rows;
			// one on an aggregate filters the finished groups.
			boolean seekGroups = sortKeys.stream()
				.anyMatch((key) -> key.expression() != null && key.expression().overGroup());
			if (cursor.keyed() && !seekGroups) {
				sql.append(" AND ")
					.append(seek(sortKeys, cursor.key(), backward,
							(key) -> rowOperand(this.dataset, key, this.query, this.binder),
							(key, value) -> rowValue(key, value, this.query, this.binder)));
			}
			List<String> groupKeys = new ArrayList<>();
			if (this.query.interval() != null) {
				groupKeys.add("t");
			}
			this.query.groupBy().forEach((expression) -> groupKeys.add(alias(expression)));
			if (aggregated && !groupKeys.isEmpty()) {
				sql.append(" GROUP BY ").append(String.join(", ", groupKeys));
			}
			if (!groupConditions.isEmpty()) {
				sql.append(" HAVING ")
					.append(condition(this.dataset, new Condition.AllOf(groupConditions), this.binder));
			}
			String order = order(sortKeys, backward);
			if (cursor.keyed() && seekGroups) {
				sql = new StringBuilder("SELECT * FROM (").append(sql)
					.append(") AS s WHERE ")
					.append(seek(sortKeys, cursor.key(), backward, this::keyAlias,
							(key, value) -> outputValue(this.query, key, value, this.binder)));
			}
			if (!this.query.perGroupBy().isEmpty()) {
				List<String> partition = this.query.perGroupBy().stream().map(this::alias).toList();
				String ranked = "SELECT *, row_number() OVER (PARTITION BY " + String.join(", ", partition)
						+ " ORDER BY " + order + ") AS r FROM (" + sql + ") AS q";
				sql = new StringBuilder("SELECT * FROM (").append(ranked)
					.append(") AS w WHERE r <= ")
					.append(this.binder.bind((long) this.query.perGroup()));
			}
			sql.append(" ORDER BY ").append(order);
			// One row more than the page tells whether there is a next one.
			sql.append(" LIMIT ").append(this.binder.bind((long) this.query.limit() + 1));
			sql.append(" OFFSET ").append(this.binder.bind((long) this.query.offset()));
			return sql.toString();
		}

		/**
		 * The index of an expression's column in the select list, adding it when new.
		 */
		private int column(Expression expression) {
			Integer index = this.columns.get(expression);
			if (index == null) {
				index = this.selectList.size();
				String alias = "c" + this.columns.size();
				this.selectList.add(output(this.dataset, expression, this.binder) + " AS " + alias);
				this.outputs.add(new CompiledQuery.Output(alias, kind(expression)));
				this.columns.put(expression, index);
			}
			return index;
		}

		private String alias(Expression expression) {
			return this.outputs.get(column(expression)).alias();
		}

		private String keyAlias(Query.SortKey key) {
			return key.bucket() ? "t" : alias(Objects.requireNonNull(key.expression()));
		}

		/**
		 * The total order ({@link Query#sortKeys()}), reversed for a backward page.
		 */
		private String order(List<Query.SortKey> sortKeys, boolean backward) {
			List<String> keys = new ArrayList<>();
			for (Query.SortKey key : sortKeys) {
				keys.add(keyAlias(key) + ((key.descending() != backward) ? " DESC" : " ASC")
						+ (backward ? " NULLS FIRST" : " NULLS LAST"));
			}
			if (keys.isEmpty()) {
				// One group (only aggregates selected): any order is total.
				keys.add("1");
			}
			return String.join(", ", keys);
		}

	}

	/**
	 * Collects parameters in placeholder order, for the query being compiled (whose
	 * range, buckets and extrapolation some functions read).
	 */
	private static final class Binder {

		private final SqlDialect dialect;

		private final List<Object> values = new ArrayList<>();

		/** The query being compiled, or null for conditions compiled alone. */
		private final @Nullable Query query;

		Binder(SqlDialect dialect) {
			this(dialect, null);
		}

		Binder(SqlDialect dialect, @Nullable Query query) {
			this.dialect = dialect;
			this.query = query;
		}

		String bind(String value) {
			return add(value, ParameterType.STRING);
		}

		String bind(long value) {
			return add(value, ParameterType.INT64);
		}

		String bind(double value) {
			return add(value, ParameterType.FLOAT64);
		}

		private String add(Object value, ParameterType type) {
			this.values.add(value);
			return this.dialect.placeholder(this.values.size() - 1, type);
		}

	}

}
