package dev.faultline.ingest.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.storage.metadata.KeyRateLimit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Enforces each key's {@link KeyRateLimit} per data category in fixed windows aligned to
 * the epoch (a 60 s limit resets at every full minute). Counting is in this process only:
 * with N ingest replicas behind a balancer a key may get up to N times its limit. That is
 * the price of answering from memory without a shared counter on the request path; Relay
 * makes the same trade for its local cache of quotas. Thread-safe.
 */
@Component
public class KeyRateLimiter {

	/** Above this many windows, expired ones are swept when a new one is created. */
	private static final int SWEEP_THRESHOLD = 10_000;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	@Autowired
	public KeyRateLimiter() {
		this(Clock.systemUTC());
	}

	KeyRateLimiter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Takes {@code quantities} (items per category) from the key's windows. Categories
	 * that would exceed the limit take nothing and are returned; the others are consumed.
	 * @return the refused categories with the seconds until their window ends (at least
	 * 1), sorted by category; empty when everything passes or the key has no limit
	 */
	public Map<String, Long> acquire(AuthenticatedKey key, Map<String, Integer> quantities) {
		KeyRateLimit limit = key.rateLimit();
		if (limit == null || quantities.isEmpty()) {
			return Map.of();
		}
		long now = this.clock.millis();
		long windowMillis = limit.window().toMillis();
		long start = now - Math.floorMod(now, windowMillis);
		Map<String, Long> refused = new TreeMap<>();
		for (Map.Entry<String, Integer> entry : quantities.entrySet()) {
			String id = key.publicKey() + '\u0000' + entry.getKey();
			Window window = this.windows.get(id);
			if (window == null) {
				sweepIfLarge(now);
				window = this.windows.computeIfAbsent(id, (k) -> new Window());
			}
			if (!window.tryTake(start, windowMillis, limit.count(), entry.getValue())) {
				long retryAfter = Math.max(1, (start + windowMillis - now + 999) / 1000);
				refused.put(entry.getKey(), retryAfter);
			}
		}
		return refused;
	}

	private void sweepIfLarge(long now) {
		if (this.windows.size() > SWEEP_THRESHOLD) {
			this.windows.values().removeIf((window) -> window.expiredAt(now));
		}
	}

	/**
	 * One key's count in one category within the current window.
	 */
	private static final class Window {

		private long start = Long.MIN_VALUE;

		private long end = Long.MIN_VALUE;

		private long used;

		synchronized boolean tryTake(long windowStart, long windowMillis, long limit, long quantity) {
			if (windowStart != this.start) {
				this.start = windowStart;
				this.end = windowStart + windowMillis;
				this.used = 0;
			}
			if (this.used + quantity > limit) {
				return false;
			}
			this.used += quantity;
			return true;
		}

		synchronized boolean expiredAt(long now) {
			return now >= this.end;
		}

	}

}
