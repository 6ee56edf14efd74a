package dev.faultline.protocol.auth;

import java.util.Objects;

/**
 * A DSN or client credential that cannot be read. Carries a stable {@link Reason}; the
 * message never contains a secret key.
 */
public class AuthParseException extends RuntimeException {

	private final Reason reason;

	public AuthParseException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why credentials were rejected. Names are stable.
	 */
	public enum Reason {

		/**
		 * A DSN that is not
		 * {@code scheme://public[:secret]@host[:port][/path]/projectId}.
		 */
		INVALID_DSN,

		/** Credentials without a {@code sentry_key}. */
		MISSING_PUBLIC_KEY,

		/**
		 * An {@code X-Sentry-Auth} value that is not a list of {@code key=value} pairs.
		 */
		INVALID_AUTH_HEADER

	}

}
