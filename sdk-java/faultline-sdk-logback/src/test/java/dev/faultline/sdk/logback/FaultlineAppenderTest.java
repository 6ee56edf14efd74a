package dev.faultline.sdk.logback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.faultline.sdk.FaultlineClient;
import dev.faultline.sdk.FaultlineOptions;
import dev.faultline.sdk.TransportResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultlineAppenderTest {

	@Test
	void errorsBecomeEventsAndInfoBreadcrumbs() {
		List<String> sent = new CopyOnWriteArrayList<>();
		try (FaultlineClient client = new FaultlineClient(
				new FaultlineOptions().setDsn("http://key@127.0.0.1:9/1").setTransport((envelope) -> {
					sent.add(new String(envelope, StandardCharsets.UTF_8));
					return new TransportResponse(200, null, null);
				}))) {
			LoggerContext context = new LoggerContext();
			FaultlineAppender appender = new FaultlineAppender();
			appender.setContext(context);
			appender.setClient(client);
			appender.start();
			Logger logger = context.getLogger("shop.checkout");
			logger.setLevel(Level.DEBUG);
			logger.addAppender(appender);

			logger.debug("too low for anything");
			logger.info("Clicked checkout");
			logger.error("Cart {} holds {} items", "cart-77", 3);
			logger.error("Checkout failed", new IllegalStateException("boom", new RuntimeException("cause")));
			assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
			appender.stop();
		}
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0))
			.contains("\"formatted\":\"Cart cart-77 holds 3 items\"", "\"message\":\"Cart {} holds {} items\"",
					"\"logger\":\"shop.checkout\"", "\"message\":\"Clicked checkout\"")
			.doesNotContain("too low");
		assertThat(sent.get(1)).contains("\"type\":\"IllegalStateException\"", "\"type\":\"RuntimeException\"",
				"\"formatted\":\"Checkout failed\"");
	}

	@Test
	void levelsMapToSentryLevels() {
		assertThat(FaultlineAppender.toLevel(Level.ERROR)).isEqualTo(dev.faultline.sdk.Level.ERROR);
		assertThat(FaultlineAppender.toLevel(Level.WARN)).isEqualTo(dev.faultline.sdk.Level.WARNING);
		assertThat(FaultlineAppender.toLevel(Level.TRACE)).isEqualTo(dev.faultline.sdk.Level.DEBUG);
	}

}
