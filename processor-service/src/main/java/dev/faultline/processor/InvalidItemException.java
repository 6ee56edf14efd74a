package dev.faultline.processor;

/**
 * An envelope item that cannot be processed; it is counted as {@code invalid} and
 * dropped. The message never contains payload data.
 */
final class InvalidItemException extends RuntimeException {

	InvalidItemException(String message) {
		super(message);
	}

}
