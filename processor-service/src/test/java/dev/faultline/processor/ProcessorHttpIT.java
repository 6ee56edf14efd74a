package dev.faultline.processor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor service over HTTP, as the compose healthcheck and the Helm probes reach
 * it: {@code /actuator/health} answers UP on its port, and the actuator beyond health
 * needs the management token like the other services.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProcessorHttpIT {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("faultline.data-dir", dataDir::toString);
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthAnswersOnItsPortAndMetricsNeedTheToken() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");

		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
