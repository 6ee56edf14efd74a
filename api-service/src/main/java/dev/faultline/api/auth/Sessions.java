package dev.faultline.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Session;
import dev.faultline.storage.metadata.SessionStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Browser sessions kept in the metadata store, so that any API replica can serve any
 * request of a signed-in user. The session and CSRF tokens are 32 random bytes
 * (base64url); only their SHA-256 is stored, like API tokens. Sessions last
 * {@link #LIFETIME} from sign-in; expired rows are deleted at each sign-in, which keeps
 * the table small without a scheduler. Thread-safe.
 */
@Component
class Sessions {

	static final Duration LIFETIME = Duration.ofDays(14);

	private final SessionStore store;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	Sessions(MetadataStores stores) {
		this(stores.sessions(), Clock.systemUTC());
	}

	Sessions(SessionStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Starts a session of the user.
	 */
	NewSession create(long userId) {
		Instant now = this.clock.instant();
		this.store.deleteExpired(now);
		String token = randomToken();
		String csrf = randomToken();
		this.store.create(userId, ApiTokens.hash(token), ApiTokens.hash(csrf), now.plus(LIFETIME));
		return new NewSession(token, csrf);
	}

	/**
	 * The live session of a session token.
	 */
	Optional<Session> find(String token) {
		return this.store.findByTokenHash(ApiTokens.hash(token), this.clock.instant());
	}

	void delete(String token) {
		this.store.delete(ApiTokens.hash(token));
	}

	/**
	 * Whether the CSRF token sent with a request is the session's; compares the hashes in
	 * constant time.
	 */
	static boolean csrfMatches(Session session, @Nullable String csrfToken) {
		if (csrfToken == null || csrfToken.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(ApiTokens.hash(csrfToken).getBytes(StandardCharsets.US_ASCII),
				session.csrfHash().getBytes(StandardCharsets.US_ASCII));
	}

	private String randomToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The tokens of a new session, given to the browser once and never stored.
	 */
	record NewSession(String token, String csrfToken) {

	}

}
