package dev.faultline.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import dev.faultline.storage.queue.QueuedEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest endpoints over real HTTP (embedded Tomcat, {@link HttpClient}), with port
 * doubles for the queue and the project store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestEndpointIT {

	private static final String KEY = "publickey";

	private final RecordingEnvelopeQueue queue = new RecordingEnvelopeQueue();

	private final InMemoryProjectStore projects = new InMemoryProjectStore().withProject(42, KEY, true)
		.withProject(7, "otherkey", true)
		.putKeyAnd(42, "disabledkey", false);

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	private String base;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(TestApplication.class).initializers((ctx) -> {
			ctx.getBeanFactory().registerSingleton("envelopeQueue", this.queue);
			ctx.getBeanFactory().registerSingleton("projectStore", this.projects);
		})
			.run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
					"--faultline.ingest.max-compressed-size=128KB", "--faultline.ingest.max-envelope-size=512KB",
					"--faultline.ingest.max-event-size=32KB", "--faultline.ingest.max-store-size=32KB",
					"--faultline.ingest.trust-forwarded-for=true");
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.base = "http://127.0.0.1:" + port;
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@BeforeEach
	void clear() {
		this.queue.published().clear();
		this.queue.setFull(false);
	}

	Stream<Path> samples() throws IOException {
		String dir = System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples");
		return Files.list(Path.of(dir)).filter((p) -> p.toString().endsWith(".envelope")).sorted();
	}

	@ParameterizedTest
	@MethodSource("samples")
	void acceptsEveryRecordedSdkEnvelope(Path sample) throws IOException {
		byte[] body = Files.readAllBytes(sample);
		boolean tunnel = sample.getFileName().toString().contains("tunnel");
		String query = tunnel ? "" : "?sentry_version=7&sentry_key=" + KEY;

		HttpResponse<String> response = send(
				post("/api/42/envelope/" + query, body).header("Content-Type", "text/plain;charset=UTF-8"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.queue.published()).hasSize(1);
		QueuedEnvelope queued = this.queue.published().get(0);
		assertThat(queued.body()).isEqualTo(body);
		assertThat(queued.projectId()).isEqualTo(42);
		assertThat(queued.publicKey()).isEqualTo(KEY);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
	}

	@Test
	void answersWithNormalizedEventIdOfTheEnvelope() throws IOException {
		HttpResponse<String> response = send(post("/api/42/envelope/?sentry_key=" + KEY, sample("cli-event.envelope")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"id\":\"e9acf878ed9a4e30998fad1c6db54f05\"}");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
	}

	@Test
	void acceptsJavaStyleGzipWithAuthHeaderAndRecordsRequestMetadata() throws IOException {
		byte[] body = sample("java-event-error.envelope");

		HttpResponse<String> response = send(post("/api/42/envelope/", gzip(body))
			.header("X-Sentry-Auth", "Sentry sentry_version=7,sentry_client=sentry.java/8.62.0,sentry_key=" + KEY)
			.header("Content-Encoding", "gzip")
			.header("Content-Type", "application/x-sentry-envelope")
			.header("User-Agent", "sentry.java/8.62.0")
			.header("X-Forwarded-For", "203.0.113.9, 10.0.0.1"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		QueuedEnvelope queued = this.queue.published().get(0);
		assertThat(queued.body()).isEqualTo(body);
		assertThat(queued.userAgent()).isEqualTo("sentry.java/8.62.0");
		assertThat(queued.clientIp()).isEqualTo("203.0.113.9");
		assertThat(queued.receivedAt()).isNotNull();
	}

	@Test
	void acceptsNodeStyleChunkedBodyWithoutContentType() throws IOException {
		byte[] body = sample("node-event-error.envelope");

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/42/envelope/?sentry_key=" + KEY))
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(gzip(body))))
			.header("Content-Encoding", "gzip"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.queue.published().get(0).body()).isEqualTo(body);
	}

	@Test
	void acceptsDeflateZlibAndRaw() throws IOException {
		byte[] body = sample("node-log.envelope");

		for (boolean raw : new boolean[] { false, true }) {
			HttpResponse<String> response = send(post("/api/42/envelope/?sentry_key=" + KEY, deflate(body, raw))
				.header("Content-Encoding", "deflate"));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		assertThat(this.queue.published()).extracting(QueuedEnvelope::body).containsExactly(body, body);
	}

	@Test
	void acceptsPathsWithoutTrailingSlashAndWithDsnPrefix() throws IOException {
		byte[] body = sample("node-session.envelope");

		for (String path : List.of("/api/42/envelope", "/sentry/api/42/envelope/", "/a/b/api/42/envelope")) {
			assertThat(send(post(path + "?sentry_key=" + KEY, body)).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void rejectsMalformedEnvelopesWith400() throws IOException {
		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, "garbage".getBytes()), 400,
				"invalid_envelope_header");
		assertRejected(
				post("/api/42/envelope/?sentry_key=" + KEY, "{}\n{\"type\":\"event\",\"length\":99}\n{}".getBytes()),
				400, "length_past_end");
		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, "{}\n{not json}\n{}".getBytes()), 400,
				"invalid_item_header");
		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, new byte[0]), 400, "empty");
		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, "{\"event_id\":\"zzz\"}\n".getBytes()), 400,
				"invalid_event_id");
		assertRejected(
				post("/api/42/envelope/?sentry_key=" + KEY, "not gzip".getBytes()).header("Content-Encoding", "gzip"),
				400, "invalid_compression");
		assertRejected(post("/api/x/envelope/?sentry_key=" + KEY, "{}".getBytes()), 400, "invalid_project_id");
		assertThat(this.queue.published()).isEmpty();
	}

	@Test
	void rejectsBadCredentials() throws IOException {
		byte[] body = sample("node-session.envelope");

		assertRejected(post("/api/42/envelope/", body), 403, "missing_auth");
		assertRejected(post("/api/42/envelope/?sentry_key=nosuchkey", body), 401, "unknown_key");
		assertRejected(post("/api/42/envelope/?sentry_key=otherkey", body), 401, "project_key_mismatch");
		assertRejected(post("/api/7/envelope/", sample("node-session-tunnel.envelope")), 401, "project_key_mismatch");
		assertRejected(post("/api/42/envelope/?sentry_key=disabledkey", body), 403, "key_disabled");
		assertRejected(
				post("/api/42/envelope/?sentry_key=" + KEY, body).header("X-Sentry-Auth", "Sentry sentry_key=otherkey"),
				401, "conflicting_auth");
		assertRejected(post("/api/42/envelope/", body).header("X-Sentry-Auth", "Sentry sentry_version=7"), 401,
				"missing_public_key");
		assertThat(this.queue.published()).isEmpty();
	}

	@Test
	void rejectsOversizedBodiesWith413() throws IOException {
		byte[] bigEvent = ("{}\n{\"type\":\"event\"}\n{\"m\":\"" + "x".repeat(40 * 1024) + "\"}").getBytes();
		byte[] bigRequest = ("{}\n{\"type\":\"attachment\"}\n" + "x".repeat(200 * 1024)).getBytes();
		byte[] bomb = gzip(("{}\n{\"type\":\"attachment\"}\n" + "x".repeat(4 * 1024 * 1024)).getBytes());

		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, bigEvent), 413, "event_too_large");
		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, bigRequest), 413, "request_too_large");
		assertRejected(
				HttpRequest.newBuilder(uri("/api/42/envelope/?sentry_key=" + KEY))
					.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigRequest))),
				413, "request_too_large");
		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, bomb).header("Content-Encoding", "gzip"), 413,
				"payload_too_large");
		assertThat(this.queue.published()).isEmpty();
	}

	@Test
	void answers503WhenTheQueueIsFull() throws IOException {
		this.queue.setFull(true);

		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, sample("node-session.envelope")), 503, "queue_full");
	}

	@Test
	void wrapsStoreEventsIntoEnvelopes() throws IOException {
		String event = "{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"message\":\"legacy\"}";

		HttpResponse<String> response = send(post("/api/42/store/", event.getBytes()).header("X-Sentry-Auth",
				"Sentry sentry_key=" + KEY + ", sentry_version=7"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"id\":\"0123456789abcdef0123456789abcdef\"}");
		String queued = new String(this.queue.published().get(0).body(), StandardCharsets.UTF_8);
		assertThat(queued).startsWith("{\"event_id\":\"0123456789abcdef0123456789abcdef\"}\n{\"type\":\"event\"")
			.contains(event);
	}

	@Test
	void rejectsBadStoreBodies() throws IOException {
		assertRejected(post("/api/42/store/?sentry_key=" + KEY, "[1]".getBytes()), 400, "invalid_json");
		assertRejected(post("/api/42/store/?sentry_key=" + KEY, ("{\"m\":\"" + "x".repeat(40_000) + "\"}").getBytes()),
				413, "payload_too_large");
		assertRejected(post("/api/42/store/", "{}".getBytes()), 403, "missing_auth");
	}

	@Test
	void answersCorsPreflight() throws IOException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/42/envelope/?sentry_key=" + KEY))
			.method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", "http://app.example")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type, x-sentry-auth"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, PUT, OPTIONS");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
			.hasValue("content-type, x-sentry-auth");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
	}

	@Test
	void exposesSentryHeadersOnErrorReplies() throws IOException {
		HttpResponse<String> response = send(
				post("/api/42/envelope/?sentry_key=nosuchkey", "{}".getBytes()).header("Origin", "http://app.example"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
			.hasValue("x-sentry-error, x-sentry-rate-limits, retry-after");
	}

	private void assertRejected(HttpRequest.Builder request, int status, String reason) throws IOException {
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("X-Sentry-Error")).hasValue(reason);
		assertThat(response.body()).isEqualTo("{\"detail\":\"" + reason + "\"}");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private HttpRequest.Builder post(String path, byte[] body) {
		return HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofByteArray(body));
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private byte[] sample(String name) throws IOException {
		return Files
			.readAllBytes(samples().filter((p) -> p.getFileName().toString().equals(name)).findFirst().orElseThrow());
	}

	private static byte[] gzip(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] data, boolean raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, raw);
		try (DeflaterOutputStream stream = new DeflaterOutputStream(out, deflater)) {
			stream.write(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deflater.end();
		}
		return out.toByteArray();
	}

	/**
	 * The ingest features without the adapter wiring of {@link IngestModule}: the ports
	 * are registered as singletons by the test.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(IngestConfiguration.class)
	@ComponentScan(basePackages = { "dev.faultline.ingest.envelope", "dev.faultline.ingest.auth",
			"dev.faultline.ingest.body", "dev.faultline.ingest.http" })
	static class TestApplication {

	}

}
