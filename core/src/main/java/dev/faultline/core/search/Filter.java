package dev.faultline.core.search;

import java.util.Objects;

/**
 * {@code key:value}: the issue matches when the key compares to the value as the operator
 * says; {@code negated} ({@code !key:value}) inverts the match, so missing values then
 * match too.
 *
 * @param key the canonical key
 * @param operator how the key compares to the value; {@link Operator#IN} exactly when the
 * value is a {@link SearchValue.ValueList}
 * @param value the typed value
 * @param negated whether the filter was written with a leading {@code !}
 */
public record Filter(SearchKey key, Operator operator, SearchValue value, boolean negated) implements SearchTerm {

	public Filter {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(value, "value");
		if ((operator == Operator.IN) != (value instanceof SearchValue.ValueList)) {
			throw new IllegalArgumentException("IN goes with a list, and a list with IN: " + operator + " " + value);
		}
		boolean ordered = value instanceof SearchValue.Number || value instanceof SearchValue.Time;
		boolean equality = operator == Operator.EQUALS || operator == Operator.NOT_EQUALS || operator == Operator.IN;
		if (!ordered && !equality) {
			throw new IllegalArgumentException(operator.symbol() + " compares numbers and times only: " + value);
		}
	}

	/**
	 * Returns a filter {@code key:value} without operator.
	 * @param key the key
	 * @param value the value
	 * @return the filter
	 */
	public static Filter equal(SearchKey key, SearchValue value) {
		return new Filter(key, Operator.EQUALS, value, false);
	}

	/**
	 * Returns whether the filter excludes what matches its positive form: negated with
	 * {@code =}, or not negated with {@code !=} ({@code !key:!=v} is {@code key:v}).
	 * @return whether the match is inverted
	 */
	public boolean excludes() {
		return this.negated != (this.operator == Operator.NOT_EQUALS);
	}

	@Override
	public Scope scope() {
		return this.key.scope();
	}

}
