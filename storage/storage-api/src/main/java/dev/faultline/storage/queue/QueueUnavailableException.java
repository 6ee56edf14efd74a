package dev.faultline.storage.queue;

/**
 * The queue could not be reached or did not acknowledge durably in time. Transient.
 */
public class QueueUnavailableException extends RuntimeException {

	public QueueUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
