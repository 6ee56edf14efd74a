package dev.faultline.processor.pipeline;

import dev.faultline.storage.metadata.OutcomeReasons;

/**
 * An envelope item that cannot be processed; it is dropped as {@code invalid} with
 * {@link #reason()} and parked. The message never contains payload data.
 */
public final class InvalidItemException extends RuntimeException {

	private final String reason;

	/**
	 * @param reason the outcome reason ({@link OutcomeReasons}), a stable code
	 * @param message the cause, never payload content
	 */
	public InvalidItemException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
