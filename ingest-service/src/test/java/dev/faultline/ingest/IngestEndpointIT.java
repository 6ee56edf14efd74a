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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import dev.faultline.boot.outcome.OutcomeConfiguration;
import dev.faultline.storage.metadata.KeyRateLimit;
import dev.faultline.storage.queue.QueuedEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	private final InMemoryOutcomeStore outcomes = new InMemoryOutcomeStore();

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	private MeterRegistry meters;

	private String base;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(TestApplication.class).initializers((ctx) -> {
			ctx.getBeanFactory().registerSingleton("envelopeQueue", this.queue);
			ctx.getBeanFactory().registerSingleton("projectStore", this.projects);
			ctx.getBeanFactory().registerSingleton("outcomeStore", this.outcomes);
		})
			.run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
					"--faultline.ingest.max-compressed-size=128KB", "--faultline.ingest.max-envelope-size=512KB",
					"--faultline.ingest.max-event-size=32KB", "--faultline.ingest.max-store-size=32KB",
					"--faultline.ingest.trust-forwarded-for=true", "--faultline.outcomes.flush-interval=100ms");
		this.meters = this.context.getBean(MeterRegistry.class);
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.base = "http://127.0.0.1:" + port;
	}

	@AfterAll
	void stop() {
		this.context.close();
	}

	@BeforeEach
	void clear() {
		this.outcomes.clear();
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

	/** One envelope per item type Sentry SDKs send, plus one nobody knows yet. */
	static final List<String> ITEM_TYPES = List.of("event", "transaction", "span", "session", "sessions", "attachment",
			"user_report", "feedback", "check_in", "log", "client_report", "replay_event", "replay_recording",
			"profile", "profile_chunk", "trace_metric", "statsd", "security", "some_future_type");

	Stream<Arguments> sampleEncodings() throws IOException {
		List<Path> samples = samples().toList();
		return Stream.of(Encodings.values())
			.flatMap((encoding) -> samples.stream().map((sample) -> Arguments.of(sample.getFileName(), encoding)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("sampleEncodings")
	void acceptsEveryRecordedSdkEnvelopeInEveryEncoding(Path sample, Encodings encoding) throws IOException {
		byte[] body = sample(sample.toString());
		boolean tunnel = sample.toString().contains("tunnel");
		HttpRequest.Builder request = post("/api/42/envelope/" + (tunnel ? "" : "?sentry_key=" + KEY),
				encoding.encode(body));
		if (encoding.header() != null) {
			request.header("Content-Encoding", encoding.header());
		}

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.queue.published()).singleElement()
			.satisfies((queued) -> assertThat(queued.body()).isEqualTo(body));
	}

	Stream<Arguments> itemTypeEncodings() {
		return Stream.of(Encodings.values())
			.flatMap((encoding) -> ITEM_TYPES.stream().map((type) -> Arguments.of(type, encoding)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("itemTypeEncodings")
	void acceptsEveryItemTypeInEveryEncoding(String type, Encodings encoding) throws IOException {
		byte[] body = envelopeOf(type);
		HttpRequest.Builder request = post("/api/42/envelope/?sentry_key=" + KEY, encoding.encode(body));
		if (encoding.header() != null) {
			request.header("Content-Encoding", encoding.header());
		}

		HttpResponse<String> response = send(request);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.queue.published()).singleElement()
			.satisfies((queued) -> assertThat(queued.body()).isEqualTo(body));
	}

	@Test
	void acceptsHeaderAndFramingVariants() throws IOException {
		List<String> variants = List.of(
				// empty envelope header, no trailing newline
				"{}\n{\"type\":\"event\"}\n{\"message\":\"a\"}",
				// trailing newline, dashed upper-case event id, ISO sent_at
				"{\"event_id\":\"9EC79C33-EC99-42AB-8353-589FCB2E04DC\",\"sent_at\":\"2026-11-25T01:00:00.123Z\"}\n"
						+ "{\"type\":\"event\"}\n{\"timestamp\":\"2026-11-25T01:00:00Z\"}\n",
				// float epoch timestamps, explicit lengths, an empty payload
				"{\"sent_at\":1764032400.5}\n{\"type\":\"transaction\",\"length\":27}\n"
						+ "{\"timestamp\":1764032400.25}\n{\"type\":\"attachment\",\"length\":0}\n\n",
				// an envelope of only unknown items
				"{}\n{\"type\":\"nobody_knows\",\"x\":[1]}\n{}\n");

		for (String variant : variants) {
			assertThat(send(post("/api/42/envelope/?sentry_key=" + KEY, variant.getBytes(StandardCharsets.UTF_8)))
				.statusCode()).as(variant).isEqualTo(200);
		}
		assertThat(this.queue.published()).hasSize(variants.size());
	}

	Stream<Arguments> hostileInputs() {
		String ok = "?sentry_key=" + KEY;
		byte[] event = "{}\n{\"type\":\"event\"}\n{}".getBytes(StandardCharsets.UTF_8);
		byte[] zeros = new byte[4 * 1024 * 1024];
		byte[] nested = ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n").getBytes(StandardCharsets.UTF_8);
		byte[] invalidUtf8 = { '{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}', '\n' };
		byte[] thirtyMegabytes = new byte[30 * 1024 * 1024];
		return Stream.of(
				hostile("garbage", ok, "\u0000\u0001garbage\nmore".getBytes(), null, 400, "invalid_envelope_header"),
				hostile("bad JSON envelope header", ok, "{\"a\":}\n".getBytes(), null, 400, "invalid_envelope_header"),
				hostile("bad JSON item header", ok, "{}\n{type:event}\n{}".getBytes(), null, 400,
						"invalid_item_header"),
				hostile("item without type", ok, "{}\n{\"length\":2}\n{}".getBytes(), null, 400, "missing_item_type"),
				hostile("length past end", ok, "{}\n{\"type\":\"event\",\"length\":1000}\n{}".getBytes(), null, 400,
						"length_past_end"),
				hostile("negative length", ok, "{}\n{\"type\":\"event\",\"length\":-5}\n{}".getBytes(), null, 400,
						"negative_length"),
				hostile("length not a number", ok, "{}\n{\"type\":\"event\",\"length\":\"2\"}\n{}".getBytes(), null,
						400, "invalid_length"),
				hostile("invalid UTF-8 header", ok, invalidUtf8, null, 400, "invalid_envelope_header"),
				hostile("deeply nested header", ok, nested, null, 400, "too_deeply_nested"),
				hostile("bad gzip", ok, event, "gzip", 400, "invalid_compression"),
				hostile("bad deflate", ok, event, "deflate", 400, "invalid_compression"),
				hostile("bad br", ok, event, "br", 400, "invalid_compression"),
				hostile("bad zstd", ok, event, "zstd", 400, "invalid_compression"),
				hostile("unknown encoding", ok, event, "compress", 415, "unsupported_content_encoding"),
				hostile("30 MB body", ok, thirtyMegabytes, null, 413, "request_too_large"),
				hostile("gzip bomb", ok, Encodings.gzip(zeros), "gzip", 413, "payload_too_large"),
				hostile("deflate bomb", ok, Encodings.deflate(zeros, false), "deflate", 413, "payload_too_large"),
				hostile("zstd bomb", ok, Encodings.ZSTD.encode(zeros), "zstd", 413, "payload_too_large"),
				hostile("br bomb", ok, resource("bomb-64mib.br"), "br", 413, "payload_too_large"),
				hostile("event item over the event limit", ok,
						("{}\n{\"type\":\"event\"}\n{\"m\":\"" + "x".repeat(40 * 1024) + "\"}").getBytes(), null, 413,
						"event_too_large"),
				hostile("wrong key", "?sentry_key=0123456789abcdef0123456789abcdef", event, null, 401, "unknown_key"),
				hostile("key of another project", "?sentry_key=otherkey", event, null, 401, "project_key_mismatch"),
				hostile("disabled key", "?sentry_key=disabledkey", event, null, 403, "key_disabled"),
				hostile("no key", "", event, null, 403, "missing_auth"));
	}

	private static Arguments hostile(String name, String query, byte[] body, String encoding, int status,
			String reason) {
		return Arguments.of(name, query, body, encoding, status, reason);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileInputs")
	void refusesHostileInputWithTheExactClientErrorAndStaysUsable(String name, String query, byte[] body,
			String encoding, int status, String reason) throws IOException {
		HttpRequest.Builder request = post("/api/42/envelope/" + query, body);
		if (encoding != null) {
			request.header("Content-Encoding", encoding);
		}

		assertRejected(request, status, reason);
		assertThat(this.queue.published()).isEmpty();
		HttpResponse<String> good = send(
				post("/api/42/envelope/?sentry_key=" + KEY, sample("node-event-error.envelope")));
		assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
		assertThat(this.queue.published()).hasSize(1);
	}

	@Test
	void refusesAnUnknownProject() throws IOException {
		assertRejected(post("/api/999/envelope/?sentry_key=" + KEY, envelopeOf("event")), 401, "project_key_mismatch");
		this.projects.withProject(43, "orphankey", true).removeProject(43);
		assertRejected(post("/api/43/envelope/?sentry_key=orphankey", envelopeOf("event")), 401, "unknown_key");
	}

	private static byte[] envelopeOf(String type) {
		String payload = switch (type) {
			case "event", "transaction", "feedback" ->
				"{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\",\"timestamp\":1764032400.5}";
			case "attachment", "replay_recording", "profile_chunk" -> "binary\u0000\u00ffdata";
			case "statsd" -> "foo:1|c";
			default -> "{\"type\":\"" + type + "\"}";
		};
		String header = "{\"type\":\"" + type + "\",\"length\":" + payload.getBytes(StandardCharsets.UTF_8).length
				+ ("attachment".equals(type) ? ",\"filename\":\"a.bin\"" : "") + "}";
		return ("{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\",\"sent_at\":\"2026-11-25T01:00:00Z\"}\n" + header
				+ "\n" + payload + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] resource(String name) {
		try (var in = IngestEndpointIT.class.getResourceAsStream("/compression/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void enforcesTheKeyRateLimitPerCategoryWith429AndSentryHeaders() throws IOException {
		this.projects.withProject(50, "limitedkey", true)
			.setKeyRateLimit(50, "limitedkey", new KeyRateLimit(2, Duration.ofHours(1)));
		String path = "/api/50/envelope/?sentry_key=limitedkey";

		assertThat(send(post(path, envelopeOf("event"))).statusCode()).isEqualTo(200);
		assertThat(send(post(path, envelopeOf("event"))).statusCode()).isEqualTo(200);
		HttpResponse<String> limited = send(post(path, envelopeOf("event")));

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("X-Sentry-Error")).hasValue("key_quota");
		long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 3600L);
		assertThat(limited.headers().firstValue("X-Sentry-Rate-Limits")).hasValue(retryAfter + ":error:key:key_quota");
		assertThat(this.queue.published()).hasSize(2);

		// Other categories keep their own count; a partly refused envelope keeps the
		// rest.
		assertThat(send(post(path, envelopeOf("transaction"))).statusCode()).isEqualTo(200);
		byte[] mixed = ("{}\n" + "{\"type\":\"event\"}\n{}\n" + "{\"type\":\"check_in\"}\n{\"status\":\"ok\"}\n")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> partly = send(post(path, mixed));
		assertThat(partly.statusCode()).isEqualTo(200);
		assertThat(partly.headers().firstValue("X-Sentry-Rate-Limits")).hasValue(retryAfter + ":error:key:key_quota");
		String queued = new String(this.queue.published().get(3).body(), StandardCharsets.UTF_8);
		assertThat(queued).contains("check_in").doesNotContain("\"event\"");

		// Client reports are never limited: with every data item refused they are still
		// queued, for the processor to count.
		byte[] reportAndEvent = ("{}\n{\"type\":\"event\"}\n{}\n{\"type\":\"client_report\"}\n"
				+ "{\"discarded_events\":[{\"reason\":\"queue_overflow\",\"category\":\"error\",\"quantity\":3}]}\n")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(send(post(path, reportAndEvent)).statusCode()).isEqualTo(429);
		String reportOnly = new String(this.queue.published().get(4).body(), StandardCharsets.UTF_8);
		assertThat(reportOnly).contains("client_report").doesNotContain("\"event\"");

		await().untilAsserted(
				() -> assertThat(this.outcomes.total(50, "error", "rate_limited", "key_quota")).isEqualTo(3));
		assertThat(this.meters.get("faultline.outcomes")
			.tags("outcome", "rate_limited", "reason", "key_quota", "category", "error")
			.counter()
			.count()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void countsTheItemsOfAnOversizedEnvelopeAsInvalid() throws IOException {
		byte[] big = ("{}\n{\"type\":\"event\"}\n{\"m\":\"" + "x".repeat(40 * 1024) + "\"}\n"
				+ "{\"type\":\"attachment\"}\nabc\n")
			.getBytes(StandardCharsets.UTF_8);

		assertRejected(post("/api/42/envelope/?sentry_key=" + KEY, big), 413, "event_too_large");

		await().untilAsserted(() -> {
			assertThat(this.outcomes.total(42, "error", "invalid", "event_too_large")).isEqualTo(1);
			// Attachments count their bytes, as Sentry counts them.
			assertThat(this.outcomes.total(42, "attachment", "invalid", "event_too_large")).isEqualTo(3);
		});
	}

	@Test
	void unlimitedKeysAreNeverRateLimited() throws IOException {
		for (int i = 0; i < 20; i++) {
			assertThat(send(post("/api/42/envelope/?sentry_key=" + KEY, envelopeOf("event"))).statusCode())
				.isEqualTo(200);
		}
	}

	Stream<Path> clientReportSamples() throws IOException {
		return samples().filter((p) -> p.getFileName().toString().contains("client_report"));
	}

	@ParameterizedTest
	@MethodSource("clientReportSamples")
	void queuesClientReportsForTheProcessorWithoutCountingThem(Path sample) throws IOException {
		assertThat(send(post("/api/42/envelope/?sentry_key=" + KEY, Files.readAllBytes(sample))).statusCode())
			.isEqualTo(200);

		assertThat(this.queue.published()).singleElement()
			.satisfies((queued) -> assertThat(new String(queued.body(), StandardCharsets.UTF_8))
				.contains("client_report"));
		// The processor turns them into client_discard outcomes, once.
		assertThat(this.outcomes.query(List.of(42L), Instant.EPOCH, Instant.now().plusSeconds(3600))).isEmpty();
	}

	@Test
	void acceptsCspAndReportingApiSecurityReports() throws IOException {
		String csp = "{\"csp-report\":{\"document-uri\":\"https://app.example/\",\"violated-directive\":"
				+ "\"script-src\",\"blocked-uri\":\"https://evil.example/x.js\"}}";
		String reports = "[{\"type\":\"csp-violation\",\"age\":10,\"url\":\"https://app.example/\","
				+ "\"body\":{\"blockedURL\":\"inline\",\"effectiveDirective\":\"script-src-elem\"}}]";

		HttpResponse<String> first = send(post("/api/42/security/?sentry_key=" + KEY, csp.getBytes())
			.header("Content-Type", "application/csp-report"));
		HttpResponse<String> second = send(post("/api/42/security/?sentry_key=" + KEY, reports.getBytes())
			.header("Content-Type", "application/reports+json")
			.header("Origin", "https://app.example"));

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(this.queue.published()).hasSize(2);
		assertThat(new String(this.queue.published().get(0).body(), StandardCharsets.UTF_8))
			.isEqualTo("{}\n{\"type\":\"security\",\"length\":" + csp.length() + "}\n" + csp + "\n");
		assertRejected(post("/api/42/security/?sentry_key=" + KEY, "not json".getBytes()), 400, "invalid_json");
		assertRejected(post("/api/42/security/?sentry_key=" + KEY, "{\"a\":".getBytes()), 400, "invalid_json");
		assertRejected(post("/api/42/security/", csp.getBytes()), 403, "missing_auth");
		assertRejected(post("/api/42/security/?sentry_key=nosuchkey", csp.getBytes()), 401, "unknown_key");
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
	@Import({ IngestConfiguration.class, OutcomeConfiguration.class })
	@ComponentScan(basePackages = { "dev.faultline.ingest.envelope", "dev.faultline.ingest.auth",
			"dev.faultline.ingest.body", "dev.faultline.ingest.http", "dev.faultline.ingest.ratelimit" })
	static class TestApplication {

	}

}
