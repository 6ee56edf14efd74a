package dev.faultline.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Envelopes that cannot be sent wait on disk and are sent exactly once later.
 */
class OfflineCacheTest {

	@TempDir
	Path cacheDir;

	private final RecordingTransport transport = new RecordingTransport();

	private FaultlineClient client(int maxItems) {
		return new FaultlineClient(new FaultlineOptions().setDsn("http://publickey@127.0.0.1:9/42")
			.setCacheDirectory(this.cacheDir)
			.setMaxCacheItems(maxItems)
			.setCacheRetryInterval(Duration.ofMillis(50))
			.setTransport(this.transport));
	}

	@Test
	void networkFailuresAreCachedAndSentOnceOnTheNextStart() throws IOException {
		this.transport.networkDown = true;
		FaultlineClient first = client(10);
		String a = first.captureMessage("a");
		String b = first.captureMessage("b");
		first.flush(Duration.ofSeconds(10));
		first.close();
		assertThat(cachedFiles()).hasSize(2);

		this.transport.networkDown = false;
		FaultlineClient second = client(10);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.sent.size() == 2);
		second.flush(Duration.ofSeconds(10));
		second.close();
		assertThat(this.transport.sent).extracting((envelope) -> envelope.headers().get("event_id").asString())
			.containsExactly(a, b);
		assertThat(cachedFiles()).isEmpty();

		FaultlineClient third = client(10);
		third.flush(Duration.ofSeconds(10));
		third.close();
		assertThat(this.transport.sent).as("nothing is sent twice").hasSize(2);
	}

	@Test
	void cachedEnvelopesAreSentWhenTheNetworkReturns() throws IOException {
		FaultlineClient client = client(10);
		this.transport.networkDown = true;
		client.captureMessage("while down");
		client.flush(Duration.ofSeconds(10));
		assertThat(cachedFiles()).hasSize(1);
		this.transport.networkDown = false;
		await().atMost(Duration.ofSeconds(10)).until(() -> this.transport.sent.size() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> cachedFiles().isEmpty());
		client.close();
		assertThat(this.transport.sent).hasSize(1);
	}

	@Test
	void serverErrorsAreCachedAndClientErrorsAreNot() throws IOException {
		FaultlineClient client = client(10);
		this.transport.response = new TransportResponse(503, null, null);
		client.captureMessage("503");
		client.flush(Duration.ofSeconds(10));
		assertThat(cachedFiles()).hasSize(1);
		client.close();

		this.transport.response = new TransportResponse(400, null, null);
		FaultlineClient next = client(10);
		next.captureMessage("400");
		next.flush(Duration.ofSeconds(10));
		next.close();
		assertThat(cachedFiles()).as("a 4xx is final; the cached 503 was answered 400 too").isEmpty();
		assertThat(next.reports().count(DiscardReason.SEND_ERROR, "error")).isEqualTo(2);
	}

	@Test
	void theCacheIsBoundedAndCountsWhatItDrops() throws IOException {
		this.transport.networkDown = true;
		FaultlineClient client = client(2);
		for (int i = 0; i < 5; i++) {
			client.captureMessage("m" + i);
		}
		client.flush(Duration.ofSeconds(10));
		assertThat(cachedFiles()).hasSize(2);
		assertThat(client.reports().count(DiscardReason.CACHE_OVERFLOW, "error")).isEqualTo(3);
		client.close();
	}

	@Test
	void withoutACacheNetworkFailuresAreCountedAndReported() {
		FaultlineClient client = new FaultlineClient(
				new FaultlineOptions().setDsn("http://publickey@127.0.0.1:9/42").setTransport(this.transport));
		this.transport.networkDown = true;
		client.captureMessage("lost");
		client.flush(Duration.ofSeconds(10));
		this.transport.networkDown = false;
		client.flush(Duration.ofSeconds(10));
		client.close();
		assertThat(this.transport.itemTypes()).containsExactly("client_report");
		assertThat(new String(this.transport.sent.get(0).items().get(0).payload()))
			.contains("\"reason\":\"network_error\"", "\"category\":\"error\"", "\"quantity\":1");
	}

	private List<Path> cachedFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.cacheDir)) {
			return files.filter((file) -> file.toString().endsWith(".envelope")).toList();
		}
	}

}
