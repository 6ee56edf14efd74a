package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Optional;

/**
 * Server-side sign-in sessions, shared by every API replica through the metadata
 * database. Thread-safe.
 */
public interface SessionStore {

	/**
	 * Stores a new session of the user.
	 * @param expiresAt when the session stops authenticating (millisecond precision)
	 * @throws DuplicateException when a session with this token hash exists
	 */
	Session create(long userId, String tokenHash, String csrfHash, Instant expiresAt);

	/**
	 * The session with this token hash, unless it expired before {@code now}: a session
	 * is valid while {@code now < expiresAt}.
	 */
	Optional<Session> findByTokenHash(String tokenHash, Instant now);

	/**
	 * Deletes the session; returns whether one existed.
	 */
	boolean delete(String tokenHash);

	/**
	 * Deletes every session that expired at or before {@code now}; returns how many.
	 */
	int deleteExpired(Instant now);

}
