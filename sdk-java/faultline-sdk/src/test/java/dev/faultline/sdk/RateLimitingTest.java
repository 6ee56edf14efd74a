package dev.faultline.sdk;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits as the official SDKs honour them (WIRE.md §4), on an injected clock.
 */
class RateLimitingTest {

	private final MutableClock clock = new MutableClock();

	private final RecordingTransport transport = new RecordingTransport();

	private final FaultlineClient client = new FaultlineClient(
			new FaultlineOptions().setDsn("http://publickey@127.0.0.1:9/42")
				.setTracesSampleRate(1.0)
				.setClock(this.clock)
				.setTransport(this.transport));

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void categoryLimitOn429DropsThatCategoryOnlyAndReportsIt() {
		this.transport.response = new TransportResponse(429, "60:error:organization", null);
		this.client.captureMessage("first");
		flush();
		this.transport.response = new TransportResponse(200, null, null);
		this.client.captureMessage("dropped");
		this.client.captureException(new IllegalStateException("dropped too"));
		this.client.startTransaction("t", "op").finish();
		flush();

		// The refused first event is reported on its own, but that report is refused too
		// (429) and kept; it rides with the two later drops on the transaction's
		// envelope.
		assertThat(this.transport.itemTypes()).containsExactly("event", "client_report", "transaction",
				"client_report");
		JsonNode report = JsonMapper.builder().build().readTree(this.transport.sent.get(2).items().get(1).payload());
		JsonNode discarded = report.get("discarded_events").get(0);
		assertThat(discarded.get("reason").asString()).isEqualTo("ratelimit_backoff");
		assertThat(discarded.get("category").asString()).isEqualTo("error");
		assertThat(discarded.get("quantity").asInt()).isEqualTo(3);
	}

	@Test
	void limitsAreHonouredOn200Too() {
		this.transport.response = new TransportResponse(200, "60:transaction:organization", null);
		this.client.captureMessage("first");
		flush();
		this.client.startTransaction("t", "op").finish();
		this.client.captureMessage("second");
		flush();
		assertThat(this.transport.itemTypes()).containsExactly("event", "event", "client_report");
	}

	@Test
	void limitExpiresWithTheClock() {
		this.transport.response = new TransportResponse(429, "10::organization", null);
		this.client.captureMessage("first");
		flush();
		this.transport.response = new TransportResponse(200, null, null);
		this.client.captureMessage("during");
		this.clock.advance(Duration.ofSeconds(10));
		this.client.captureMessage("after");
		flush();
		assertThat(this.transport.itemTypes()).containsExactly("event", "client_report", "event", "client_report");
	}

	@Test
	void retryAfterAndBare429LimitEverything() {
		RateLimiter limiter = new RateLimiter(this.clock, new ClientReports(this.clock));
		limiter.update(new TransportResponse(429, null, "30"));
		assertThat(limiter.isLimited("error")).isTrue();
		assertThat(limiter.isLimited("transaction")).isTrue();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(limiter.isLimited("error")).isFalse();

		limiter.update(new TransportResponse(429, null, null));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(limiter.isLimited("session")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(limiter.isLimited("session")).isFalse();
	}

	@Test
	void severalLimitsAndCategoriesInOneHeader() {
		RateLimiter limiter = new RateLimiter(this.clock, new ClientReports(this.clock));
		limiter.update(new TransportResponse(200, "60:span;log_item;monitor:organization, 5:error:key:quota", null));
		assertThat(limiter.isLimited("span")).isTrue();
		assertThat(limiter.isLimited("monitor")).isTrue();
		assertThat(limiter.isLimited("error")).isTrue();
		assertThat(limiter.isLimited("transaction")).isFalse();
		assertThat(limiter.isLimited(DataCategory.INTERNAL)).isFalse();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(limiter.isLimited("error")).isFalse();
		assertThat(limiter.isLimited("span")).isTrue();
	}

	private void flush() {
		assertThat(this.client.flush(Duration.ofSeconds(10))).isTrue();
	}

}
