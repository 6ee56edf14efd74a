package dev.faultline.storage.metadata;

/**
 * A row with the same unique key already exists.
 */
public class DuplicateException extends RuntimeException {

	public DuplicateException(String message) {
		super(message);
	}

}
