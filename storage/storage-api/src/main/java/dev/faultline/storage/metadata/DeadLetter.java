package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * A queued item the processor could not process, parked with its reason instead of
 * blocking the queue.
 *
 * @param id assigned by the store; 0 in a letter about to be parked
 * @param projectId the project the envelope was queued for (not checked: the project may
 * be gone)
 * @param queuePosition the record's position in its queue (a number for the embedded
 * queue, {@code partition:offset} for Kafka)
 * @param itemIndex the item's index in the envelope; -1 when the whole envelope is
 * unreadable
 * @param itemType the item type, {@code envelope} for an unreadable envelope
 * @param reason a stable reason code (e.g. {@code poison}, {@code invalid})
 * @param detail a human-readable cause, never payload content
 * @param payload the item's bytes (the whole envelope for an unreadable one), kept for
 * inspection and replay
 * @param receivedAt when ingest received the envelope
 * @param parkedAt when it was parked
 */
public record DeadLetter(long id, long projectId, String queuePosition, int itemIndex, String itemType, String reason,
		String detail, byte[] payload, Instant receivedAt, Instant parkedAt) {

	public DeadLetter {
		Objects.requireNonNull(queuePosition, "queuePosition");
		Objects.requireNonNull(itemType, "itemType");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(detail, "detail");
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(parkedAt, "parkedAt");
	}

}
