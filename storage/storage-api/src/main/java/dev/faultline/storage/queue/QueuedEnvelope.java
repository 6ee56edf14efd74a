package dev.faultline.storage.queue;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One accepted envelope as ingest hands it to processing: the decompressed envelope bytes
 * plus what only the HTTP request knew.
 *
 * @param projectId the project the envelope was authenticated for
 * @param publicKey the DSN public key that authenticated it
 * @param receivedAt when ingest received the request (server clock)
 * @param clientIp the client address, used for {@code {{auto}}} user IPs
 * @param userAgent the request's user agent
 * @param body the decompressed envelope, byte-exact (never re-encoded by ingest)
 */
public record QueuedEnvelope(long projectId, String publicKey, Instant receivedAt, @Nullable String clientIp,
		@Nullable String userAgent, byte[] body) {

	public QueuedEnvelope {
		Objects.requireNonNull(publicKey, "publicKey");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(body, "body");
	}

}
