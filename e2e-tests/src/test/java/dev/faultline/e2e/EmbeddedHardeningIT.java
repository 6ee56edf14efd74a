package dev.faultline.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hardening of the packaged {@code faultline.jar} as an attacker and an operator find
 * it: over-limit bodies answered 413 to clients that write before they read, JSON-only
 * API errors, security headers, the actuator closed beyond health, owner-only data files,
 * and processed payloads gone from the queue file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedHardeningIT {

	private static final String MANAGEMENT_TOKEN = "e2e-scrape-token-0123456789";

	private static final int MB = 1024 * 1024;

	private final HttpClient http = HttpClient.newHttpClient();

	private StandaloneFaultline faultline;

	private FaultlineApi.Project project;

	@BeforeAll
	void start() {
		this.faultline = StandaloneFaultline.start(Map.of("FAULTLINE_MANAGEMENT_TOKEN", MANAGEMENT_TOKEN));
		this.project = this.faultline.api().createProject("faultline", "faultline", "Hardening", "java");
	}

	@AfterAll
	void stop() {
		if (this.faultline != null) {
			this.faultline.close();
		}
	}

	@Test
	void overLimitBodiesAreAnswered413ToClientsThatWriteBeforeReading() throws IOException {
		byte[] thirtyMegabytes = new byte[30 * MB];
		RawHttp.Response plain = RawHttp.exchange(this.faultline.port(), envelopePost(thirtyMegabytes.length, null),
				thirtyMegabytes);
		assertThat(plain.status()).isEqualTo(413);

		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		bomb.writeBytes(gzip(new byte[150 * MB]));
		byte[] noise = new byte[6 * MB - bomb.size() - 64 * 1024];
		new Random(24).nextBytes(noise);
		bomb.writeBytes(gzip(noise));
		RawHttp.Response inflated = RawHttp.exchange(this.faultline.port(), envelopePost(bomb.size(), "gzip"),
				bomb.toByteArray());
		assertThat(inflated.status()).isEqualTo(413);

		RawHttp.Response expect = RawHttp.headOnly(this.faultline.port(),
				envelopePost(30 * MB, null) + "\r\nExpect: 100-continue");
		assertThat(expect.status()).isEqualTo(413);
	}

	@Test
	void theApiAnswersJsonToAnyMethodAndAccept() throws Exception {
		HttpResponse<String> options = send("OPTIONS", "/api/0/organizations/", Map.of());
		HttpResponse<String> html = send("GET", "/api/0/organizations/", Map.of("Accept", "text/html"));
		HttpResponse<String> unknown = send("GET", "/api/0/nothing-here/",
				Map.of("Accept", "text/html", "Authorization", "Bearer " + StandaloneFaultline.TOKEN));

		assertThat(options.statusCode()).isEqualTo(204);
		assertThat(html.statusCode()).isEqualTo(401);
		assertThat(html.body()).startsWith("{\"detail\":");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).startsWith("{\"detail\":");
	}

	@Test
	void uiAndApiSendSecurityHeaders() throws Exception {
		for (String path : List.of("/", "/issues", "/api/0/organizations/")) {
			HttpResponse<String> response = send("GET", path, Map.of("Accept", "text/html"));
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'", "script-src 'self'")
					.doesNotContain("unsafe-inline"));
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
		}
	}

	@Test
	void theActuatorBeyondHealthNeedsTheManagementToken() throws Exception {
		assertThat(send("GET", "/actuator/health", Map.of()).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/metrics", Map.of()).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/actuator/metrics", Map.of("Authorization", "Bearer " + StandaloneFaultline.TOKEN))
			.statusCode()).isEqualTo(401);
		assertThat(send("GET", "/actuator/metrics", Map.of("Authorization", "Bearer " + MANAGEMENT_TOKEN)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void dataFilesAreOwnerOnlyAndProcessedPayloadsLeaveTheQueueFile() throws Exception {
		String marker = "hardening-secret-" + UUID.randomUUID();
		String eventId = UUID.randomUUID().toString().replace("-", "");
		byte[] envelope = ("{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\"}\n{\"event_id\":\"" + eventId
				+ "\",\"platform\":\"java\",\"level\":\"error\",\"message\":\"" + marker + "\"}\n")
			.getBytes(StandardCharsets.UTF_8);
		RawHttp.Response accepted = RawHttp.exchange(this.faultline.port(), envelopePost(envelope.length, null),
				envelope);
		assertThat(accepted.status()).isEqualTo(200);

		ReadBack.awaitIssue(this.faultline.api(), "faultline", this.project.slug(), marker);
		Path data = this.faultline.dataDirectory();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (Path file : queueFiles(data)) {
				assertThat(contains(file, marker)).as(file.toString()).isFalse();
			}
		});

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		for (String name : List.of("queue.db", "metadata.db", "events.duckdb")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name)))).as(name)
				.isEqualTo("rw-------");
		}
	}

	private String envelopePost(long contentLength, String encoding) {
		String key = this.project.dsn().substring("http://".length(), this.project.dsn().indexOf('@'));
		return "POST /api/" + this.project.id() + "/envelope/?sentry_key=" + key + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-sentry-envelope\r\nContent-Length: " + contentLength
				+ ((encoding != null) ? "\r\nContent-Encoding: " + encoding : "");
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.faultline.url() + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<Path> queueFiles(Path data) throws IOException {
		try (Stream<Path> files = Files.list(data)) {
			return files.filter((file) -> file.getFileName().toString().startsWith("queue.db")).toList();
		}
	}

	private static boolean contains(Path file, String marker) throws IOException {
		if (!Files.exists(file)) {
			return false;
		}
		return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
	}

	private static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

}
