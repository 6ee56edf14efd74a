package dev.faultline.api.release;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releases, deploys, repositories and commits through the Web API on the embedded
 * adapters, as sentry-cli and Sentry's clients call them.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + ReleaseApiIT.TOKEN, "faultline.admin.password=admin-password" })
class ReleaseApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "release-token-0123456789abcdef";

	private static final String RELEASES = "/api/0/organizations/faultline/releases/";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	UserStore users;

	@Autowired
	IssueStore issues;

	private final HttpClient http = HttpClient.newHttpClient();

	private Project shop;

	@BeforeEach
	void projects() {
		Organization faultline = faultline();
		this.shop = project(faultline, "shop");
	}

	@Test
	void releasesAreCreatedOnceByVersionListedAndChanged() throws Exception {
		// Projects of this test only, so that other tests' releases stay out of its
		// lists.
		Project alpha = project(faultline(), "alpha");
		Project beta = project(faultline(), "beta");
		String both = RELEASES + "?project=" + alpha.id() + "&project=" + beta.id();
		JsonNode created = json(send("POST", RELEASES, TOKEN, """
				{"version": "alpha@1.2.3+b7", "projects": ["alpha"], "dateStarted": "2026-01-02T03:04:05.678901Z"}"""),
				201);
		assertThat(created.path("version").asString()).isEqualTo("alpha@1.2.3+b7");
		assertThat(created.path("shortVersion").asString()).isEqualTo("1.2.3 (b7)");
		assertThat(created.path("versionInfo").path("package").asString()).isEqualTo("alpha");
		assertThat(created.path("versionInfo").path("version").path("major").asLong()).isEqualTo(1);
		assertThat(created.path("versionInfo").path("version").path("patch").asLong()).isEqualTo(3);
		assertThat(created.path("versionInfo").path("version").path("buildCode").asString()).isEqualTo("b7");
		assertThat(created.path("dateCreated").asString()).endsWith("Z");
		assertThat(created.path("dateStarted").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
		assertThat(created.path("dateReleased").isNull()).isTrue();
		assertThat(created.path("newGroups").asInt()).isZero();
		assertThat(created.path("lastCommit").isNull()).isTrue();
		assertThat(created.path("lastDeploy").isNull()).isTrue();
		assertThat(created.path("status").asString()).isEqualTo("open");
		assertThat(slugs(created.path("projects"))).containsExactly("alpha");

		JsonNode again = json(send("POST", RELEASES, TOKEN, """
				{"version": "alpha@1.2.3+b7", "projects": ["beta"]}"""), 208);
		assertThat(again.path("id").asLong()).isEqualTo(created.path("id").asLong());
		assertThat(slugs(again.path("projects"))).containsExactlyInAnyOrder("alpha", "beta");

		json(send("POST", RELEASES, TOKEN, """
				{"version": "beta@2.0.0", "projects": ["beta"]}"""), 201);
		assertThat(versions(get(both))).containsExactly("beta@2.0.0", "alpha@1.2.3+b7");
		assertThat(versions(get(RELEASES + "?query=ALPHA@"))).containsExactly("alpha@1.2.3+b7");
		assertThat(versions(get(RELEASES + "?project=" + alpha.id()))).containsExactly("alpha@1.2.3+b7");
		assertThat(versions(get(RELEASES + "?project=-1"))).contains("beta@2.0.0", "alpha@1.2.3+b7");
		assertThat(versions(get("/api/0/projects/faultline/beta/releases/"))).containsExactly("beta@2.0.0",
				"alpha@1.2.3+b7");
		HttpResponse<String> firstPage = send("GET", both + "&per_page=1", TOKEN, null);
		assertThat(versions(json(firstPage, 200))).containsExactly("beta@2.0.0");
		assertThat(firstPage.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"; results=\"true\"");
		assertThat(versions(get(both + "&per_page=1&cursor=0:1:0"))).containsExactly("alpha@1.2.3+b7");

		String detail = RELEASES + "alpha@1.2.3+b7/";
		assertThat(get(detail).path("version").asString()).isEqualTo("alpha@1.2.3+b7");
		assertThat(get("/api/0/projects/faultline/alpha/releases/alpha@1.2.3+b7/").path("id").asLong())
			.isEqualTo(created.path("id").asLong());
		JsonNode health = get(detail + "?health=1").path("projects").get(0).path("healthData");
		assertThat(health.path("hasHealthData").asBoolean()).isFalse();
		assertThat(health.path("totalSessions").asLong()).isZero();
		assertThat(get(detail).path("projects").get(0).has("healthData")).isFalse();

		JsonNode finalized = json(send("PUT", detail, TOKEN,
				"""
						{"projects": ["alpha"], "dateReleased": "2026-01-03T00:00:00Z", "ref": "main", "url": "https://ci/7"}"""),
				200);
		assertThat(finalized.path("dateReleased").asString()).isEqualTo("2026-01-03T00:00:00.000Z");
		assertThat(finalized.path("ref").asString()).isEqualTo("main");
		assertThat(finalized.path("url").asString()).isEqualTo("https://ci/7");

		json(send("PUT", detail, TOKEN, """
				{"status": "archived"}"""), 200);
		assertThat(versions(get(both))).containsExactly("beta@2.0.0");
		assertThat(versions(get(both + "&status=archived"))).containsExactly("alpha@1.2.3+b7");

		assertThat(send("DELETE", detail, TOKEN, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", detail, TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("DELETE", detail, TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("PUT", detail, TOKEN, "{}").statusCode()).isEqualTo(404);
	}

	@Test
	void commitsComeFromRefsOfKnownRepositoriesOrInline() throws Exception {
		json(send("POST", RELEASES, TOKEN, """
				{"version": "c1", "projects": ["shop"]}"""), 201);
		String detail = RELEASES + "c1/";
		assertThat(badRequest(send("PUT", detail, TOKEN, """
				{"refs": [{"repository": "acme/shop", "commit": "abc", "previousCommit": null}]}""")))
			.contains("acme/shop");
		JsonNode repository = json(send("POST", "/api/0/organizations/faultline/repos/", TOKEN, """
				{"name": "acme/shop", "url": "https://git.example/acme/shop", "provider": "integrations:github"}"""),
				201);
		assertThat(badRequest(send("POST", "/api/0/organizations/faultline/repos/", TOKEN, """
				{"name": "acme/shop"}"""))).startsWith("name:");
		JsonNode repos = get("/api/0/organizations/faultline/repos/");
		assertThat(repos).singleElement().satisfies((repo) -> {
			assertThat(repo.path("id").asString()).isEqualTo(repository.path("id").asString());
			assertThat(repo.path("name").asString()).isEqualTo("acme/shop");
			assertThat(repo.path("provider").path("id").asString()).isEqualTo("integrations:github");
			assertThat(repo.path("status").asString()).isEqualTo("active");
		});

		JsonNode withRef = json(send("PUT", detail, TOKEN, """
				{"refs": [{"repository": "acme/shop", "commit": "def", "previousCommit": "abc"}]}"""), 200);
		assertThat(withRef.path("commitCount").asInt()).isEqualTo(1);
		assertThat(withRef.path("lastCommit").path("id").asString()).isEqualTo("def");

		JsonNode inline = json(send("PUT", detail, TOKEN, """
				{"commits": [
				  {"id": "f2", "repository": "acme/shop", "message": "Fix cart", "author_name": "Ann",
				   "author_email": "ann@example.com", "timestamp": "2026-01-01T10:00:00+01:00",
				   "patch_set": [{"path": "src/cart.js", "type": "M"}, {"path": "src/new.js", "type": "A"}]},
				  {"id": "f1", "repository": "acme/local", "message": "Start", "author_name": "Bob",
				   "author_email": "bob@example.com", "timestamp": "2025-12-31T10:00:00Z"}]}"""), 200);
		assertThat(inline.path("commitCount").asInt()).isEqualTo(2);
		assertThat(inline.path("lastCommit").path("id").asString()).isEqualTo("f2");
		assertThat(inline.path("authors").valueStream().map((author) -> author.path("email").asString()))
			.containsExactly("ann@example.com", "bob@example.com");

		JsonNode commits = get(detail + "commits/");
		assertThat(commits.valueStream().map((commit) -> commit.path("id").asString())).containsExactly("f2", "f1");
		JsonNode first = commits.get(0);
		assertThat(first.path("message").asString()).isEqualTo("Fix cart");
		assertThat(first.path("dateCreated").asString()).isEqualTo("2026-01-01T09:00:00.000Z");
		assertThat(first.path("author").path("name").asString()).isEqualTo("Ann");
		assertThat(first.path("repository").path("name").asString()).isEqualTo("acme/shop");
		assertThat(first.path("files").valueStream().map((file) -> file.path("filename").asString()))
			.containsExactly("src/cart.js", "src/new.js");
		assertThat(commits.get(1).path("repository").path("provider").path("id").asString()).isEqualTo("unknown");

		assertThat(badRequest(send("PUT", detail, TOKEN, """
				{"commits": [{"id": "x", "patch_set": [{"path": "a", "type": "X"}]}]}"""))).contains("patch_set");
		assertThat(badRequest(send("PUT", detail, TOKEN, """
				{"commits": [{"message": "no id"}]}"""))).startsWith("id:");
	}

	@Test
	void deploysAreRecordedPerRelease() throws Exception {
		json(send("POST", RELEASES, TOKEN, """
				{"version": "d1", "projects": ["shop"]}"""), 201);
		String deploys = RELEASES + "d1/deploys/";
		JsonNode staging = json(send("POST", deploys, TOKEN, """
				{"environment": "staging", "name": "first", "url": "https://ci/d/1",
				 "dateStarted": "2026-01-01T00:00:00Z", "dateFinished": "2026-01-01T00:05:00Z"}"""), 201);
		assertThat(staging.path("environment").asString()).isEqualTo("staging");
		assertThat(staging.path("dateFinished").asString()).isEqualTo("2026-01-01T00:05:00.000Z");
		Instant before = Instant.now().minusSeconds(1);
		JsonNode production = json(send("POST", deploys, TOKEN, """
				{"environment": "production"}"""), 201);
		assertThat(Instant.parse(production.path("dateFinished").asString())).isAfter(before);

		assertThat(get(deploys).valueStream().map((deploy) -> deploy.path("environment").asString()))
			.containsExactly("production", "staging");
		JsonNode release = get(RELEASES + "d1/");
		assertThat(release.path("deployCount").asInt()).isEqualTo(2);
		assertThat(release.path("lastDeploy").path("id").asString()).isEqualTo(production.path("id").asString());

		assertThat(badRequest(send("POST", deploys, TOKEN, "{}"))).startsWith("environment:");
		assertThat(badRequest(send("POST", deploys, TOKEN, """
				{"environment": "a/b"}"""))).startsWith("environment:");
		assertThat(badRequest(send("POST", deploys, TOKEN, """
				{"environment": "x", "dateFinished": "yesterday"}"""))).startsWith("dateFinished:");
		assertThat(send("POST", RELEASES + "missing/deploys/", TOKEN, """
				{"environment": "x"}""").statusCode()).isEqualTo(404);
	}

	@Test
	void releasesSeenOnEventsAreListedWithTheirNewIssues() throws Exception {
		var issue = this.issues
			.findOrCreate(
					new NewIssue(this.shop.id(), "h-seen", "Error", "app", "error", "error", Map.of(), Instant.now()))
			.orElseThrow();
		this.issues.recordOccurrence(new EventOccurrence(issue.id(), this.shop.id(), "a".repeat(32), Instant.now(),
				"error", null, "h-seen", "seen@1.0"));

		JsonNode seen = get(RELEASES + "seen@1.0/");
		assertThat(seen.path("newGroups").asInt()).isEqualTo(1);
		assertThat(seen.path("firstEvent").asString()).endsWith("Z");
		assertThat(seen.path("projects").get(0).path("slug").asString()).isEqualTo("shop");
		assertThat(seen.path("projects").get(0).path("newGroups").asInt()).isEqualTo(1);
		assertThat(versions(get(RELEASES + "?query=seen@"))).containsExactly("seen@1.0");
	}

	@Test
	void callersSeeTheirOrganizationOnlyAndNeedReleaseScopesToChange() throws Exception {
		json(send("POST", RELEASES, TOKEN, """
				{"version": "s1", "projects": ["shop"]}"""), 201);
		String reader = member(faultline(), "reader@example.com", Set.of("org:read", "project:read"));
		String ci = member(faultline(), "ci@example.com", Set.of("project:releases"));
		assertThat(versions(json(send("GET", RELEASES, reader, null), 200))).contains("s1");
		assertThat(send("POST", RELEASES, reader, """
				{"version": "s2", "projects": ["shop"]}""").statusCode()).isEqualTo(403);
		json(send("POST", RELEASES, ci, """
				{"version": "s2", "projects": ["shop"]}"""), 201);
		assertThat(send("DELETE", RELEASES + "s1/", reader, null).statusCode()).isEqualTo(403);

		Organization other = this.organizations.create("other-org", "Other");
		String stranger = member(other, "stranger@example.com", Set.of("project:releases", "project:read"));
		assertThat(send("GET", RELEASES, stranger, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", RELEASES + "s1/", stranger, null).statusCode()).isEqualTo(404);
		assertThat(send("POST", "/api/0/organizations/other-org/releases/", stranger, """
				{"version": "s1", "projects": ["shop"]}""").statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/0/organizations/other-org/releases/s1/", stranger, null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void malformedRequestsAreBadRequests() throws Exception {
		assertThat(badRequest(send("POST", RELEASES, TOKEN, """
				{"projects": ["shop"]}"""))).startsWith("version:");
		assertThat(badRequest(send("POST", RELEASES, TOKEN, """
				{"version": "latest", "projects": ["shop"]}"""))).startsWith("version:");
		assertThat(badRequest(send("POST", RELEASES, TOKEN, """
				{"version": "a\\nb", "projects": ["shop"]}"""))).startsWith("version:");
		assertThat(badRequest(send("POST", RELEASES, TOKEN, """
				{"version": "1.0"}"""))).startsWith("projects:");
		assertThat(badRequest(send("POST", RELEASES, TOKEN, """
				{"version": "1.0", "projects": ["nope"]}"""))).startsWith("projects:");
		assertThat(badRequest(send("POST", RELEASES, TOKEN, """
				{"version": "1.0", "projects": ["shop"], "dateStarted": "soon"}"""))).startsWith("dateStarted:");
		assertThat(badRequest(send("POST", RELEASES, TOKEN, "[1]"))).startsWith("Malformed");
		assertThat(badRequest(send("GET", RELEASES + "?sort=stability", TOKEN, null))).startsWith("sort:");
		assertThat(badRequest(send("GET", RELEASES + "?status=gone", TOKEN, null))).startsWith("status:");
		assertThat(badRequest(send("GET", RELEASES + "?project=shop", TOKEN, null))).startsWith("project:");
		assertThat(badRequest(send("GET", RELEASES + "?cursor=x", TOKEN, null))).contains("cursor");
	}

	// ---- helpers
	// -------------------------------------------------------------------------

	private Organization faultline() {
		return this.organizations.findBySlug("faultline").orElseThrow();
	}

	private Project project(Organization organization, String slug) {
		var existing = this.projects.findBySlug(organization.id(), slug);
		if (existing.isPresent()) {
			return existing.get();
		}
		List<Team> teams = this.organizations.listTeams(organization.id());
		Team team = teams.isEmpty() ? this.organizations.createTeam(organization.id(), "team", "Team") : teams.get(0);
		return this.projects.create(organization.id(), team.id(), slug, slug, "javascript");
	}

	private String member(Organization organization, String email, Set<String> scopes) {
		User user = this.users.create(email, email.substring(0, email.indexOf('@')), "x");
		this.organizations.addMember(organization.id(), user.id(), "member");
		String token = "token-" + email.replaceAll("[^a-z0-9]", "") + "-0123456789";
		this.users.createToken(user.id(), "test", ApiTokens.hash(token), scopes);
		return token;
	}

	private HttpResponse<String> send(String method, String path, String token, @Nullable String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode json(HttpResponse<String> response, int status) {
		return jsonBody(response, status);
	}

	private JsonNode get(String path) throws Exception {
		return json(send("GET", path, TOKEN, null), 200);
	}

	private String badRequest(HttpResponse<String> response) {
		return json(response, 400).path("detail").asString();
	}

	private static List<String> versions(JsonNode releases) {
		return releases.valueStream().map((release) -> release.path("version").asString()).toList();
	}

	private static List<String> slugs(JsonNode projects) {
		return projects.valueStream().map((project) -> project.path("slug").asString()).toList();
	}

}
