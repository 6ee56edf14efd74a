package dev.faultline.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP transport against a real (JDK) HTTP server: path, headers, gzip, and the
 * rate-limit headers read back.
 */
class HttpTransportTest {

	private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String rateLimits;

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				byte[] raw = body.readAllBytes();
				this.requests.add(Map.of("path", exchange.getRequestURI().getPath(), "auth",
						exchange.getRequestHeaders().getFirst("X-Sentry-Auth"), "encoding",
						exchange.getRequestHeaders().getFirst("Content-Encoding"), "type",
						exchange.getRequestHeaders().getFirst("Content-Type")));
				this.bodies.add(gunzip(raw));
			}
			if (this.rateLimits != null) {
				exchange.getResponseHeaders().add("X-Sentry-Rate-Limits", this.rateLimits);
			}
			exchange.getResponseHeaders().add("Retry-After", "7");
			exchange.sendResponseHeaders(this.status, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void postsGzippedEnvelopesWithTheJavaSdkHeaders() throws IOException {
		Transport transport = Transport.http(Dsn.parse(dsn()));
		this.status = 429;
		this.rateLimits = "60:error:organization";
		TransportResponse response = transport.send("{}\n".getBytes(StandardCharsets.UTF_8));

		assertThat(response).isEqualTo(new TransportResponse(429, "60:error:organization", "7"));
		Map<String, String> request = this.requests.get(0);
		assertThat(request.get("path")).isEqualTo("/prefix/api/42/envelope/");
		assertThat(request.get("auth"))
			.isEqualTo("Sentry sentry_version=7,sentry_client=faultline.java/0.1.0,sentry_key=publickey");
		assertThat(request.get("encoding")).isEqualTo("gzip");
		assertThat(request.get("type")).isEqualTo("application/x-sentry-envelope");
		assertThat(this.bodies.get(0)).isEqualTo("{}\n");
	}

	@Test
	void aClientSendsThroughHttpAndHonoursTheAnswer() {
		this.rateLimits = "60:transaction:organization";
		try (FaultlineClient client = new FaultlineClient(
				new FaultlineOptions().setDsn(dsn()).setTracesSampleRate(1.0))) {
			client.captureMessage("hello over http");
			client.flush(Duration.ofSeconds(10));
			client.startTransaction("dropped", "op").finish();
			client.captureMessage("second");
			client.flush(Duration.ofSeconds(10));
		}
		assertThat(this.bodies).hasSize(2);
		assertThat(this.bodies.get(0)).contains("hello over http");
		assertThat(this.bodies.get(1)).contains("second", "\"type\":\"client_report\"",
				"\"reason\":\"ratelimit_backoff\",\"category\":\"transaction\"");
	}

	private String dsn() {
		return "http://publickey@127.0.0.1:" + this.server.getAddress().getPort() + "/prefix/42";
	}

	private static String gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
