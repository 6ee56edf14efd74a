package dev.faultline.sdk.jul;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.faultline.sdk.FaultlineClient;
import dev.faultline.sdk.FaultlineOptions;
import dev.faultline.sdk.TransportResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultlineHandlerTest {

	@Test
	void severeRecordsBecomeEventsAndInfoRecordsBreadcrumbs() {
		List<String> sent = new CopyOnWriteArrayList<>();
		try (FaultlineClient client = new FaultlineClient(
				new FaultlineOptions().setDsn("http://key@127.0.0.1:9/1").setTransport((envelope) -> {
					sent.add(new String(envelope, StandardCharsets.UTF_8));
					return new TransportResponse(200, null, null);
				}))) {
			Logger logger = Logger.getLogger("shop.checkout");
			logger.setUseParentHandlers(false);
			FaultlineHandler handler = new FaultlineHandler(client);
			logger.addHandler(handler);
			try {
				logger.fine("too low for anything");
				logger.info("Clicked checkout");
				logger.log(Level.SEVERE, "Checkout failed for {0}", new Object[] { "ord-1" });
				logger.log(Level.SEVERE, "With exception", new IllegalStateException("boom"));
			}
			finally {
				logger.removeHandler(handler);
			}
			assertThat(client.flush(Duration.ofSeconds(10))).isTrue();
		}
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0))
			.contains("\"formatted\":\"Checkout failed for ord-1\"", "\"message\":\"Checkout failed for {0}\"",
					"\"logger\":\"shop.checkout\"", "\"level\":\"error\"", "\"message\":\"Clicked checkout\"")
			.doesNotContain("too low");
		assertThat(sent.get(1)).contains("\"type\":\"IllegalStateException\"", "\"value\":\"boom\"");
	}

	@Test
	void levelsMapToSentryLevels() {
		assertThat(FaultlineHandler.toLevel(Level.SEVERE)).isEqualTo(dev.faultline.sdk.Level.ERROR);
		assertThat(FaultlineHandler.toLevel(Level.WARNING)).isEqualTo(dev.faultline.sdk.Level.WARNING);
		assertThat(FaultlineHandler.toLevel(Level.INFO)).isEqualTo(dev.faultline.sdk.Level.INFO);
		assertThat(FaultlineHandler.toLevel(Level.FINEST)).isEqualTo(dev.faultline.sdk.Level.DEBUG);
	}

}
