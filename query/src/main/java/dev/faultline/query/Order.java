package dev.faultline.query;

import java.util.Objects;

/**
 * One key of a query's order. Missing values (NULL) sort last in either direction.
 *
 * @param expression a selected or grouped expression
 * @param descending whether larger values come first
 */
public record Order(Expression expression, boolean descending) {

	public Order {
		Objects.requireNonNull(expression, "expression");
	}

	public static Order asc(Expression expression) {
		return new Order(expression, false);
	}

	public static Order desc(Expression expression) {
		return new Order(expression, true);
	}

}
