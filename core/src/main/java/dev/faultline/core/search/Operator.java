package dev.faultline.core.search;

/**
 * The comparison of a {@link Filter}. Text filters use {@link #EQUALS},
 * {@link #NOT_EQUALS} and {@link #IN}; numbers and times use all but {@link #IN}.
 */
public enum Operator {

	EQUALS("="), NOT_EQUALS("!="), GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<="), IN("IN");

	private final String symbol;

	Operator(String symbol) {
		this.symbol = symbol;
	}

	/**
	 * Returns the operator as written in SQL.
	 * @return {@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=} or
	 * {@code IN}
	 */
	public String symbol() {
		return this.symbol;
	}

}
