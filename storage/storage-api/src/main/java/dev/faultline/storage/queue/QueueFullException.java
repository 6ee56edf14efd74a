package dev.faultline.storage.queue;

/**
 * The queue refused an envelope because its backlog is at capacity. Transient: retry
 * later.
 */
public class QueueFullException extends RuntimeException {

	public QueueFullException(String message) {
		super(message);
	}

}
