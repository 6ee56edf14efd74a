package dev.faultline.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectKey;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web UI needs from the API, over HTTP against the whole application on the
 * embedded adapters: sign-in sessions with CSRF protection next to bearer tokens, client
 * key changes, the organization issue stream with stats, event navigation, and the
 * single-page-app fallback.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + WebUiIT.TOKEN, "faultline.admin.password=" + WebUiIT.PASSWORD,
				"faultline.admin.email=" + WebUiIT.EMAIL, "faultline.public-url=http://errors.example.com" })
class WebUiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "web-ui-test-token-0123456789";

	static final String EMAIL = "admin@example.com";

	static final String PASSWORD = "correct horse battery staple";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	IssueStore issues;

	@Autowired
	EventStore events;

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

	@Test
	void keysAreRenamedDeactivatedAndRevoked() throws Exception {
		Project project = seedProject("keys");
		ProjectKey key = this.projects.createKey(project.id(), "Default", "a".repeat(32), "b".repeat(32));
		String path = "/api/0/projects/faultline/keys/keys/" + key.publicKey() + "/";

		HttpResponse<String> updated = send("PUT", path, bearer(), "{\"name\":\"Browser\",\"isActive\":false}");
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(json(updated).path("id").asString()).isEqualTo(key.publicKey());
		assertThat(json(updated).path("name").asString()).isEqualTo("Browser");
		assertThat(json(updated).path("isActive").asBoolean()).isFalse();
		assertThat(this.projects.findKeyByPublicKey(key.publicKey())).map(ProjectKey::active).contains(false);
		HttpResponse<String> reactivated = send("PUT", path, bearer(), "{\"isActive\":true}");
		assertThat(json(reactivated).path("isActive").asBoolean()).isTrue();
		assertThat(json(reactivated).path("name").asString()).isEqualTo("Browser");

		assertThat(send("DELETE", path, bearer(), null).statusCode()).isEqualTo(204);
		assertThat(this.projects.findKeyByPublicKey(key.publicKey())).isEmpty();
		assertThat(send("DELETE", path, bearer(), null).statusCode()).isEqualTo(404);
		assertThat(send("PUT", path, bearer(), "{\"name\":\"Gone\"}").statusCode()).isEqualTo(404);
	}

	@Test
	void organizationIssuesSpanProjectsWithStats() throws Exception {
		Project web = seedProject("org-web");
		Project backend = seedProject("org-backend");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Issue webIssue = seedIssue(web, "web-hash", now.minus(Duration.ofHours(3)));
		Issue backendIssue = seedIssue(backend, "backend-hash", now.minus(Duration.ofHours(1)));
		seedEvent(web, webIssue, now.minus(Duration.ofHours(3)));
		seedEvent(web, webIssue, now.minus(Duration.ofHours(3)).plusMillis(1));
		seedEvent(backend, backendIssue, now.minus(Duration.ofDays(3)));

		JsonNode both = getJson("/api/0/organizations/faultline/issues/?project=" + web.id() + "&project="
				+ backend.id() + "&query=is:unresolved&sort=date&statsPeriod=24h&limit=25");
		assertThat(both.values()).extracting((issue) -> issue.path("id").asString())
			.containsExactly(Long.toString(backendIssue.id()), Long.toString(webIssue.id()));
		JsonNode webStats = both.path(1).path("stats").path("24h");
		assertThat(webStats.size()).isEqualTo(24);
		long total = 0;
		for (JsonNode point : webStats.values()) {
			assertThat(point.size()).isEqualTo(2);
			assertThat(point.path(0).asLong() % 3600).isZero();
			total += point.path(1).asLong();
		}
		assertThat(total).isEqualTo(2);
		assertThat(both.path(0).path("project").path("slug").asString()).isEqualTo("org-backend");

		JsonNode daily = getJson("/api/0/organizations/faultline/issues/?project=" + backend.id() + "&statsPeriod=14d");
		assertThat(daily.size()).isEqualTo(1);
		assertThat(daily.path(0).path("stats").path("14d").size()).isEqualTo(14);
		assertThat(daily.path(0).path("stats").path("14d").path(10).path(1).asLong()).isEqualTo(1);

		JsonNode all = getJson("/api/0/organizations/faultline/issues/");
		assertThat(all.values()).extracting((issue) -> issue.path("id").asString())
			.contains(Long.toString(backendIssue.id()), Long.toString(webIssue.id()));
		assertThat(all.path(0).has("stats")).isFalse();
		assertThat(send("GET", "/api/0/organizations/faultline/issues/?project=999999", bearer(), null).statusCode())
			.isEqualTo(403);
		assertThat(send("GET", "/api/0/organizations/faultline/issues/?statsPeriod=1y", bearer(), null).statusCode())
			.isEqualTo(400);

		JsonNode detail = getJson("/api/0/issues/" + webIssue.id() + "/");
		assertThat(detail.path("stats").path("24h").size()).isEqualTo(24);
		assertThat(detail.path("stats").path("30d").size()).isEqualTo(30);
		assertThat(detail.path("count").asString()).isEqualTo("1");
		assertThat(detail.path("userCount").isNumber()).isTrue();
		assertThat(detail.path("firstSeen").isString()).isTrue();
		assertThat(detail.path("lastSeen").isString()).isTrue();
		assertThat(detail.path("tags").isArray()).isTrue();
	}

	@Test
	void fullEventsNameThePreviousAndNextEventOfTheirIssue() throws Exception {
		Project project = seedProject("navigation");
		Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
		Issue issue = seedIssue(project, "nav-hash", start);
		String first = seedEvent(project, issue, start);
		String middle = seedEvent(project, issue, start.plusSeconds(60));
		String last = seedEvent(project, issue, start.plusSeconds(120));

		JsonNode latest = getJson("/api/0/issues/" + issue.id() + "/events/latest/");
		assertThat(latest.path("eventID").asString()).isEqualTo(last);
		assertThat(latest.path("previousEventID").asString()).isEqualTo(middle);
		assertThat(latest.path("nextEventID").isNull()).isTrue();

		JsonNode oldest = getJson("/api/0/issues/" + issue.id() + "/events/oldest/");
		assertThat(oldest.path("eventID").asString()).isEqualTo(first);
		assertThat(oldest.path("previousEventID").isNull()).isTrue();
		assertThat(oldest.path("nextEventID").asString()).isEqualTo(middle);

		JsonNode byId = getJson("/api/0/issues/" + issue.id() + "/events/" + middle + "/");
		assertThat(byId.path("previousEventID").asString()).isEqualTo(first);
		assertThat(byId.path("nextEventID").asString()).isEqualTo(last);
		JsonNode inProject = getJson("/api/0/projects/faultline/navigation/events/" + middle + "/");
		assertThat(inProject.path("previousEventID").asString()).isEqualTo(first);
		assertThat(inProject.path("nextEventID").asString()).isEqualTo(last);
	}

	@Test
	void browserNavigationsToAppPathsGetTheApp() throws Exception {
		// What browsers send on a navigation.
		Map<String, String> html = Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		HttpResponse<String> deepLink = send("GET", "/organizations/faultline/issues/12/", html, null);
		HttpResponse<String> index = send("GET", "/index.html", html, null);
		assertThat(deepLink.statusCode()).isEqualTo(index.statusCode());
		assertThat(deepLink.body()).isEqualTo(index.body());
		// The API keeps answering JSON, even to a browser.
		HttpResponse<String> api = send("GET", "/api/0/organizations/", html, null);
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(json(api).path("detail").asString()).isNotEmpty();
		// Not a navigation: no fallback.
		assertThat(send("GET", "/organizations/faultline/", Map.of("Accept", "application/json"), null).statusCode())
			.isEqualTo(404);
	}

	private Project seedProject(String slug) {
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		return this.projects.create(organization.id(), team.id(), slug, slug, "javascript");
	}

	private Issue seedIssue(Project project, String hash, Instant seenAt) {
		Issue issue = this.issues
			.findOrCreate(new NewIssue(project.id(), hash, "TypeError: " + hash, "app.js", "error", "error",
					Map.of("type", "TypeError", "value", hash), seenAt))
			.orElseThrow();
		this.issues.recordOccurrence(new EventOccurrence(issue.id(), project.id(),
				String.format("%032x", hash.hashCode()), seenAt, "error", "id:1", hash, null));
		return this.issues.findById(issue.id()).orElseThrow();
	}

	private String seedEvent(Project project, Issue issue, Instant timestamp) {
		String eventId = UUID.randomUUID().toString().replace("-", "");
		String payload = "{\"event_id\":\"" + eventId + "\",\"level\":\"error\",\"platform\":\"javascript\"}";
		this.events.write(List.of(new StoredEvent(project.id(), eventId, issue.id(), timestamp, timestamp, "javascript",
				"error", issue.title(), issue.culprit(), "", null, null, null, null, Map.of(), null, "hash", "app",
				payload)));
		return eventId;
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", path, bearer(), null);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return json(response);
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
