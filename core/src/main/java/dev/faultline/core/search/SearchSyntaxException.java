package dev.faultline.core.search;

/**
 * A search query that does not follow the syntax. The API answers it with a 400 that
 * names the position, so {@link #position()} is the 0-based character offset in the query
 * text where the problem starts and {@link #reason()} the message without the position.
 */
public final class SearchSyntaxException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int position;

	private final String reason;

	public SearchSyntaxException(int position, String reason) {
		super(reason + " (at position " + position + ")");
		this.position = position;
		this.reason = reason;
	}

	/**
	 * Returns the 0-based character offset in the query text where the problem starts.
	 * @return the offset, between 0 and the query length inclusive
	 */
	public int position() {
		return this.position;
	}

	/**
	 * Returns what is wrong, without the position.
	 * @return a message for a person
	 */
	public String reason() {
		return this.reason;
	}

}
