package dev.faultline.protocol.span;

/**
 * A transaction or span payload that cannot be read. The message names what was wrong,
 * never payload text.
 */
public final class SpanDecodeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The outcome reason of every refusal here (Relay's {@code invalid_span}). */
	public static final String REASON = "invalid_span";

	public SpanDecodeException(String message) {
		super(message);
	}

}
