package dev.faultline.storage.queue;

/**
 * The queue cannot carry an envelope this large (e.g. above Kafka's message size limit).
 * Permanent for this envelope: ingest answers 413.
 */
public class EnvelopeTooLargeException extends RuntimeException {

	public EnvelopeTooLargeException(String message, Throwable cause) {
		super(message, cause);
	}

}
