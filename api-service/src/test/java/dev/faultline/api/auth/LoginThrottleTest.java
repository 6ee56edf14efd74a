package dev.faultline.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private final TestClock clock = new TestClock(Instant.parse("2026-12-07T10:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(this.clock);

	@Test
	void anEmailIsThrottledAfterItsLimitUntilTheWindowEnds() {
		for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
			assertThat(this.throttle.retryAfter("Ann@Example.com", "10.0.0.1")).isZero();
			this.throttle.failed("Ann@Example.com", "10.0.0.1");
		}
		assertThat(this.throttle.retryAfter("ann@example.com", "10.0.0.2")).isEqualTo(LoginThrottle.WINDOW);
		assertThat(this.throttle.retryAfter("bob@example.com", "10.0.0.1")).isZero();
		this.clock.advance(LoginThrottle.WINDOW.minusSeconds(1));
		assertThat(this.throttle.retryAfter("ann@example.com", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.retryAfter("ann@example.com", "10.0.0.2")).isZero();
	}

	@Test
	void anAddressIsThrottledAcrossEmails() {
		for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
			this.throttle.failed("user" + i + "@example.com", "10.0.0.9");
		}
		assertThat(this.throttle.retryAfter("fresh@example.com", "10.0.0.9")).isPositive();
		assertThat(this.throttle.retryAfter("fresh@example.com", "10.0.0.8")).isZero();
	}

	@Test
	void aSuccessClearsTheAccountsCount() {
		for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT - 1; i++) {
			this.throttle.failed("ann@example.com", "10.0.0.1");
		}
		this.throttle.succeeded("ann@example.com");
		this.throttle.failed("ann@example.com", "10.0.0.1");
		assertThat(this.throttle.retryAfter("ann@example.com", "10.0.0.3")).isZero();
	}

	private static final class TestClock extends Clock {

		private Instant now;

		TestClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
