package dev.faultline.testing.chdb;

/**
 * The engine rejected a statement.
 *
 * @see #code()
 */
public class ChdbException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int code;

	ChdbException(int code, String message) {
		super(message);
		this.code = code;
	}

	/**
	 * ClickHouse's error code (e.g. 60 for UNKNOWN_TABLE), or 1 when the engine's message
	 * carried none.
	 */
	public int code() {
		return this.code;
	}

}
