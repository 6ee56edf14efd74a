package dev.faultline.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-application tests: each test class runs the API service on a random
 * port over the embedded adapters (SQLite metadata, DuckDB events) in a data directory of
 * its own. Subclasses carry their own {@code @SpringBootTest} with their admin token.
 */
public abstract class EmbeddedApplicationTest {

	@TempDir
	static Path dataDir;

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("faultline.data-dir", () -> dataDir.toString());
	}

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Sends a bodiless request to the running service, as the token's owner (or
	 * anonymously).
	 */
	protected final HttpResponse<String> request(String method, String path, @Nullable String token) throws Exception {
		return request(method, path, token, null);
	}

	/**
	 * Sends a request with a JSON body (none when null) to the running service, as the
	 * token's owner (or anonymously).
	 */
	protected final HttpResponse<String> request(String method, String path, @Nullable String token,
			@Nullable String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The response's JSON body, after checking its status (the body is the failure
	 * message).
	 */
	protected static JsonNode jsonBody(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JsonMapper.builder().build().readTree(response.body());
	}

}
