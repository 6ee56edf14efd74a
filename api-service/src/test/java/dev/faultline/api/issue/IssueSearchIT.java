package dev.faultline.api.issue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue search ({@code query}) on the whole application over the embedded adapters: event
 * terms answered by the event store, issue terms by the metadata store's SQL, syntax
 * errors and unsupported terms as 400s.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + IssueSearchIT.TOKEN, "faultline.admin.password=admin-password" })
class IssueSearchIT extends EmbeddedApplicationTest {

	static final String TOKEN = "search-token-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	IssueStore issues;

	@Autowired
	EventStore events;

	// Seeded once for the class (the application context is shared by its tests).
	private static @Nullable Project project;

	private static long checkout;

	private static long timeout;

	private static long payment;

	private static long resolved;

	private static int sequence;

	/**
	 * checkout: one error (release 1.0, prod, Chrome, bob@example.com); timeout: three
	 * warnings (2.0, staging, Firefox); payment: an info event without release or
	 * environment; resolved: a resolved error of release 1.0.
	 */
	@BeforeEach
	void seed() {
		if (project != null) {
			return;
		}
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		project = this.projects.create(organization.id(), team.id(), "searched", "Searched", "java");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		checkout = seed("a", now.minus(3, ChronoUnit.HOURS), "error", "1.0", "prod", Map.of("browser", "Chrome"),
				"bob@example.com", "NullPointerException: cart is empty", 1);
		timeout = seed("b", now.minus(2, ChronoUnit.HOURS), "warning", "2.0", "staging", Map.of("browser", "Firefox"),
				"carol@example.org", "TimeoutException: db slow", 3);
		payment = seed("c", now.minus(3, ChronoUnit.DAYS), "info", null, null, Map.of(), null,
				"Payment failed: 50% off_", 1);
		resolved = seed("d", now.minus(1, ChronoUnit.HOURS), "error", "1.0", "prod", Map.of(), null,
				"IllegalStateException: closed", 1);
		this.issues.updateStatus(resolved, IssueStatus.RESOLVED);
	}

	@Test
	void eventTermsSelectIssuesWithAMatchingEvent() throws Exception {
		assertThat(ids("level:error")).containsExactly(resolved, checkout);
		assertThat(ids("level:error is:unresolved")).containsExactly(checkout);
		assertThat(ids("release:1.0 is:resolved")).containsExactly(resolved);
		assertThat(ids("!environment:prod")).containsExactlyInAnyOrder(timeout, payment);
		assertThat(ids("browser:Chrome")).containsExactly(checkout);
		assertThat(ids("user.email:*@example.com")).containsExactly(checkout);
		assertThat(ids("\"db SLOW\"")).containsExactly(timeout);
		assertThat(ids("\"50% off_\"")).containsExactly(payment);
		assertThat(ids("release:\"1.0' OR 1=1 --\"")).isEmpty();
	}

	@Test
	void issueTermsFilterTheList() throws Exception {
		assertThat(ids("times-seen:>2")).containsExactly(timeout);
		assertThat(ids("timesSeen:1 is:unresolved")).containsExactlyInAnyOrder(checkout, payment);
		assertThat(ids("first-seen:+1d")).containsExactly(payment);
		assertThat(ids("last-seen:-1d is:unresolved")).containsExactlyInAnyOrder(checkout, timeout);
		assertThat(ids("!is:unresolved")).containsExactly(resolved);
		assertThat(ids("!times-seen:1")).containsExactly(timeout);
		assertThat(ids("times-seen:>=1 first-seen:-1d level:error")).containsExactlyInAnyOrder(resolved, checkout);
	}

	@Test
	void organizationListSearchesToo() throws Exception {
		HttpResponse<String> response = get("/api/0/organizations/faultline/issues/?project=" + project().id()
				+ "&query=" + encode("level:warning timesSeen:>=3"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(ids(response)).containsExactly(timeout);
	}

	@Test
	void badQueriesAreBadRequests() throws Exception {
		HttpResponse<String> syntax = list("level:\"unterminated");
		assertThat(syntax.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(syntax.body()).path("detail").asString())
			.isEqualTo("unterminated quote at position 6");

		HttpResponse<String> unsupported = list("firstRelease:1.0");
		assertThat(unsupported.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(unsupported.body()).path("detail").asString()).endsWith("is not supported");

		HttpResponse<String> unknown = list("assigned:nobody@example.com");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(unknown.body()).path("detail").asString()).contains("nobody@example.com");
	}

	@Test
	void environmentAndTimeRangeFilterTheCountsAndSparklinesToo() throws Exception {
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		Project counted = this.projects.create(organization.id(), team.id(), "counted", "Counted", "java");
		assertThat(JSON.readTree(get("/api/0/projects/faultline/counted/").body()).path("firstEvent").isNull())
			.isTrue();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String hash = "e".repeat(32);
		Issue issue = this.issues
			.findOrCreate(new NewIssue(counted.id(), hash, "Mixed", "shop.Orders", "error", "error", Map.of(),
					now.minus(2, ChronoUnit.DAYS)))
			.orElseThrow();
		List<StoredEvent> stored = new ArrayList<>();
		// prod: two in the last hour (one unhandled), one two days ago; staging: three.
		Object[][] seeded = { { "prod", 10, "no" }, { "prod", 20, "yes" }, { "prod", 2 * 24 * 60, "yes" },
				{ "staging", 15, "yes" }, { "staging", 25, "yes" }, { "staging", 35, "yes" } };
		for (Object[] row : seeded) {
			String eventId = String.format("%032x", ++sequence);
			Instant timestamp = now.minus((Integer) row[1], ChronoUnit.MINUTES);
			stored.add(new StoredEvent(counted.id(), eventId, issue.id(), timestamp, timestamp, "java", "error",
					"Mixed", "shop.Orders", "Mixed", null, (String) row[0], null, null,
					Map.of("handled", (String) row[2]), null, hash, "app", "{}"));
			this.issues.recordOccurrence(
					new EventOccurrence(issue.id(), counted.id(), eventId, timestamp, "error", null, hash, null));
		}
		this.events.write(stored);
		String base = "/api/0/organizations/faultline/issues/?project=" + counted.id() + "&statsPeriod=24h&query=";

		// The first issue set the project's firstEvent (Sentry's "has the project
		// received an event").
		HttpResponse<String> detail = get("/api/0/projects/faultline/counted/");
		assertThat(Instant.parse(JSON.readTree(detail.body()).path("firstEvent").asString()))
			.isEqualTo(now.minus(2, ChronoUnit.DAYS));

		JsonNode all = only(get(base + encode("is:unresolved")));
		assertThat(all.path("count").asString()).isEqualTo("6");
		assertThat(all.path("filtered").isMissingNode()).isTrue();
		assertThat(all.path("isUnhandled").asBoolean()).isTrue();
		assertThat(sparklineTotal(all)).isEqualTo(5);

		JsonNode prod = only(get(base + encode("is:unresolved environment:prod")));
		assertThat(prod.path("count").asString()).as("lifetime").isEqualTo("6");
		assertThat(prod.path("filtered").path("count").asString()).isEqualTo("3");
		assertThat(sparklineTotal(prod)).isEqualTo(2);

		JsonNode lastHour = only(get(base + encode("is:unresolved environment:prod timestamp:-1h")));
		assertThat(lastHour.path("filtered").path("count").asString()).isEqualTo("2");
		assertThat(sparklineTotal(lastHour)).isEqualTo(2);

		// Sentry's environment parameter is the same filter, on the project list too.
		JsonNode staging = only(get("/api/0/projects/faultline/counted/issues/?statsPeriod=24h&environment=staging"));
		assertThat(staging.path("filtered").path("count").asString()).isEqualTo("3");
		assertThat(sparklineTotal(staging)).isEqualTo(3);
		assertThat(ids(get("/api/0/projects/faultline/counted/issues/?environment=nowhere"))).isEmpty();
	}

	private static JsonNode only(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode list = JSON.readTree(response.body());
		assertThat(list.size()).as(response.body()).isEqualTo(1);
		return list.get(0);
	}

	private static long sparklineTotal(JsonNode issue) {
		long total = 0;
		for (JsonNode point : issue.path("stats").path("24h")) {
			total += point.get(1).asLong();
		}
		return total;
	}

	private static Project project() {
		Project seeded = project;
		assertThat(seeded).as("seeded").isNotNull();
		return seeded;
	}

	private long seed(String hashPrefix, Instant at, String level, @Nullable String release,
			@Nullable String environment, Map<String, String> tags, @Nullable String email, String title, int count) {
		String hash = hashPrefix.repeat(32);
		Issue issue = this.issues
			.findOrCreate(new NewIssue(project().id(), hash, title, "shop.Orders", level, "error", Map.of(), at))
			.orElseThrow();
		List<StoredEvent> stored = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String eventId = String.format("%032x", ++sequence);
			Instant timestamp = at.plusSeconds(i);
			stored.add(new StoredEvent(project().id(), eventId, issue.id(), timestamp, timestamp, "java", level, title,
					"shop.Orders", title, release, environment, null, null, tags,
					(email != null) ? new EventUser("1", null, email, null) : null, hash, "app", "{}"));
			this.issues.recordOccurrence(
					new EventOccurrence(issue.id(), project().id(), eventId, timestamp, level, email, hash, release));
		}
		this.events.write(stored);
		return issue.id();
	}

	private List<Long> ids(String query) throws Exception {
		HttpResponse<String> response = list(query);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return ids(response);
	}

	private static List<Long> ids(HttpResponse<String> response) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode issue : JSON.readTree(response.body())) {
			ids.add(Long.parseLong(issue.path("id").asString()));
		}
		return ids;
	}

	private HttpResponse<String> list(String query) throws Exception {
		return get("/api/0/projects/faultline/searched/issues/?query=" + encode(query));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + TOKEN)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
