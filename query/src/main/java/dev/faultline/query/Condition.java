package dev.faultline.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A condition rows must meet. Conditions on plain expressions filter rows; a condition on
 * an {@link Aggregate} filters groups (Sentry's {@code count():>10}).
 *
 * <p>
 * Semantics, the same on every engine: text compares exactly and case-sensitively (except
 * {@link Like} with {@code ignoreCase}), a missing text (a NULL column, an absent tag)
 * compares as the empty string, so {@code NOT level = x} also matches rows without a
 * level. Values are typed Java values (String, Long, Double, Instant) checked against the
 * expression's type; they are always bound by the compilers, never written into SQL.
 */
public sealed interface Condition permits Condition.Compare, Condition.In, Condition.Like, Condition.HasTag,
		Condition.Not, Condition.AllOf, Condition.AnyOf {

	/**
	 * A comparison operator.
	 */
	enum Operator {

		EQUALS, NOT_EQUALS, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL

	}

	/**
	 * {@code expression operator value}.
	 *
	 * @param expression what is compared
	 * @param operator the comparison; ordering comparisons need a numeric or date
	 * expression
	 * @param value a value of the expression's type
	 */
	record Compare(Expression expression, Operator operator, Object value) implements Condition {

		public Compare {
			Objects.requireNonNull(expression, "expression");
			Objects.requireNonNull(operator, "operator");
			checkValue(expression, value);
			boolean ordering = operator != Operator.EQUALS && operator != Operator.NOT_EQUALS;
			if (ordering && expression.type() == FieldType.STRING) {
				throw new IllegalArgumentException("text compares for equality only: " + expression.name());
			}
		}

	}

	/**
	 * {@code expression IN (values)}.
	 *
	 * @param expression what is compared
	 * @param values at least one value of the expression's type
	 */
	record In(Expression expression, List<Object> values) implements Condition {

		public In {
			Objects.requireNonNull(expression, "expression");
			values = List.copyOf(values);
			if (values.isEmpty()) {
				throw new IllegalArgumentException("IN needs a value");
			}
			for (Object value : values) {
				checkValue(expression, value);
			}
		}

	}

	/**
	 * A text pattern: the literal {@code parts} in order, any run of characters between
	 * two parts; {@code ["", "x", ""]} contains x, {@code ["x", ""]} starts with x.
	 * Nothing in a part is a wildcard ({@code %}, {@code _}, {@code \} match themselves).
	 *
	 * @param expression a text expression
	 * @param parts at least two literal parts
	 * @param ignoreCase whether to match ignoring case
	 */
	record Like(Expression expression, List<String> parts, boolean ignoreCase) implements Condition {

		public Like {
			Objects.requireNonNull(expression, "expression");
			parts = List.copyOf(parts);
			if (parts.size() < 2) {
				throw new IllegalArgumentException("a pattern has at least two parts: " + parts);
			}
			if (expression.type() != FieldType.STRING) {
				throw new IllegalArgumentException("patterns match text only: " + expression.name());
			}
		}

		/**
		 * Returns the pattern of {@code value} containing {@code text}, a {@code *} in it
		 * standing for any run of characters (Sentry's free text).
		 * @param expression a text expression
		 * @param text the text
		 * @param ignoreCase whether to match ignoring case
		 * @return the condition
		 */
		public static Like contains(Expression expression, String text, boolean ignoreCase) {
			List<String> parts = new java.util.ArrayList<>();
			parts.add("");
			int start = 0;
			for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', start)) {
				parts.add(text.substring(start, star));
				start = star + 1;
			}
			parts.add(text.substring(start));
			parts.add("");
			return new Like(expression, parts, ignoreCase);
		}

	}

	/**
	 * The row has a tag with this key (even with an empty value).
	 *
	 * @param key the tag key
	 */
	record HasTag(String key) implements Condition {

		public HasTag {
			Objects.requireNonNull(key, "key");
		}

	}

	/**
	 * The negation of a condition.
	 *
	 * @param condition the negated condition
	 */
	record Not(Condition condition) implements Condition {

		public Not {
			Objects.requireNonNull(condition, "condition");
		}

	}

	/**
	 * All conditions hold (true when there are none).
	 *
	 * @param conditions the conditions
	 */
	record AllOf(List<Condition> conditions) implements Condition {

		public AllOf {
			conditions = List.copyOf(conditions);
		}

	}

	/**
	 * At least one condition holds (false when there are none).
	 *
	 * @param conditions the conditions
	 */
	record AnyOf(List<Condition> conditions) implements Condition {

		public AnyOf {
			conditions = List.copyOf(conditions);
		}

	}

	/**
	 * Returns whether the condition reads an aggregate (filters groups, not rows).
	 * @return whether an {@link Aggregate} occurs in it
	 */
	default boolean onAggregate() {
		if (this instanceof Compare compare) {
			return compare.expression().overGroup();
		}
		if (this instanceof In in) {
			return in.expression().overGroup();
		}
		if (this instanceof Like like) {
			return like.expression().overGroup();
		}
		if (this instanceof Not not) {
			return not.condition().onAggregate();
		}
		List<Condition> parts = (this instanceof AllOf all) ? all.conditions()
				: (this instanceof AnyOf any) ? any.conditions() : List.of();
		return parts.stream().anyMatch(Condition::onAggregate);
	}

	private static void checkValue(Expression expression, Object value) {
		Objects.requireNonNull(value, "value");
		boolean fits = switch (expression.type()) {
			case STRING -> value instanceof String;
			case INTEGER -> value instanceof Long;
			case NUMBER, DURATION -> value instanceof Double || value instanceof Long;
			case DATE -> value instanceof Instant;
		};
		if (!fits) {
			throw new IllegalArgumentException(expression.name() + " (" + expression.type().metaName()
					+ ") cannot compare with " + value.getClass().getSimpleName() + " " + value);
		}
	}

}
