package dev.faultline.query;

import java.util.Objects;

/**
 * A field string ({@code p95(transaction.duration)}, {@code -count()}) that does not name
 * a column, tag or function call of a dataset. The API answers it as a 400 naming the
 * field and the position.
 */
public final class FieldSyntaxException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Why a field string was refused; stable names for clients and tests.
	 */
	public enum Reason {

		/** Not a field string at all: unbalanced parentheses, stray characters, empty. */
		MALFORMED,
		/** A name followed by {@code (…)} that is not one of the dataset's functions. */
		UNKNOWN_FUNCTION,
		/** A function argument that must be a column names none of the dataset's. */
		UNKNOWN_FIELD,
		/** Too many or too few arguments for the function. */
		WRONG_ARGUMENT_COUNT,
		/** An argument of the wrong kind: a non-number level, a level outside [0, 1]. */
		WRONG_ARGUMENT_TYPE,
		/** A column the function cannot read ({@code avg(level)}: not numeric). */
		FUNCTION_NOT_ALLOWED

	}

	private final Reason reason;

	private final String field;

	private final int position;

	/**
	 * @param reason why
	 * @param field the whole field string
	 * @param position the 0-based index in {@code field} where the problem starts
	 * @param detail what is wrong, for people
	 */
	public FieldSyntaxException(Reason reason, String field, int position, String detail) {
		super("Invalid field \"" + field + "\" at position " + position + ": " + detail);
		this.reason = Objects.requireNonNull(reason, "reason");
		this.field = field;
		this.position = position;
	}

	public Reason reason() {
		return this.reason;
	}

	/** The whole field string. */
	public String field() {
		return this.field;
	}

	/** The 0-based index in {@link #field()} where the problem starts. */
	public int position() {
		return this.position;
	}

}
