package dev.faultline.query;

import java.util.function.BiFunction;

/**
 * Reads the arithmetic of an equation ({@code count() / count_unique(user) * 100}, after
 * {@code equation|}) in one pass, without regular expressions: {@code + -} below
 * {@code * /}, left-associative, parentheses, numbers, and operands read as field strings
 * by {@link FieldParser}. A bare operand ends at whitespace or a closing parenthesis (a
 * name may hold {@code -} and {@code /}, so operators after a bare name are written with
 * spaces, as Sentry's query builder writes them); a function operand ends at its closing
 * parenthesis.
 */
final class EquationParser {

	private final String whole;

	private final String text;

	private final int offset;

	private final BiFunction<String, Integer, Expression> operand;

	private int position;

	/**
	 * @param whole the whole field string (for error positions)
	 * @param text the arithmetic
	 * @param offset where {@code text} starts in {@code whole}
	 * @param operand reads an operand's field string starting at a position of
	 * {@code whole}
	 */
	EquationParser(String whole, String text, int offset, BiFunction<String, Integer, Expression> operand) {
		this.whole = whole;
		this.text = text;
		this.offset = offset;
		this.operand = operand;
	}

	Equation parse() {
		Equation.Term term = sum(0);
		skipSpaces();
		if (this.position < this.text.length()) {
			throw malformed("unexpected '" + this.text.charAt(this.position) + "'");
		}
		try {
			return new Equation(term);
		}
		catch (IllegalArgumentException ex) {
			throw new FieldSyntaxException(FieldSyntaxException.Reason.FUNCTION_NOT_ALLOWED, this.whole, this.offset,
					ex.getMessage());
		}
	}

	private Equation.Term sum(int depth) {
		Equation.Term left = product(depth);
		while (true) {
			skipSpaces();
			Equation.Operator operator = operator('+', Equation.Operator.PLUS, '-', Equation.Operator.MINUS);
			if (operator == null) {
				return left;
			}
			left = new Equation.Binary(operator, left, product(depth));
		}
	}

	private Equation.Term product(int depth) {
		Equation.Term left = factor(depth);
		while (true) {
			skipSpaces();
			Equation.Operator operator = operator('*', Equation.Operator.MULTIPLY, '/', Equation.Operator.DIVIDE);
			if (operator == null) {
				return left;
			}
			left = new Equation.Binary(operator, left, factor(depth));
		}
	}

	private Equation.@org.jspecify.annotations.Nullable Operator operator(char first, Equation.Operator firstOperator,
			char second, Equation.Operator secondOperator) {
		if (this.position >= this.text.length()) {
			return null;
		}
		char c = this.text.charAt(this.position);
		if (c == first || c == second) {
			this.position++;
			return (c == first) ? firstOperator : secondOperator;
		}
		return null;
	}

	private Equation.Term factor(int depth) {
		if (depth > Equation.MAX_OPERATORS) {
			throw malformed("parentheses nest too deep");
		}
		skipSpaces();
		if (this.position >= this.text.length()) {
			throw malformed("an operand is missing");
		}
		char c = this.text.charAt(this.position);
		if (c == '(') {
			this.position++;
			Equation.Term inner = sum(depth + 1);
			skipSpaces();
			if (this.position >= this.text.length() || this.text.charAt(this.position) != ')') {
				throw malformed("a parenthesis is not closed");
			}
			this.position++;
			return inner;
		}
		boolean negative = c == '-' && this.position + 1 < this.text.length()
				&& isNumberStart(this.text.charAt(this.position + 1));
		if (isNumberStart(c) || negative) {
			return number();
		}
		return new Equation.Operand(operandText());
	}

	private static boolean isNumberStart(char c) {
		return (c >= '0' && c <= '9') || c == '.';
	}

	private Equation.Term number() {
		int start = this.position;
		if (this.text.charAt(this.position) == '-') {
			this.position++;
		}
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (!isNumberStart(c)) {
				break;
			}
			this.position++;
		}
		String number = this.text.substring(start, this.position);
		try {
			return new Equation.Number(Double.parseDouble(number));
		}
		catch (IllegalArgumentException ex) {
			this.position = start;
			throw malformed("not a number: " + number);
		}
	}

	private Expression operandText() {
		int start = this.position;
		int depth = 0;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c == '(' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == ']') {
				if (depth == 0) {
					break;
				}
				depth--;
				if (depth == 0) {
					this.position++;
					break;
				}
			}
			else if (depth == 0 && Character.isWhitespace(c)) {
				break;
			}
			this.position++;
		}
		if (depth != 0) {
			throw malformed("a parenthesis is not closed");
		}
		if (this.position == start) {
			throw malformed("an operand is missing");
		}
		return this.operand.apply(this.text.substring(start, this.position), this.offset + start);
	}

	private void skipSpaces() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private FieldSyntaxException malformed(String detail) {
		return new FieldSyntaxException(FieldSyntaxException.Reason.MALFORMED, this.whole, this.offset + this.position,
				detail);
	}

}
