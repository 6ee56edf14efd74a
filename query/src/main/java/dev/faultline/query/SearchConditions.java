package dev.faultline.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.core.search.Filter;
import dev.faultline.core.search.FreeText;
import dev.faultline.core.search.Has;
import dev.faultline.core.search.Scope;
import dev.faultline.core.search.SearchKey;
import dev.faultline.core.search.SearchParser;
import dev.faultline.core.search.SearchTerm;
import dev.faultline.core.search.SearchValue;

/**
 * Turns the event terms of Sentry's search syntax (core's parser output) into
 * {@link Condition}s over a dataset: the one place search text meets the query model, so
 * no store parses query text.
 *
 * <p>
 * Semantics, as Sentry's: terms are ANDed; {@code key:value} compares exactly,
 * {@code key:a*b} is a pattern, {@code key:[a, b*]} any of the values; a missing field or
 * tag reads as the empty string, so {@code !key:value} matches rows without it;
 * {@code has:key} means present and not empty for a field, present for a tag; free text
 * matches title, message or culprit ignoring case; times compare with {@code timestamp},
 * an absolute date without operator is its whole day or second; numeric columns
 * ({@code transaction.duration:>300}) compare as numbers. Keys the dataset does not
 * declare are tags. Stateless and thread-safe.
 */
public final class SearchConditions {

	private static final List<String> FREE_TEXT_COLUMNS = List.of("title", "message", "culprit");

	private final Dataset dataset;

	public SearchConditions(Dataset dataset) {
		this.dataset = dataset;
	}

	/**
	 * Parses a search and returns the conditions of its event terms (issue terms such as
	 * {@code is:} are left to the metadata store).
	 * @param query the search text
	 * @param now the instant relative times ({@code timestamp:-24h}) count back from
	 * @return the conditions, ANDed
	 * @throws dev.faultline.core.search.SearchSyntaxException when the text is not a
	 * valid search
	 */
	public List<Condition> parse(String query, Instant now) {
		SearchParser parser = new SearchParser(Clock.fixed(now, ZoneOffset.UTC));
		return of(parser.parse(query).classify().eventTerms());
	}

	/**
	 * Returns the conditions of event terms.
	 * @param terms terms of {@link Scope#EVENT}
	 * @return one condition per term, in order (none for {@code has:timestamp})
	 * @throws IllegalArgumentException for an issue term
	 */
	public List<Condition> of(List<? extends SearchTerm> terms) {
		List<Condition> conditions = new ArrayList<>();
		for (SearchTerm term : terms) {
			if (term.scope() != Scope.EVENT) {
				throw new IllegalArgumentException("not an event term (the metadata store answers it): " + term);
			}
			if (term instanceof FreeText text) {
				List<Condition> any = new ArrayList<>();
				for (String column : FREE_TEXT_COLUMNS) {
					any.add(Condition.Like.contains(field(column), text.text(), true));
				}
				conditions.add(new Condition.AnyOf(any));
			}
			else if (term instanceof Has has) {
				has(has).ifPresent(conditions::add);
			}
			else {
				conditions.add(filter((Filter) term));
			}
		}
		return conditions;
	}

	private java.util.Optional<Condition> has(Has has) {
		SearchKey key = has.key();
		Condition present;
		java.util.Optional<Expression> stored = stored(key);
		if (key.isTag() && stored.isEmpty()) {
			present = new Condition.HasTag(key.name());
		}
		else if (stored.isPresent() && stored.get().type() != FieldType.STRING) {
			// A number is present when it is not NULL: every number is at least the
			// least.
			Expression number = stored.get();
			present = new Condition.Compare(number, Condition.Operator.GREATER_OR_EQUAL,
					(number.type() == FieldType.INTEGER) ? (Object) Long.MIN_VALUE : (Object) (-Double.MAX_VALUE));
		}
		else {
			Expression field = field(key);
			if (field.type() == FieldType.DATE) {
				// A timestamp is never missing.
				return has.negated() ? java.util.Optional.of(new Condition.AnyOf(List.of()))
						: java.util.Optional.empty();
			}
			present = new Condition.Compare(field, Condition.Operator.NOT_EQUALS, "");
		}
		return java.util.Optional.of(has.negated() ? new Condition.Not(present) : present);
	}

	private Condition filter(Filter filter) {
		Expression expression = expression(filter.key());
		SearchValue value = filter.value();
		if (value instanceof SearchValue.Time time) {
			return new Condition.Compare(expression, operator(filter.operator()), time.instant());
		}
		if (value instanceof SearchValue.Number number) {
			// transaction.duration:>300, measurements.lcp:<=2500: numbers compare in the
			// column's unit (milliseconds for durations).
			Condition compare = new Condition.Compare(expression, operator(filter.operator()), number.value());
			return filter.negated() ? new Condition.Not(compare) : compare;
		}
		if (value instanceof SearchValue.TimeRange range) {
			Condition within = new Condition.AllOf(
					List.of(new Condition.Compare(expression, Condition.Operator.GREATER_OR_EQUAL, range.from()),
							new Condition.Compare(expression, Condition.Operator.LESS, range.until())));
			// != on a range means outside it; a negation inverts that again.
			boolean outside = filter.negated() != (filter.operator() == dev.faultline.core.search.Operator.NOT_EQUALS);
			return outside ? new Condition.Not(within) : within;
		}
		Condition positive;
		if (value instanceof SearchValue.Text text) {
			positive = new Condition.Compare(expression, Condition.Operator.EQUALS, text.value());
		}
		else if (value instanceof SearchValue.Wildcard wildcard) {
			positive = new Condition.Like(expression, wildcard.parts(), false);
		}
		else if (value instanceof SearchValue.ValueList list) {
			positive = anyOf(expression, list);
		}
		else {
			throw new IllegalArgumentException("no event condition for " + filter);
		}
		return filter.excludes() ? new Condition.Not(positive) : positive;
	}

	private static Condition anyOf(Expression expression, SearchValue.ValueList list) {
		List<Object> exact = new ArrayList<>();
		List<Condition> alternatives = new ArrayList<>();
		for (SearchValue value : list.values()) {
			if (value instanceof SearchValue.Text text) {
				exact.add(text.value());
			}
			else {
				alternatives.add(new Condition.Like(expression, ((SearchValue.Wildcard) value).parts(), false));
			}
		}
		if (!exact.isEmpty()) {
			alternatives.add(0, new Condition.In(expression, exact));
		}
		return (alternatives.size() == 1) ? alternatives.get(0) : new Condition.AnyOf(alternatives);
	}

	private static Condition.Operator operator(dev.faultline.core.search.Operator operator) {
		return switch (operator) {
			case EQUALS -> Condition.Operator.EQUALS;
			case NOT_EQUALS -> Condition.Operator.NOT_EQUALS;
			case GREATER -> Condition.Operator.GREATER;
			case GREATER_OR_EQUAL -> Condition.Operator.GREATER_OR_EQUAL;
			case LESS -> Condition.Operator.LESS;
			case LESS_OR_EQUAL -> Condition.Operator.LESS_OR_EQUAL;
			case IN -> throw new IllegalArgumentException("IN compares a list");
		};
	}

	private Expression expression(SearchKey key) {
		return key.isTag() ? stored(key).orElseGet(() -> Expression.tag(key.name())) : field(key);
	}

	/**
	 * A key core's parser takes for a tag ({@code transaction.op}, {@code span.duration})
	 * that names a stored text or numeric column of this dataset: the column. Numeric
	 * columns only for numeric keys, so a text value never meets a number column.
	 */
	private java.util.Optional<Expression> stored(SearchKey key) {
		if (key.explicitTag()) {
			return java.util.Optional.empty();
		}
		return this.dataset.find(key.name())
			.filter((column) -> column.source() == Column.Source.STORED)
			.filter((column) -> column.type() == FieldType.STRING
					|| (column.type().numeric() && key.kind() == SearchKey.Kind.NUMBER))
			.map(Expression.Field::new);
	}

	private Expression field(SearchKey key) {
		return this.dataset.find(key.name())
			.<Expression>map(Expression.Field::new)
			.orElseGet(() -> Expression.tag(key.name()));
	}

	private Expression field(String column) {
		return Expression.field(this.dataset, column);
	}

}
