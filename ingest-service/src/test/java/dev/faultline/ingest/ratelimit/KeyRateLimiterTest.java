package dev.faultline.ingest.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.faultline.ingest.auth.AuthenticatedKey;
import dev.faultline.storage.metadata.KeyRateLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRateLimiterTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:00:10Z"));

	private final KeyRateLimiter limiter = new KeyRateLimiter(this.clock);

	private final AuthenticatedKey key = new AuthenticatedKey(1, "k", new KeyRateLimit(3, Duration.ofMinutes(1)));

	@Test
	void countsPerCategoryAndRefusesWhatWouldExceedTheLimit() {
		assertThat(this.limiter.acquire(this.key, Map.of("error", 2, "transaction", 3))).isEmpty();
		assertThat(this.limiter.acquire(this.key, Map.of("error", 2))).containsExactly(Map.entry("error", 50L));
		// The refused request took nothing: one error still fits.
		assertThat(this.limiter.acquire(this.key, Map.of("error", 1))).isEmpty();
		assertThat(this.limiter.acquire(this.key, Map.of("error", 1, "transaction", 1, "span", 1)))
			.containsOnlyKeys("error", "transaction");
	}

	@Test
	void windowsAreAlignedToTheEpochAndReset() {
		assertThat(this.limiter.acquire(this.key, Map.of("error", 3))).isEmpty();
		this.clock.now = Instant.parse("2026-11-25T01:00:59.500Z");
		assertThat(this.limiter.acquire(this.key, Map.of("error", 1))).containsExactly(Map.entry("error", 1L));
		this.clock.now = Instant.parse("2026-11-25T01:01:00Z");
		assertThat(this.limiter.acquire(this.key, Map.of("error", 3))).isEmpty();
	}

	@Test
	void keysWithoutALimitAndOtherKeysAreIndependent() {
		AuthenticatedKey unlimited = new AuthenticatedKey(1, "free");
		AuthenticatedKey other = new AuthenticatedKey(2, "other", new KeyRateLimit(3, Duration.ofMinutes(1)));

		assertThat(this.limiter.acquire(unlimited, Map.of("error", 1_000_000))).isEmpty();
		assertThat(this.limiter.acquire(this.key, Map.of("error", 3))).isEmpty();
		assertThat(this.limiter.acquire(other, Map.of("error", 3))).isEmpty();
	}

	@Test
	void rendersSentrysHeaderGroupingEqualWaits() {
		assertThat(RateLimitHeaders.render(Map.of("error", 60L, "span", 60L, "session", 3600L)))
			.isEqualTo("60:error;span:key:key_quota, 3600:session:key:key_quota");
		assertThat(RateLimitHeaders.retryAfter(Map.of("error", 60L, "session", 3600L))).isEqualTo(3600);
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
