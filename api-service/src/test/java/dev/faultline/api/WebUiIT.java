package dev.faultline.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web UI needs from the API, over HTTP against the whole application on the
 * embedded adapters: sign-in sessions with CSRF protection next to bearer tokens.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + WebUiIT.TOKEN, "faultline.admin.password=" + WebUiIT.PASSWORD,
				"faultline.admin.email=" + WebUiIT.EMAIL, "faultline.public-url=http://errors.example.com" })
class WebUiIT {

	static final String TOKEN = "web-ui-test-token-0123456789";

	static final String EMAIL = "admin@example.com";

	static final String PASSWORD = "correct horse battery staple";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("faultline.data-dir", () -> dataDir.toString());
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void signInGivesASessionThatAuthenticatesUntilSignOut() throws Exception {
		HttpResponse<String> login = send("POST", "/api/0/auth/login/", Map.of(),
				"{\"email\":\"ADMIN@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(json(login).path("user").path("email").asString()).isEqualTo(EMAIL);
		assertThat(json(login).path("user").path("id").isString()).isTrue();
		assertThat(json(login).path("user").has("name")).isTrue();
		List<String> setCookies = login.headers().allValues("Set-Cookie");
		String sessionCookie = setCookies.stream()
			.filter((c) -> c.startsWith("faultline_session="))
			.findFirst()
			.orElseThrow();
		String csrfCookie = setCookies.stream()
			.filter((c) -> c.startsWith("faultline_csrf="))
			.findFirst()
			.orElseThrow();
		assertThat(sessionCookie).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=1209600")
			.doesNotContain("Secure");
		assertThat(csrfCookie).contains("SameSite=Lax", "Path=/").doesNotContain("HttpOnly");
		Map<String, String> cookies = cookies(setCookies);
		assertThat(cookies.get("faultline_session")).matches("[A-Za-z0-9_-]{43}");
		String cookie = "faultline_session=" + cookies.get("faultline_session");
		String csrf = cookies.get("faultline_csrf");

		HttpResponse<String> session = send("GET", "/api/0/auth/session/", Map.of("Cookie", cookie), null);
		assertThat(session.statusCode()).isEqualTo(200);
		assertThat(json(session).path("user").path("email").asString()).isEqualTo(EMAIL);
		assertThat(send("GET", "/api/0/organizations/faultline/", Map.of("Cookie", cookie), null).statusCode())
			.isEqualTo(200);

		// Unsafe methods with the cookie need the CSRF token.
		String create = "{\"name\":\"Session Made\"}";
		HttpResponse<String> noCsrf = send("POST", "/api/0/teams/faultline/faultline/projects/",
				Map.of("Cookie", cookie), create);
		assertThat(noCsrf.statusCode()).isEqualTo(403);
		assertThat(json(noCsrf).path("detail").asString()).isEqualTo("CSRF token missing or incorrect");
		assertThat(send("PUT", "/api/0/issues/1/", Map.of("Cookie", cookie, "X-CSRFToken", "wrong"), "{}").statusCode())
			.isEqualTo(403);
		assertThat(send("POST", "/api/0/teams/faultline/faultline/projects/",
				Map.of("Cookie", cookie, "X-CSRFToken", csrf), create)
			.statusCode()).isEqualTo(201);

		HttpResponse<String> logout = send("POST", "/api/0/auth/logout/", Map.of("Cookie", cookie, "X-CSRFToken", csrf),
				null);
		assertThat(logout.statusCode()).isEqualTo(204);
		assertThat(logout.headers().allValues("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("faultline_session=").contains("Max-Age=0"))
			.anySatisfy((c) -> assertThat(c).startsWith("faultline_csrf=").contains("Max-Age=0"));
		HttpResponse<String> after = send("GET", "/api/0/auth/session/", Map.of("Cookie", cookie), null);
		assertThat(after.statusCode()).isEqualTo(401);
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() throws Exception {
		HttpResponse<String> wrongPassword = send("POST", "/api/0/auth/login/", Map.of(),
				"{\"email\":\"" + EMAIL + "\",\"password\":\"nope\"}");
		HttpResponse<String> unknownEmail = send("POST", "/api/0/auth/login/", Map.of(),
				"{\"email\":\"nobody@example.com\",\"password\":\"" + PASSWORD + "\"}");
		for (HttpResponse<String> response : List.of(wrongPassword, unknownEmail)) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(json(response).path("detail").asString()).isEqualTo("Invalid email or password");
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void withoutCredentialsTheApiAnswers401AndBearerTokensNeedNoCsrf() throws Exception {
		assertThat(send("GET", "/api/0/auth/session/", Map.of(), null).statusCode()).isEqualTo(401);
		assertThat(
				send("GET", "/api/0/organizations/", Map.of("Cookie", "faultline_session=forged"), null).statusCode())
			.isEqualTo(401);
		HttpResponse<String> bearer = send("POST", "/api/0/teams/faultline/faultline/projects/", bearer(),
				"{\"name\":\"Token Made\"}");
		assertThat(bearer.statusCode()).isEqualTo(201);
		assertThat(send("GET", "/api/0/auth/session/", bearer(), null).statusCode()).isEqualTo(200);
		assertThat(send("POST", "/api/0/auth/logout/", Map.of(), null).statusCode()).isEqualTo(204);
	}

	private Map<String, String> bearer() {
		return Map.of("Authorization", "Bearer " + TOKEN);
	}

	private static Map<String, String> cookies(List<String> setCookies) {
		Map<String, String> cookies = new HashMap<>();
		for (String setCookie : setCookies) {
			String pair = setCookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return cookies;
	}

	private HttpResponse<String> send(String method, String path, Map<String, String> headers, @Nullable String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
