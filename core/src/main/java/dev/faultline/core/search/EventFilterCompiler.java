package dev.faultline.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiles the event terms of a query ({@link ClassifiedQuery#eventTerms()}) to one
 * boolean SQL expression over the {@code events} table, for a {@link SqlDialect}. Every
 * value of the query (tag names included) is a bound parameter; the SQL holds only column
 * names, operators and placeholders.
 *
 * <p>
 * Semantics: terms are ANDed. Text is compared exactly and case-sensitively, wildcards
 * with LIKE; a missing field or tag reads as the empty string, so a negated filter
 * matches events without it (as in Sentry). Free text matches title, message or culprit
 * ignoring case. Relative and absolute times compare with the {@code timestamp} column.
 *
 * <p>
 * Stateless and thread-safe.
 */
public final class EventFilterCompiler {

	/**
	 * The expression for no terms: true in both dialects.
	 */
	static final String ALWAYS = "1 = 1";

	private static final List<EventField> FREE_TEXT_FIELDS = List.of(EventField.TITLE, EventField.MESSAGE,
			EventField.CULPRIT);

	private final SqlDialect dialect;

	public EventFilterCompiler(SqlDialect dialect) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
	}

	/**
	 * Compiles terms to a boolean expression.
	 * @param terms event terms ({@link Scope#EVENT}), ANDed
	 * @return the expression ({@code 1 = 1} when there are no terms) and its parameters
	 * @throws IllegalArgumentException when a term is an issue term, which the event
	 * store cannot answer
	 */
	public SqlFragment compile(List<? extends SearchTerm> terms) {
		Binder binder = new Binder(this.dialect);
		List<String> conditions = new ArrayList<>();
		for (SearchTerm term : terms) {
			if (term.scope() != Scope.EVENT) {
				throw new IllegalArgumentException("not an event term (the metadata store answers it): " + term);
			}
			if (term instanceof FreeText text) {
				conditions.add(freeText(text, binder));
			}
			else if (term instanceof Has has) {
				conditions.add(has(has, binder));
			}
			else {
				conditions.add(filter((Filter) term, binder));
			}
		}
		return new SqlFragment(conditions.isEmpty() ? ALWAYS : String.join(" AND ", conditions), binder.values);
	}

	private String freeText(FreeText text, Binder binder) {
		String pattern = LikePatterns.contains(text.text());
		List<String> alternatives = new ArrayList<>();
		for (EventField field : FREE_TEXT_FIELDS) {
			alternatives.add(this.dialect.like(this.dialect.column(field), binder.bind(pattern), true));
		}
		return "(" + String.join(" OR ", alternatives) + ")";
	}

	private String has(Has has, Binder binder) {
		String condition;
		if (has.key().isTag()) {
			condition = this.dialect.tagExists(binder.bind(has.key().name()));
		}
		else if (has.key().kind() == SearchKey.Kind.TIME) {
			// The timestamp is never missing.
			condition = ALWAYS;
		}
		else {
			condition = text(has.key(), binder) + " <> ''";
		}
		return negate(has.negated(), condition);
	}

	private String filter(Filter filter, Binder binder) {
		if (filter.key().kind() == SearchKey.Kind.TIME) {
			return time(filter, binder);
		}
		String expression = text(filter.key(), binder);
		SearchValue value = filter.value();
		if (value instanceof SearchValue.Text text) {
			return expression + (filter.excludes() ? " <> " : " = ") + binder.bind(text.value());
		}
		if (value instanceof SearchValue.Wildcard wildcard) {
			return negate(filter.excludes(),
					this.dialect.like(expression, binder.bind(LikePatterns.wildcard(wildcard.parts())), false));
		}
		if (value instanceof SearchValue.ValueList list) {
			return negate(filter.excludes(), anyOf(expression, list, binder));
		}
		throw new IllegalArgumentException("no event-store comparison for " + filter);
	}

	private String anyOf(String expression, SearchValue.ValueList list, Binder binder) {
		// Placeholders are bound in the order they appear in the SQL (JDBC's ? are
		// positional): the exact values first, as one IN, then each wildcard.
		List<String> exact = new ArrayList<>();
		for (SearchValue value : list.values()) {
			if (value instanceof SearchValue.Text text) {
				exact.add(binder.bind(text.value()));
			}
		}
		List<String> alternatives = new ArrayList<>();
		if (!exact.isEmpty()) {
			alternatives.add(expression + " IN (" + String.join(", ", exact) + ")");
		}
		for (SearchValue value : list.values()) {
			if (value instanceof SearchValue.Wildcard wildcard) {
				alternatives
					.add(this.dialect.like(expression, binder.bind(LikePatterns.wildcard(wildcard.parts())), false));
			}
		}
		return (alternatives.size() == 1) ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
	}

	private String time(Filter filter, Binder binder) {
		String column = this.dialect.column(EventField.TIMESTAMP);
		String condition;
		if (filter.value() instanceof SearchValue.Time time) {
			condition = column + " " + comparison(filter.operator()) + " "
					+ this.dialect.timestamp(binder.bind(time.instant().toEpochMilli()));
		}
		else if (filter.value() instanceof SearchValue.TimeRange range) {
			String from = this.dialect.timestamp(binder.bind(range.from().toEpochMilli()));
			String until = this.dialect.timestamp(binder.bind(range.until().toEpochMilli()));
			condition = "(" + column + " >= " + from + " AND " + column + " < " + until + ")";
		}
		else {
			throw new IllegalArgumentException("no event-store comparison for " + filter);
		}
		// != on a range means outside it; on an instant it is already the <> comparison.
		boolean invert = filter
			.negated() != (filter.operator() == Operator.NOT_EQUALS && filter.value() instanceof SearchValue.TimeRange);
		return negate(invert, condition);
	}

	private static String comparison(Operator operator) {
		return (operator == Operator.NOT_EQUALS) ? "<>" : operator.symbol();
	}

	/**
	 * Returns the never-NULL String expression a text key reads.
	 */
	private String text(SearchKey key, Binder binder) {
		if (key.isTag()) {
			return this.dialect.tagValue(binder.bind(key.name()));
		}
		EventField field = key.eventField().orElseThrow(() -> new IllegalArgumentException("not an event key: " + key));
		if (field == EventField.EVENT_TYPE) {
			return this.dialect.emptyIfNull(
					this.dialect.jsonString(this.dialect.column(field), binder.bind(this.dialect.jsonPath("type"))));
		}
		String column = this.dialect.column(field);
		return field.nullable() ? this.dialect.emptyIfNull(column) : column;
	}

	/**
	 * Negates a condition. A condition starting with a parenthesis is always one group
	 * here (free text, lists, ranges), so it needs no second pair.
	 */
	private static String negate(boolean negate, String condition) {
		if (!negate) {
			return condition;
		}
		return condition.startsWith("(") ? "NOT " + condition : "NOT (" + condition + ")";
	}

	/**
	 * Collects parameters in placeholder order.
	 */
	private static final class Binder {

		private final SqlDialect dialect;

		private final List<Object> values = new ArrayList<>();

		Binder(SqlDialect dialect) {
			this.dialect = dialect;
		}

		String bind(String value) {
			this.values.add(value);
			return this.dialect.placeholder(this.values.size() - 1, SqlType.STRING);
		}

		String bind(long value) {
			this.values.add(value);
			return this.dialect.placeholder(this.values.size() - 1, SqlType.INT64);
		}

	}

}
