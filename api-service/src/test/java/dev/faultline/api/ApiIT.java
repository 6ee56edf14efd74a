package dev.faultline.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.auth.ApiTokens;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Web API as a client sees it: the whole application on a random port over the
 * embedded SQLite and DuckDB adapters in a temporary data directory, bootstrapped with an
 * administrator token.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + ApiIT.TOKEN, "faultline.admin.password=admin-password",
				"faultline.public-url=http://errors.example.com/sentry" })
class ApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "test-token-0123456789abcdef";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	UserStore users;

	@Autowired
	IssueStore issues;

	@Autowired
	EventStore events;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void refusesRequestsWithoutAValidToken() throws Exception {
		HttpResponse<String> missing = send("GET", "/api/0/organizations/", null, null);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(json(missing).path("detail").asString()).isEqualTo("Authentication credentials were not provided.");

		HttpResponse<String> wrong = send("GET", "/api/0/organizations/", "not-a-token", null);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(json(wrong).path("detail").asString()).isEqualTo("Invalid token");
	}

	@Test
	void describesTheTokenForSentryCliInfo() throws Exception {
		JsonNode info = getJson("/api/0/");
		assertThat(info.path("user").path("email").asString()).isEqualTo("admin@localhost");
		assertThat(info.path("user").path("id").isString()).isTrue();
		assertThat(info.path("auth").path("scopes").values()).extracting(JsonNode::asString)
			.contains("org:read", "project:write", "event:read");
	}

	@Test
	void listsTheBootstrappedOrganizationAndTeam() throws Exception {
		JsonNode organizations = getJson("/api/0/organizations/");
		assertThat(organizations.values()).extracting((org) -> org.path("slug").asString()).contains("faultline");
		JsonNode faultline = getJson("/api/0/organizations/faultline/");
		assertThat(faultline.path("id").isString()).isTrue();
		assertThat(faultline.path("status").path("id").asString()).isEqualTo("active");
		assertThat(faultline.path("dateCreated").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(faultline.path("role").asString()).isEqualTo("owner");
		assertThat(faultline.path("require2FA").isBoolean()).isTrue();
		assertThat(faultline.path("isEarlyAdopter").isBoolean()).isTrue();
		JsonNode teams = getJson("/api/0/organizations/faultline/teams/");
		assertThat(teams.values()).extracting((team) -> team.path("slug").asString()).containsExactly("faultline");
		assertThat(teams.path(0).path("isMember").asBoolean()).isTrue();
		assertThat(teams.path(0).has("member")).isFalse();
	}

	@Test
	void createsAProjectWithADefaultKeyAndDsn() throws Exception {
		HttpResponse<String> created = send("POST", "/api/0/teams/faultline/faultline/projects/", TOKEN,
				"{\"name\":\"Web Shop\",\"platform\":\"javascript\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode project = json(created);
		assertThat(project.path("slug").asString()).isEqualTo("web-shop");
		assertThat(project.path("name").asString()).isEqualTo("Web Shop");
		assertThat(project.path("platform").asString()).isEqualTo("javascript");
		String projectId = project.path("id").asString();

		HttpResponse<String> duplicate = send("POST", "/api/0/teams/faultline/faultline/projects/", TOKEN,
				"{\"name\":\"Web Shop\"}");
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(json(duplicate).path("detail").asString()).isNotEmpty();

		JsonNode keys = getJson("/api/0/projects/faultline/web-shop/keys/");
		assertThat(keys.size()).isEqualTo(1);
		JsonNode key = keys.path(0);
		assertThat(key.path("label").asString()).isEqualTo("Default");
		assertThat(key.path("public").asString()).matches("[0-9a-f]{32}");
		assertThat(key.path("isActive").asBoolean()).isTrue();
		assertThat(key.path("dsn").path("public").asString())
			.isEqualTo("http://" + key.path("public").asString() + "@errors.example.com/sentry/" + projectId);

		HttpResponse<String> second = send("POST", "/api/0/projects/faultline/web-shop/keys/", TOKEN,
				"{\"name\":\"CI\"}");
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(json(second).path("label").asString()).isEqualTo("CI");
		assertThat(getJson("/api/0/projects/faultline/web-shop/keys/").size()).isEqualTo(2);

		assertThat(getJson("/api/0/organizations/faultline/projects/").values())
			.extracting((listed) -> listed.path("slug").asString())
			.contains("web-shop");
		JsonNode detail = getJson("/api/0/projects/faultline/web-shop/");
		assertThat(detail.path("organization").path("slug").asString()).isEqualTo("faultline");
		assertThat(detail.path("team").path("slug").asString()).isEqualTo("faultline");
	}

	@Test
	void servesIssuesAndTheirEvents() throws Exception {
		Project project = seedProject("faultline", "checkout");
		Issue issue = seedIssue(project, "hash-1", Instant.parse("2026-11-24T23:58:38.083Z"));
		String eventId = "6aa8c7780204425899c477fb1b6e1641";
		seedEvent(project, issue, eventId, Instant.parse("2026-11-24T23:58:38.083Z"));

		HttpResponse<String> list = send("GET", "/api/0/projects/faultline/checkout/issues/?statsPeriod=24h", TOKEN,
				null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Link")).hasValueSatisfying(
				(link) -> assertThat(link).contains("rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\"")
					.contains("rel=\"next\"; results=\"false\"; cursor=\"0:100:0\""));
		JsonNode listed = json(list);
		assertThat(listed.size()).isEqualTo(1);
		JsonNode first = listed.path(0);
		assertThat(first.path("id").asString()).isEqualTo(Long.toString(issue.id()));
		assertThat(first.path("shortId").asString())
			.isEqualTo("CHECKOUT-" + Long.toString(issue.shortNumber(), 36).toUpperCase());
		assertThat(first.path("count").isString()).isTrue();
		assertThat(first.path("count").asString()).isEqualTo("1");
		assertThat(first.path("userCount").isNumber()).isTrue();
		assertThat(first.path("userCount").asInt()).isEqualTo(1);
		assertThat(first.path("status").asString()).isEqualTo("unresolved");
		assertThat(first.path("project").path("slug").asString()).isEqualTo("checkout");
		assertThat(first.path("permalink").asString())
			.isEqualTo("http://errors.example.com/sentry/organizations/faultline/issues/" + issue.id() + "/");
		assertThat(first.has("assignedTo")).isTrue();
		assertThat(first.path("isBookmarked").isBoolean()).isTrue();
		assertThat(first.path("hasSeen").isBoolean()).isTrue();
		assertThat(first.path("annotations").isArray()).isTrue();
		assertThat(first.path("statusDetails").isObject()).isTrue();
		assertThat(first.path("numComments").asInt()).isZero();
		assertThat(first.path("metadata").path("type").asString()).isEqualTo("IllegalStateException");

		JsonNode detail = getJson("/api/0/issues/" + issue.id() + "/");
		assertThat(detail.path("title").asString()).isEqualTo(issue.title());
		assertThat(detail.has("firstRelease")).isTrue();
		assertThat(detail.path("shortId").asString()).startsWith("CHECKOUT-");

		JsonNode issueEvents = getJson("/api/0/issues/" + issue.id() + "/events/");
		assertThat(issueEvents.size()).isEqualTo(1);
		assertThat(issueEvents.path(0).path("eventID").asString()).isEqualTo(eventId);
		assertThat(issueEvents.path(0).path("groupID").asString()).isEqualTo(Long.toString(issue.id()));
		assertThat(issueEvents.path(0).path("tags").values()).extracting((tag) -> tag.path("key").asString())
			.contains("feature");

		JsonNode latest = getJson("/api/0/issues/" + issue.id() + "/events/latest/");
		assertThat(latest.path("eventID").asString()).isEqualTo(eventId);
		assertThat(latest.path("entries").path(0).path("type").asString()).isEqualTo("exception");
		assertThat(latest.path("entries").path(0).path("data").path("values").path(0).path("type").asString())
			.isEqualTo("IllegalStateException");

		JsonNode byId = getJson("/api/0/projects/faultline/checkout/events/" + eventId + "/");
		assertThat(byId.path("id").asString()).isEqualTo(eventId);
		assertThat(send("GET", "/api/0/projects/faultline/checkout/events/" + "0".repeat(32) + "/", TOKEN, null)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void changesIssueStatusAndFiltersByIt() throws Exception {
		Project project = seedProject("faultline", "status-app");
		Issue issue = seedIssue(project, "hash-status", Instant.parse("2026-11-24T10:00:00Z"));

		HttpResponse<String> resolved = send("PUT", "/api/0/issues/" + issue.id() + "/", TOKEN,
				"{\"status\":\"resolved\"}");
		assertThat(resolved.statusCode()).isEqualTo(200);
		assertThat(json(resolved).path("status").asString()).isEqualTo("resolved");

		assertThat(getJson("/api/0/projects/faultline/status-app/issues/").size()).isZero();
		assertThat(getJson("/api/0/projects/faultline/status-app/issues/?query=is:resolved").size()).isEqualTo(1);
		assertThat(getJson("/api/0/projects/faultline/status-app/issues/?query=").size()).isEqualTo(1);

		HttpResponse<String> invalid = send("PUT", "/api/0/issues/" + issue.id() + "/", TOKEN,
				"{\"status\":\"sideways\"}");
		assertThat(invalid.statusCode()).isEqualTo(400);
	}

	@Test
	void pagesIssuesWithCursors() throws Exception {
		Project project = seedProject("faultline", "paged");
		for (int i = 0; i < 3; i++) {
			seedIssue(project, "hash-page-" + i, Instant.parse("2026-11-24T10:00:00Z").plusSeconds(i));
		}
		HttpResponse<String> first = send("GET", "/api/0/projects/faultline/paged/issues/?limit=2", TOKEN, null);
		assertThat(json(first).size()).isEqualTo(2);
		assertThat(first.headers().firstValue("Link").orElseThrow())
			.contains("rel=\"next\"; results=\"true\"; cursor=\"0:2:0\"");
		HttpResponse<String> second = send("GET", "/api/0/projects/faultline/paged/issues/?limit=2&cursor=0:2:0", TOKEN,
				null);
		assertThat(json(second).size()).isEqualTo(1);
		assertThat(second.headers().firstValue("Link").orElseThrow())
			.contains("rel=\"previous\"; results=\"true\"; cursor=\"0:0:1\"")
			.contains("rel=\"next\"; results=\"false\"");
	}

	@Test
	void anotherOrganizationsDataIsInvisible() throws Exception {
		Organization other = this.organizations.create("other-org", "Other Org");
		Team otherTeam = this.organizations.createTeam(other.id(), "other-org", "other-org");
		User outsider = this.users.create("outsider@example.com", "Outsider", "x");
		this.organizations.addMember(other.id(), outsider.id(), "member");
		String outsiderToken = "outsider-token-abcdef";
		this.users.createToken(outsider.id(), "test", ApiTokens.hash(outsiderToken), Set.of("org:read", "event:read"));
		Project secret = this.projects.create(other.id(), otherTeam.id(), "secret", "Secret", "java");
		Issue secretIssue = seedIssue(secret, "hash-secret", Instant.parse("2026-11-24T10:00:00Z"));

		// The administrator is not a member of the other organization: everything is 404.
		assertThat(getJson("/api/0/organizations/").values()).extracting((org) -> org.path("slug").asString())
			.doesNotContain("other-org");
		assertThat(send("GET", "/api/0/organizations/other-org/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/organizations/other-org/teams/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/organizations/other-org/projects/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/projects/other-org/secret/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/projects/other-org/secret/keys/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/projects/other-org/secret/issues/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/issues/" + secretIssue.id() + "/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/issues/" + secretIssue.id() + "/events/", TOKEN, null).statusCode())
			.isEqualTo(404);
		assertThat(
				send("PUT", "/api/0/issues/" + secretIssue.id() + "/", TOKEN, "{\"status\":\"resolved\"}").statusCode())
			.isEqualTo(404);
		assertThat(send("POST", "/api/0/teams/other-org/other-org/projects/", TOKEN, "{\"name\":\"Intruder\"}")
			.statusCode()).isEqualTo(404);

		// The outsider sees only its own organization, and its scopes are enforced.
		assertThat(getJson("/api/0/organizations/", outsiderToken).values())
			.extracting((org) -> org.path("slug").asString())
			.containsExactly("other-org");
		assertThat(send("GET", "/api/0/organizations/faultline/", outsiderToken, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/issues/" + secretIssue.id() + "/", outsiderToken, null).statusCode())
			.isEqualTo(200);
		HttpResponse<String> forbidden = send("POST", "/api/0/teams/other-org/other-org/projects/", outsiderToken,
				"{\"name\":\"Nope\"}");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(send("PUT", "/api/0/issues/" + secretIssue.id() + "/", outsiderToken, "{\"status\":\"resolved\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void readsAndPartlyUpdatesProjectSettings() throws Exception {
		seedProject("faultline", "settings-app");
		String path = "/api/0/projects/faultline/settings-app/";
		JsonNode initial = getJson(path);
		assertThat(initial.path("slug").asString()).isEqualTo("settings-app");
		assertThat(initial.path("dataScrubber").asBoolean()).isTrue();
		assertThat(initial.path("dataScrubberDefaults").asBoolean()).isTrue();
		assertThat(initial.path("scrubIPAddresses").asBoolean()).isFalse();
		assertThat(initial.path("fingerprintingRules").asString()).isEmpty();
		assertThat(initial.path("relayPiiConfig").isNull()).isTrue();

		HttpResponse<String> updated = send("PUT", path, TOKEN, """
				{"fingerprintingRules": "error.type:TimeoutError -> timeouts",
				 "relayPiiConfig": {"rules": {"0": {"type": "email", "redaction": {"method": "mask"}}},
				                    "applications": {"$string": ["0"]}},
				 "sensitiveFields": ["ssn"], "inAppIncludes": ["com.acme"]}""");
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(json(updated).path("fingerprintingRules").asString())
			.isEqualTo("error.type:TimeoutError -> timeouts");

		send("PUT", path, TOKEN, """
				{"scrubIPAddresses": true, "groupingEnhancements": "stack.module:com.acme.* +app"}""");
		JsonNode detail = getJson(path);
		assertThat(detail.path("scrubIPAddresses").asBoolean()).isTrue();
		assertThat(detail.path("fingerprintingRules").asString()).isEqualTo("error.type:TimeoutError -> timeouts");
		assertThat(detail.path("groupingEnhancements").asString()).isEqualTo("stack.module:com.acme.* +app");
		assertThat(JSON.readTree(detail.path("relayPiiConfig").asString()).at("/rules/0/type").asString())
			.isEqualTo("email");
		assertThat(detail.path("sensitiveFields").toString()).isEqualTo("[\"ssn\"]");
		assertThat(detail.path("inAppIncludes").toString()).isEqualTo("[\"com.acme\"]");

		HttpResponse<String> badRule = send("PUT", path, TOKEN, """
				{"fingerprintingRules": "error.type:A -> a\\nthis is not a rule"}""");
		assertThat(badRule.statusCode()).isEqualTo(400);
		assertThat(json(badRule).path("detail").asString()).startsWith("fingerprintingRules:").contains("line 2");
		HttpResponse<String> badPii = send("PUT", path, TOKEN, """
				{"relayPiiConfig": "{\\"rules\\": {\\"0\\": {\\"type\\": \\"nope\\"}}}"}""");
		assertThat(badPii.statusCode()).isEqualTo(400);
		assertThat(json(badPii).path("detail").asString()).contains("relayPiiConfig").contains("unknown type 'nope'");
		// nothing of a refused update was stored
		assertThat(getJson(path).path("fingerprintingRules").asString())
			.isEqualTo("error.type:TimeoutError -> timeouts");

		User reader = this.users.create("reader@example.com", "Reader", "x");
		Organization faultline = this.organizations.findBySlug("faultline").orElseThrow();
		this.organizations.addMember(faultline.id(), reader.id(), "member");
		String readerToken = "reader-token-abcdef";
		this.users.createToken(reader.id(), "test", ApiTokens.hash(readerToken), Set.of("org:read", "project:read"));
		assertThat(send("GET", path, readerToken, null).statusCode()).isEqualTo(200);
		assertThat(send("PUT", path, readerToken, """
				{"scrubIPAddresses": false}""").statusCode()).isEqualTo(403);
	}

	@Test
	void listsAndChangesInboundFiltersOnSentrysPaths() throws Exception {
		seedProject("faultline", "filters-app");
		String filters = "/api/0/projects/faultline/filters-app/filters/";
		JsonNode initial = getJson(filters);
		assertThat(initial.findValuesAsString("id")).containsExactly("browser-extensions", "localhost",
				"filtered-transaction", "legacy-browsers", "web-crawlers");
		assertThat(initial.get(1).path("hello").asString())
			.isEqualTo("localhost - Filter out events coming from localhost");
		for (JsonNode filter : initial) {
			assertThat(filter.path("active").asBoolean()).as(filter.path("id").asString()).isFalse();
			assertThat(filter.path("description").asString()).isNotBlank();
		}

		assertThat(send("PUT", filters + "localhost/", TOKEN, "{\"active\": true}").statusCode()).isEqualTo(204);
		assertThat(send("PUT", filters + "legacy-browsers/", TOKEN, "{\"subfilters\": [\"safari_pre_6\", \"ie\"]}")
			.statusCode()).isEqualTo(204);
		JsonNode changed = getJson(filters);
		assertThat(changed.get(1).path("active").asBoolean()).isTrue();
		assertThat(changed.get(3).path("active").toString()).isEqualTo("[\"ie\",\"safari_pre_6\"]");
		assertThat(send("PUT", filters + "legacy-browsers/", TOKEN, "{\"active\": true}").statusCode()).isEqualTo(204);
		assertThat(getJson(filters).get(3).path("active").asBoolean()).isTrue();

		HttpResponse<String> badChoice = send("PUT", filters + "legacy-browsers/", TOKEN,
				"{\"subfilters\": [\"netscape\"]}");
		assertThat(badChoice.statusCode()).isEqualTo(400);
		assertThat(json(badChoice).path("detail").asString()).contains("subfilters").contains("netscape");
		assertThat(send("PUT", filters + "localhost/", TOKEN, "{\"active\": \"maybe\"}").statusCode()).isEqualTo(400);
		assertThat(send("PUT", filters + "no-such-filter/", TOKEN, "{\"active\": true}").statusCode()).isEqualTo(404);

		String project = "/api/0/projects/faultline/filters-app/";
		assertThat(getJson(project).path("options").path("filters:error_messages").asString()).isEmpty();
		HttpResponse<String> lists = send("PUT", project, TOKEN, """
				{"options": {"filters:error_messages": "*ConnectionTimeout*\\nTypeError: Failed to fetch",
				             "filters:releases": "1.0.0-beta*",
				             "filters:blacklisted_ips": "10.0.0.0/8\\n192.168.1.7"}}""");
		assertThat(lists.statusCode()).as(lists.body()).isEqualTo(200);
		JsonNode options = getJson(project).path("options");
		assertThat(options.path("filters:error_messages").asString())
			.isEqualTo("*ConnectionTimeout*\nTypeError: Failed to fetch");
		assertThat(options.path("filters:releases").asString()).isEqualTo("1.0.0-beta*");
		assertThat(options.path("filters:blacklisted_ips").asString()).isEqualTo("10.0.0.0/8\n192.168.1.7");
		// the lists leave the built-in filters as they were
		assertThat(getJson(filters).get(1).path("active").asBoolean()).isTrue();

		HttpResponse<String> badIp = send("PUT", project, TOKEN, """
				{"options": {"filters:blacklisted_ips": "10.0.0.0/8\\nexample.com"}}""");
		assertThat(badIp.statusCode()).isEqualTo(400);
		assertThat(json(badIp).path("detail").asString()).contains("filters:blacklisted_ips").contains("example.com");
		assertThat(getJson(project).path("options").path("filters:blacklisted_ips").asString())
			.isEqualTo("10.0.0.0/8\n192.168.1.7");

		User reader = this.users.create("filter-reader@example.com", "Reader", "x");
		Organization faultline = this.organizations.findBySlug("faultline").orElseThrow();
		this.organizations.addMember(faultline.id(), reader.id(), "member");
		String readerToken = "filter-reader-token-abcdef";
		this.users.createToken(reader.id(), "test", ApiTokens.hash(readerToken), Set.of("org:read", "project:read"));
		assertThat(send("GET", filters, readerToken, null).statusCode()).isEqualTo(200);
		assertThat(send("PUT", filters + "localhost/", readerToken, "{\"active\": false}").statusCode()).isEqualTo(403);
		assertThat(send("GET", filters, null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void unknownIdsAre404() throws Exception {
		assertThat(send("GET", "/api/0/issues/999999/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/issues/not-a-number/", TOKEN, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/0/organizations/nope/", TOKEN, null).statusCode()).isEqualTo(404);
	}

	private Project seedProject(String organizationSlug, String slug) {
		Organization organization = this.organizations.findBySlug(organizationSlug).orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		return this.projects.create(organization.id(), team.id(), slug, slug, "java");
	}

	private Issue seedIssue(Project project, String hash, Instant seenAt) {
		Issue issue = this.issues
			.findOrCreate(new NewIssue(project.id(), hash, "IllegalStateException: Checkout failed for order ord-1234",
					"sdkharness.Main in processOrder", "error", "error",
					Map.of("type", "IllegalStateException", "value", "Checkout failed for order ord-1234"), seenAt))
			.orElseThrow();
		this.issues.recordOccurrence(new EventOccurrence(issue.id(), project.id(), hash.hashCode() + "0".repeat(24),
				seenAt, "error", "id:user-42", hash, null));
		return this.issues.findById(issue.id()).orElseThrow();
	}

	private void seedEvent(Project project, Issue issue, String eventId, Instant timestamp) {
		String payload = """
				{"event_id":"%s","timestamp":"2026-11-24T23:58:38.083Z","received":"2026-11-24T23:58:38.200Z",
				 "level":"error","platform":"java","release":"app@1.2.3","environment":"staging",
				 "exception":{"values":[{"type":"IllegalStateException","value":"Checkout failed for order ord-1234",
				   "module":"java.lang","stacktrace":{"frames":[{"filename":"Main.java","function":"processOrder",
				   "module":"sdkharness.Main","lineno":155,"in_app":true}]}}]},
				 "tags":[["feature","checkout"]],"user":{"id":"user-42","email":"alice@example.com"},
				 "title":"IllegalStateException: Checkout failed for order ord-1234",
				 "culprit":"sdkharness.Main in processOrder","type":"error",
				 "metadata":{"type":"IllegalStateException","value":"Checkout failed for order ord-1234"}}
				""".formatted(eventId);
		this.events.write(List.of(new StoredEvent(project.id(), eventId, issue.id(), timestamp,
				timestamp.plusMillis(117), "java", "error", issue.title(), issue.culprit(),
				"Checkout failed for order ord-1234", "app@1.2.3", "staging", null, null, Map.of("feature", "checkout"),
				new EventUser("user-42", null, "alice@example.com", null), "hash-1", "app", payload)));
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		return getJson(path, TOKEN);
	}

	private JsonNode getJson(String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = send("GET", path, token, null);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return json(response);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
