package dev.faultline.storage.queue;

import java.util.Objects;

/**
 * An envelope read from the queue together with its position.
 *
 * @param position where the record sits in the queue, opaque to callers and stable across
 * redeliveries (for logs and dead-letter references)
 * @param envelope the envelope as published
 */
public record QueueRecord(String position, QueuedEnvelope envelope) {

	public QueueRecord {
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(envelope, "envelope");
	}

}
