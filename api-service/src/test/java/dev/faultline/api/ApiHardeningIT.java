package dev.faultline.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker probing the API service finds: every {@code /api/0/**} answer is JSON
 * whatever the method or {@code Accept} (no 500, no stack trace in the log), security
 * headers on the UI and the API, and the actuator closed beyond health without the
 * management token.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + ApiHardeningIT.TOKEN,
				"faultline.management.token=" + ApiHardeningIT.MANAGEMENT_TOKEN })
@ExtendWith(OutputCaptureExtension.class)
class ApiHardeningIT extends EmbeddedApplicationTest {

	static final String TOKEN = "hardening-test-token-0123456789";

	static final String MANAGEMENT_TOKEN = "scrape-token-0123456789";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void optionsIsAnswered204WithAllowAndNoCredentials(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		HttpResponse<String> known = send("OPTIONS", "/api/0/organizations/", Map.of());
		HttpResponse<String> unknown = send("OPTIONS", "/api/0/no-such-thing/", Map.of());

		assertThat(known.statusCode()).isEqualTo(204);
		assertThat(known.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET"));
		assertThat(known.body()).isEmpty();
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(detail(unknown)).isEqualTo("The requested resource does not exist");
		assertNoErrorLogged(output.getAll().substring(logged));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "text/html,application/xhtml+xml", "image/png", "application/xml" })
	void anyAcceptGetsJson(String accept, CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		HttpResponse<String> anonymous = send("GET", "/api/0/organizations/", Map.of("Accept", accept));
		HttpResponse<String> authorized = send("GET", "/api/0/organizations/",
				Map.of("Accept", accept, "Authorization", "Bearer " + TOKEN));
		HttpResponse<String> unknown = send("GET", "/api/0/no-such-thing/",
				Map.of("Accept", accept, "Authorization", "Bearer " + TOKEN));
		HttpResponse<String> wrongMethod = send("DELETE", "/api/0/organizations/",
				Map.of("Accept", accept, "Authorization", "Bearer " + TOKEN));

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(detail(anonymous)).isEqualTo("Authentication credentials were not provided.");
		assertThat(authorized.statusCode()).isEqualTo(200);
		assertThat(authorized.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(JsonMapper.builder().build().readTree(authorized.body()).isArray()).isTrue();
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(detail(unknown)).isEqualTo("The requested resource does not exist");
		assertThat(wrongMethod.statusCode()).isEqualTo(405);
		assertThat(detail(wrongMethod)).isNotEmpty();
		assertNoErrorLogged(output.getAll().substring(logged));
	}

	@Test
	void uiAndApiCarrySecurityHeaders() throws Exception {
		for (HttpResponse<String> response : new HttpResponse[] { send("GET", "/", Map.of("Accept", "text/html")),
				send("GET", "/organizations/faultline/issues/", Map.of("Accept", "text/html")),
				send("GET", "/api/0/organizations/", Map.of()),
				send("GET", "/api/0/organizations/", Map.of("Authorization", "Bearer " + TOKEN)) }) {
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
				.hasValueSatisfying((csp) -> assertThat(csp)
					.contains("frame-ancestors 'none'", "script-src 'self'", "object-src 'none'")
					.doesNotContain("unsafe-inline", "unsafe-eval"));
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		}
	}

	/**
	 * The built UI's page needs nothing the policy forbids: no inline script, no inline
	 * style, no script or stylesheet from another origin.
	 */
	@Test
	void theBuiltUiSatisfiesTheContentSecurityPolicy() throws Exception {
		String index = send("GET", "/", Map.of("Accept", "text/html")).body();

		assertThat(index).contains("<script");
		Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(index);
		while (scripts.find()) {
			assertThat(scripts.group(1)).as("external script").containsPattern("src=\"/");
			assertThat(scripts.group(2)).as("no inline code").isBlank();
		}
		assertThat(index).doesNotContain("<style", " style=", "javascript:", "src=\"http", "href=\"http");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/metrics", "/actuator/prometheus", "/actuator/info",
			"/actuator/metrics/jvm.memory.used", "/actuator/health/../metrics" })
	void actuatorBeyondHealthNeedsTheManagementToken(String path) throws Exception {
		HttpResponse<String> anonymous = send("GET", path, Map.of());
		HttpResponse<String> wrongToken = send("GET", path, Map.of("Authorization", "Bearer " + TOKEN));

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(wrongToken.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("jvm", "process");
	}

	@Test
	void actuatorOpensWithTheManagementTokenAndHealthIsOpen() throws Exception {
		Map<String, String> scrape = Map.of("Authorization", "Bearer " + MANAGEMENT_TOKEN);

		assertThat(send("GET", "/actuator/health", Map.of()).statusCode()).isEqualTo(200);
		HttpResponse<String> metrics = send("GET", "/actuator/metrics", scrape);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm.memory.used");
	}

	/** Neither an ERROR line nor a stack trace since the test began. */
	private static void assertNoErrorLogged(String log) {
		assertThat(log).doesNotContain(" ERROR ", "\tat ");
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static @Nullable String detail(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = JsonMapper.builder().build().readTree(response.body());
		return body.path("detail").asString();
	}

}
