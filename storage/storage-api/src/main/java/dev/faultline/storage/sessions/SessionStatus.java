package dev.faultline.storage.sessions;

import java.util.Locale;
import java.util.Optional;

/**
 * The status a session update reports, in the order in which a tie between two updates of
 * equal sequence and time is broken (the later constant wins). {@code ok} is an open
 * session; the others end it, except {@code unhandled} (an unhandled error the
 * application survived, as the browser SDK reports it) and {@code errored}, which an
 * update may still follow.
 */
public enum SessionStatus {

	/** Open, nothing went wrong yet. */
	OK,

	/** Ended normally. */
	EXITED,

	/** Ended (or reported) as errored. */
	ERRORED,

	/** An unhandled error the application survived. */
	UNHANDLED,

	/** Ended abnormally (killed, hung; no crash captured). */
	ABNORMAL,

	/** Ended by a crash. */
	CRASHED;

	/** The code stored in the session's version ({@link StoredSession#version()}). */
	public int code() {
		return ordinal();
	}

	/** Sentry's wire name ({@code ok}, {@code exited}…). */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a wire name.
	 * @param name the status as sent
	 * @return the status, or empty for a name Sentry does not define
	 */
	public static Optional<SessionStatus> fromWire(String name) {
		for (SessionStatus status : values()) {
			if (status.wireName().equals(name)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the status of a stored code.
	 * @param code a {@link #code()}
	 * @return the status
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static SessionStatus ofCode(int code) {
		if (code < 0 || code >= values().length) {
			throw new IllegalArgumentException("no session status code " + code);
		}
		return values()[code];
	}

}
