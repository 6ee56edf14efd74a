package dev.faultline.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Throttles failed sign-ins, per account (the email as typed, lower-cased, whether or not
 * an account has it, so the answers do not tell) and per client address: past
 * {@link #ACCOUNT_LIMIT} failures for one email, or {@link #ADDRESS_LIMIT} from one
 * address, within {@link #WINDOW}, further attempts are refused until the window has
 * passed, without checking the password (for any email alike). A successful sign-in
 * clears its account's count.
 *
 * <p>
 * The counts live in this API process: with several replicas, an attacker spread over all
 * of them gets the limits once per replica. The address is the connection's: behind a
 * reverse proxy, set {@code server.forward-headers-strategy=native} (or
 * {@code framework}) so that it is the client's, or every user shares the proxy's limit.
 * Memory is bounded: past {@link #MAX_KEYS} keys, expired windows are dropped, and if
 * none has expired the oldest half is. Thread-safe.
 */
@Component
class LoginThrottle {

	static final int ACCOUNT_LIMIT = 5;

	static final int ADDRESS_LIMIT = 30;

	static final Duration WINDOW = Duration.ofMinutes(5);

	static final int MAX_KEYS = 100_000;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	@Autowired
	LoginThrottle() {
		this(Clock.systemUTC());
	}

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * How long the caller must wait before trying again; zero when they may try now.
	 */
	Duration retryAfter(String email, String address) {
		Instant now = this.clock.instant();
		Duration account = wait(accountKey(email), ACCOUNT_LIMIT, now);
		Duration client = wait(addressKey(address), ADDRESS_LIMIT, now);
		return (account.compareTo(client) >= 0) ? account : client;
	}

	void failed(String email, String address) {
		Instant now = this.clock.instant();
		count(accountKey(email), now);
		count(addressKey(address), now);
		if (this.windows.size() > MAX_KEYS) {
			trim(now);
		}
	}

	void succeeded(String email) {
		this.windows.remove(accountKey(email));
	}

	private Duration wait(String key, int limit, Instant now) {
		Window window = this.windows.get(key);
		if (window == null || window.count() < limit) {
			return Duration.ZERO;
		}
		Instant ends = window.start().plus(WINDOW);
		return now.isBefore(ends) ? Duration.between(now, ends) : Duration.ZERO;
	}

	private void count(String key, Instant now) {
		this.windows.compute(key, (k, window) -> (window == null || !now.isBefore(window.start().plus(WINDOW)))
				? new Window(now, 1) : new Window(window.start(), window.count() + 1));
	}

	private void trim(Instant now) {
		this.windows.values().removeIf((window) -> !now.isBefore(window.start().plus(WINDOW)));
		if (this.windows.size() > MAX_KEYS) {
			Instant median = this.windows.values()
				.stream()
				.map(Window::start)
				.sorted()
				.skip(this.windows.size() / 2)
				.findFirst()
				.orElse(now);
			this.windows.values().removeIf((window) -> window.start().isBefore(median));
		}
	}

	private static String accountKey(String email) {
		return "account:" + email.trim().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private record Window(Instant start, int count) {

	}

}
