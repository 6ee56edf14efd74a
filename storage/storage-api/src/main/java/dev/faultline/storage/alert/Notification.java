package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A notification of the outbox with its delivery state.
 *
 * @param state {@link #PENDING}, {@link #SENT} or {@link #FAILED}
 * @param attempts how many sends were tried
 * @param nextAttempt when a pending notification is due
 * @param lastError why the last attempt failed, or null
 */
public record Notification(long id, NewNotification spec, String state, int attempts, Instant nextAttempt,
		@Nullable String lastError, Instant dateCreated, @Nullable Instant dateSent) {

	/** Not sent yet: due at {@code nextAttempt}. */
	public static final String PENDING = "pending";

	/** Delivered. */
	public static final String SENT = "sent";

	/** Given up on: every attempt failed, or the destination refused it for good. */
	public static final String FAILED = "failed";

	public Notification {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(nextAttempt, "nextAttempt");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
