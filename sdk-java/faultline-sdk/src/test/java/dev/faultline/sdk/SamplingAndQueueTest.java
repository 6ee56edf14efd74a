package dev.faultline.sdk;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sampling decisions, their propagation, {@code beforeSend}, and the bounded queue.
 */
class SamplingAndQueueTest {

	private final RecordingTransport transport = new RecordingTransport();

	private FaultlineOptions options() {
		return new FaultlineOptions().setDsn("http://publickey@127.0.0.1:9/42")
			.setRelease("r1")
			.setTransport(this.transport);
	}

	@Test
	void sampleRateZeroSendsNoErrorsAndReportsThem() {
		try (FaultlineClient client = new FaultlineClient(options().setSampleRate(0.0))) {
			client.captureMessage("never");
			client.flush(Duration.ofSeconds(10));
		}
		assertThat(this.transport.itemTypes()).containsExactly("client_report");
		assertThat(new String(this.transport.sent.get(0).items().get(0).payload())).contains("sample_rate");
	}

	@Test
	void beforeSendMayChangeOrDropEvents() {
		try (FaultlineClient client = new FaultlineClient(options()
			.setBeforeSend((event) -> "drop".equals(event.message()) ? null : event.setTransaction("changed")))) {
			client.captureMessage("drop");
			client.captureMessage("keep");
			client.flush(Duration.ofSeconds(10));
			assertThat(client.reports().count(DiscardReason.BEFORE_SEND, "error")).isZero();
		}
		assertThat(this.transport.itemTypes()).containsExactly("event", "client_report");
		assertThat(new String(this.transport.sent.get(0).items().get(0).payload()))
			.contains("\"transaction\":\"changed\"");
	}

	@Test
	void tracesSampleRateDecidesNewTraces() {
		try (FaultlineClient none = new FaultlineClient(options())) {
			assertThat(none.startTransaction("t", "op").isSampled()).isFalse();
		}
		try (FaultlineClient all = new FaultlineClient(options().setTracesSampleRate(1.0))) {
			assertThat(all.startTransaction("t", "op").isSampled()).isTrue();
		}
		try (FaultlineClient zero = new FaultlineClient(options().setTracesSampleRate(0.0))) {
			Transaction transaction = zero.startTransaction("t", "op");
			assertThat(transaction.isSampled()).isFalse();
			assertThat(transaction.toSentryTrace()).endsWith("-0");
			transaction.finish();
			zero.flush(Duration.ofSeconds(10));
			assertThat(zero.reports().count(DiscardReason.SAMPLE_RATE, "transaction")).isZero();
		}
		assertThat(this.transport.itemTypes()).doesNotContain("transaction");
	}

	@Test
	void anIncomingDecisionWinsAndIsPropagated() {
		String traceId = "0123456789abcdef0123456789abcdef";
		try (FaultlineClient client = new FaultlineClient(options().setTracesSampleRate(0.0))) {
			Transaction transaction = client.continueTrace("GET /", "http.server", TraceParent.fromHeaders(
					traceId + "-89abcdef01234567-1", "other=1,sentry-trace_id=" + traceId + ",sentry-sample_rand=0.5"));
			assertThat(transaction.isSampled()).isTrue();
			assertThat(transaction.traceId()).isEqualTo(traceId);
			assertThat(transaction.parentSpanId()).isEqualTo("89abcdef01234567");
			Span child = transaction.startChild("http.client", "GET /down");
			assertThat(child.toSentryTrace()).isEqualTo(traceId + "-" + child.spanId() + "-1");
			assertThat(child.toBaggage()).isEqualTo("sentry-trace_id=" + traceId + ",sentry-sample_rand=0.5");
		}
		try (FaultlineClient client = new FaultlineClient(options().setTracesSampleRate(1.0))) {
			Transaction transaction = client.continueTrace("GET /", "http.server",
					TraceParent.fromHeaders(traceId + "-89abcdef01234567-0", null));
			assertThat(transaction.isSampled()).isFalse();
		}
	}

	@Test
	void aDeferredDecisionUsesTheTracesSampleRandAgainstTheRate() {
		String trace = "0123456789abcdef0123456789abcdef-89abcdef01234567";
		try (FaultlineClient client = new FaultlineClient(options().setTracesSampleRate(0.5))) {
			assertThat(client.continueTrace("a", "op", TraceParent.fromHeaders(trace, "sentry-sample_rand=0.4"))
				.isSampled()).isTrue();
			assertThat(client.continueTrace("a", "op", TraceParent.fromHeaders(trace, "sentry-sample_rand=0.6"))
				.isSampled()).isFalse();
		}
		assertThat(TraceParent.fromHeaders("not-a-trace", null)).isNull();
	}

	@Test
	void baggageOfANewTraceCarriesTheDecision() {
		try (FaultlineClient client = new FaultlineClient(options().setTracesSampleRate(1.0))) {
			Transaction transaction = client.startTransaction("GET /a b", "http.server");
			assertThat(transaction.toBaggage()).contains("sentry-trace_id=" + transaction.traceId(),
					"sentry-public_key=publickey", "sentry-release=r1", "sentry-transaction=GET+%2Fa+b",
					"sentry-sample_rate=1", "sentry-sampled=true");
			assertThat(transaction.toSentryTrace())
				.isEqualTo(transaction.traceId() + "-" + transaction.spanId() + "-1");
		}
	}

	@Test
	void aFullQueueDropsAndReportsTheOverflow() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch entered = new CountDownLatch(1);
		RecordingTransport recording = this.transport;
		Transport blocking = (envelope) -> {
			entered.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IOException(ex);
			}
			return recording.send(envelope);
		};
		try (FaultlineClient client = new FaultlineClient(options().setMaxQueueSize(2).setTransport(blocking))) {
			client.captureMessage("in flight");
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < 5; i++) {
				client.captureMessage("queued or dropped " + i);
			}
			assertThat(client.reports().count(DiscardReason.QUEUE_OVERFLOW, "error")).isEqualTo(3);
			release.countDown();
			assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
		}
		assertThat(this.transport.itemTypes()).containsOnly("event", "client_report").hasSize(4);
		assertThat(this.transport.sent.stream()
			.flatMap((envelope) -> envelope.items().stream())
			.filter((item) -> item.type().equals("client_report"))
			.map((item) -> new String(item.payload()))).singleElement()
			.asString()
			.contains("\"reason\":\"queue_overflow\"", "\"quantity\":3");
	}

}
