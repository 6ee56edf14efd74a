package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser session of a user. Only hashes of the session token and of its CSRF
 * token are stored, so a leaked database does not leak usable sessions.
 *
 * @param tokenHash lower-case hex SHA-256 of the session token; unique
 * @param csrfHash lower-case hex SHA-256 of the session's CSRF token
 * @param expiresAt after this instant the session no longer authenticates
 */
public record Session(long id, long userId, String tokenHash, String csrfHash, Instant dateCreated, Instant expiresAt) {

	public Session {
		Objects.requireNonNull(tokenHash, "tokenHash");
		Objects.requireNonNull(csrfHash, "csrfHash");
		Objects.requireNonNull(dateCreated, "dateCreated");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

}
