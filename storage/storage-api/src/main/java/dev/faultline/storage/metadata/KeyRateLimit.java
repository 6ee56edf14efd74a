package dev.faultline.storage.metadata;

import java.time.Duration;
import java.util.Objects;

/**
 * How many items a client key may send per window, per data category (errors,
 * transactions, sessions, … each get the full count). A key without one is unlimited.
 *
 * @param count items accepted per window and category, at least 1
 * @param window the window length, whole seconds, at least one second (Sentry's UI offers
 * a minute, an hour and a day)
 */
public record KeyRateLimit(long count, Duration window) {

	public KeyRateLimit {
		Objects.requireNonNull(window, "window");
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1 but was " + count);
		}
		if (window.getSeconds() < 1 || window.getNano() != 0) {
			throw new IllegalArgumentException("window must be whole seconds, at least 1, but was " + window);
		}
	}

}
