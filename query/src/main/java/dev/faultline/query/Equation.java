package dev.faultline.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Arithmetic between numeric columns or between functions (Sentry's Discover equations,
 * {@code equation|count() / count_unique(user) * 100}): {@code + - * /} over operands and
 * numbers, with the usual precedence. Either every operand is a function (the equation is
 * computed per group, after aggregation) or every operand is a numeric column (computed
 * per row); a division by zero is missing (NULL), as in Sentry.
 *
 * @param term the arithmetic
 */
public record Equation(Term term) implements Expression {

	/**
	 * Sentry's prefix of an equation in {@code field}, {@code yAxis} and {@code sort}.
	 */
	public static final String PREFIX = "equation|";

	/** Sentry's limit on the operators of one equation. */
	public static final int MAX_OPERATORS = 10;

	public Equation {
		Objects.requireNonNull(term, "term");
		List<Expression> operands = operands(term);
		if (operands.isEmpty()) {
			throw new IllegalArgumentException("an equation needs at least one field or function");
		}
		if (operators(term) > MAX_OPERATORS) {
			throw new IllegalArgumentException("an equation has at most " + MAX_OPERATORS + " operators");
		}
		boolean functions = operands.get(0).overGroup();
		for (Expression operand : operands) {
			if (operand instanceof Equation) {
				throw new IllegalArgumentException("equations do not nest");
			}
			if (!operand.type().numeric()) {
				throw new IllegalArgumentException("an equation's operands are numeric: " + operand.name());
			}
			if (operand.overGroup() != functions) {
				throw new IllegalArgumentException(
						"an equation's operands are all functions or all columns: " + operand.name());
			}
		}
	}

	/** One part of an equation. */
	public sealed interface Term permits Operand, Number, Binary {

	}

	/**
	 * A column or function operand.
	 *
	 * @param expression a numeric {@link Expression.Field} or {@link Aggregate}
	 */
	public record Operand(Expression expression) implements Term {

		public Operand {
			Objects.requireNonNull(expression, "expression");
		}

	}

	/**
	 * A number.
	 *
	 * @param value a finite value
	 */
	public record Number(double value) implements Term {

		public Number {
			if (!Double.isFinite(value)) {
				throw new IllegalArgumentException("not a finite number: " + value);
			}
		}

	}

	/**
	 * Two terms combined by an operator.
	 *
	 * @param operator the operator
	 * @param left the left term
	 * @param right the right term
	 */
	public record Binary(Operator operator, Term left, Term right) implements Term {

		public Binary {
			Objects.requireNonNull(operator, "operator");
			Objects.requireNonNull(left, "left");
			Objects.requireNonNull(right, "right");
		}

	}

	/** The four operators. */
	public enum Operator {

		/** Addition. */
		PLUS('+', 1),
		/** Subtraction. */
		MINUS('-', 1),
		/** Multiplication. */
		MULTIPLY('*', 2),
		/** Division; by zero it is missing. */
		DIVIDE('/', 2);

		private final char symbol;

		private final int precedence;

		Operator(char symbol, int precedence) {
			this.symbol = symbol;
			this.precedence = precedence;
		}

		/** The operator's character. */
		public char symbol() {
			return this.symbol;
		}

		/** Higher binds tighter. */
		public int precedence() {
			return this.precedence;
		}

	}

	/** The operands, left to right (with repeats). */
	public List<Expression> operands() {
		return operands(this.term);
	}

	@Override
	public boolean overGroup() {
		return operands().get(0).overGroup();
	}

	@Override
	public FieldType type() {
		return FieldType.NUMBER;
	}

	@Override
	public String name() {
		return PREFIX + render(this.term, 0, false);
	}

	private static String render(Term term, int outer, boolean rightOfSame) {
		if (term instanceof Operand operand) {
			return operand.expression().name();
		}
		if (term instanceof Number number) {
			double value = number.value();
			return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
					: String.format(Locale.ROOT, "%s", value);
		}
		Binary binary = (Binary) term;
		int precedence = binary.operator().precedence();
		String text = render(binary.left(), precedence, false) + " " + binary.operator().symbol() + " "
				+ render(binary.right(), precedence, true);
		// Parentheses where the tree differs from left-to-right reading.
		boolean wrap = precedence < outer || (rightOfSame && precedence == outer);
		return wrap ? "(" + text + ")" : text;
	}

	private static List<Expression> operands(Term term) {
		List<Expression> operands = new ArrayList<>();
		collect(term, operands);
		return operands;
	}

	private static void collect(Term term, List<Expression> into) {
		if (term instanceof Operand operand) {
			into.add(operand.expression());
		}
		else if (term instanceof Binary binary) {
			collect(binary.left(), into);
			collect(binary.right(), into);
		}
	}

	private static int operators(Term term) {
		return (term instanceof Binary binary) ? 1 + operators(binary.left()) + operators(binary.right()) : 0;
	}

}
