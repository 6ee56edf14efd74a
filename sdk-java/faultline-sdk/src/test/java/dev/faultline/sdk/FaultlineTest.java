package dev.faultline.sdk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static entry point and the uncaught-exception handler it installs.
 */
class FaultlineTest {

	private final RecordingTransport transport = new RecordingTransport();

	@AfterEach
	void close() {
		Faultline.close();
	}

	@Test
	void worksBeforeInitAndSendsAfterIt() {
		assertThat(Faultline.isEnabled()).isFalse();
		assertThat(Faultline.captureMessage("ignored")).matches("[0-9a-f]{32}");
		Faultline.init((options) -> options.setDsn("http://key@127.0.0.1:9/1")
			.setUncaughtExceptionHandler(false)
			.setTransport(this.transport));
		Faultline.setTag("t", "v");
		Faultline.addBreadcrumb("crumb");
		String id = Faultline.captureException(new IllegalStateException("boom"));
		assertThat(Faultline.flush(Duration.ofSeconds(10))).isTrue();
		assertThat(this.transport.sent).hasSize(1);
		assertThat(this.transport.sent.get(0).headers().get("event_id").asString()).isEqualTo(id);
		Faultline.close();
		assertThat(Faultline.isEnabled()).isFalse();
	}

	@Test
	void uncaughtExceptionsAreFatalUnhandledEventsAndThePreviousHandlerStillRuns() throws Exception {
		List<Throwable> previous = new CopyOnWriteArrayList<>();
		Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((thread, ex) -> previous.add(ex));
		try {
			Faultline.init(new FaultlineOptions().setDsn("http://key@127.0.0.1:9/1").setTransport(this.transport));
			Thread thread = new Thread(() -> {
				throw new IllegalStateException("crash");
			});
			thread.start();
			thread.join(10_000);
			assertThat(previous).hasSize(1);
			assertThat(this.transport.sent).hasSize(1);
			String payload = new String(this.transport.sent.get(0).items().get(0).payload());
			assertThat(payload).contains("\"level\":\"fatal\"",
					"\"mechanism\":{\"type\":\"UncaughtExceptionHandler\",\"handled\":false,\"exception_id\":0}");
			Faultline.close();
			assertThat(Thread.getDefaultUncaughtExceptionHandler())
				.isNotInstanceOf(UncaughtExceptionHandlerIntegration.class);
		}
		finally {
			Thread.setDefaultUncaughtExceptionHandler(original);
		}
	}

}
