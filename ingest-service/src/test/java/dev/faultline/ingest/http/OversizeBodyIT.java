package dev.faultline.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import dev.faultline.boot.outcome.OutcomeConfiguration;
import dev.faultline.ingest.IngestConfiguration;
import dev.faultline.ingest.InMemoryOutcomeStore;
import dev.faultline.ingest.InMemoryProjectStore;
import dev.faultline.ingest.RecordingEnvelopeQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over-limit bodies reach a client that writes its whole request before reading (as SDK
 * transports do) as a 413 it can read, not as a broken pipe, with the shipped limits (20
 * MB as received, 100 MB decompressed); and {@code Expect: 100-continue} with an
 * over-limit {@code Content-Length} is answered 413 instead of 100. An SDK that sees a
 * network error caches the envelope and sends it again; a 413 makes it drop it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizeBodyIT {

	private static final String KEY = "publickey";

	private static final int MB = 1024 * 1024;

	private final RecordingEnvelopeQueue queue = new RecordingEnvelopeQueue();

	private ConfigurableApplicationContext context;

	private int port;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(TestApplication.class).initializers((ctx) -> {
			ctx.getBeanFactory().registerSingleton("envelopeQueue", this.queue);
			ctx.getBeanFactory()
				.registerSingleton("projectStore", new InMemoryProjectStore().withProject(42, KEY, true));
			ctx.getBeanFactory().registerSingleton("outcomeStore", new InMemoryOutcomeStore());
		}).run("--server.port=0", "--server.address=127.0.0.1");
		this.port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@BeforeEach
	void clear() {
		this.queue.published().clear();
	}

	@Test
	void thirtyMegabyteEnvelopeWrittenInFullIsAnswered413() throws IOException {
		byte[] body = envelopeOfSize(30 * MB);

		RawHttp.Response response = RawHttp.exchange(this.port, post(body.length, null), body);

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.headers()).containsEntry("x-sentry-error", "request_too_large");
		assertThat(this.queue.published()).isEmpty();
	}

	@Test
	void chunkedThirtyMegabyteEnvelopeWrittenInFullIsAnswered413() throws IOException {
		byte[] envelope = envelopeOfSize(30 * MB);
		ByteArrayOutputStream chunked = new ByteArrayOutputStream();
		for (int offset = 0; offset < envelope.length; offset += MB) {
			int length = Math.min(MB, envelope.length - offset);
			chunked.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			chunked.write(envelope, offset, length);
			chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		String head = "POST /api/42/envelope/?sentry_key=" + KEY + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-sentry-envelope\r\nTransfer-Encoding: chunked";

		RawHttp.Response response = RawHttp.exchange(this.port, head, chunked.toByteArray());

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.headers()).containsEntry("x-sentry-error", "request_too_large");
	}

	@Test
	void sixMegabyteGzipBodyInflatingPastTheEnvelopeLimitIsAnswered413() throws IOException {
		// 150 MB of zeros compress to ~150 KB; incompressible bytes behind them bring the
		// body to 6 MB, most of which is still unread when decompression hits the limit.
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(gzip(new byte[150 * MB]));
		byte[] noise = new byte[6 * MB - body.size() - 64 * 1024];
		new Random(24).nextBytes(noise);
		body.writeBytes(gzip(noise));
		assertThat(body.size()).isBetween(5 * MB, 7 * MB);

		RawHttp.Response response = RawHttp.exchange(this.port, post(body.size(), "gzip"), body.toByteArray());

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.headers()).containsEntry("x-sentry-error", "payload_too_large");
	}

	@Test
	void expectContinueWithAnOverLimitContentLengthIsAnswered413Not100() throws IOException {
		RawHttp.Response response = RawHttp.headOnly(this.port, post(30 * MB, null) + "\r\nExpect: 100-continue");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.headers()).containsEntry("x-sentry-error", "request_too_large");
	}

	@Test
	void expectContinueWithinTheLimitStillGets100AndIsAccepted() throws IOException {
		byte[] body = "{}\n{\"type\":\"event\"}\n{\"message\":\"hello\"}\n".getBytes(StandardCharsets.UTF_8);

		RawHttp.Response interim = RawHttp.headOnly(this.port, post(body.length, null) + "\r\nExpect: 100-continue");

		assertThat(interim.status()).isEqualTo(100);
	}

	@Test
	void theConnectionServesTheNextRequestAfterA413() throws IOException {
		byte[] body = envelopeOfSize(30 * MB);
		assertThat(RawHttp.exchange(this.port, post(body.length, null), body).status()).isEqualTo(413);
		byte[] ok = "{}\n{\"type\":\"event\"}\n{\"message\":\"hello\"}\n".getBytes(StandardCharsets.UTF_8);

		assertThat(RawHttp.exchange(this.port, post(ok.length, null), ok).status()).isEqualTo(200);
		assertThat(this.queue.published()).hasSize(1);
	}

	private static String post(long contentLength, String encoding) {
		return "POST /api/42/envelope/?sentry_key=" + KEY + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-sentry-envelope\r\nContent-Length: " + contentLength
				+ ((encoding != null) ? "\r\nContent-Encoding: " + encoding : "");
	}

	/** An event envelope padded with an attachment to {@code size} bytes. */
	private static byte[] envelopeOfSize(int size) {
		String head = "{}\n{\"type\":\"event\"}\n{\"message\":\"big\"}\n";
		int payload = size - head.length() - 64;
		String itemHeader = "{\"type\":\"attachment\",\"length\":" + payload + "}\n";
		byte[] body = new byte[head.length() + itemHeader.length() + payload];
		byte[] prefix = (head + itemHeader).getBytes(StandardCharsets.UTF_8);
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		return body;
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ IngestConfiguration.class, OutcomeConfiguration.class })
	@ComponentScan(basePackages = { "dev.faultline.ingest.envelope", "dev.faultline.ingest.auth",
			"dev.faultline.ingest.body", "dev.faultline.ingest.http", "dev.faultline.ingest.ratelimit" })
	static class TestApplication {

	}

}
