package dev.faultline.api.issue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the issue workflow ITs: requests with the administrator's token (the owner
 * of organization {@code faultline}) or another caller's, and issues and events seeded
 * through the stores as the processor writes them. Subclasses carry their own
 * {@code @SpringBootTest} with a token of their own, so each runs its own application on
 * its own data directory.
 */
abstract class IssueApiTest extends EmbeddedApplicationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

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

	@Autowired
	MetadataStores stores;

	private final HttpClient http = HttpClient.newHttpClient();

	/** The administrator's token of this test class. */
	abstract String token();

	Organization faultline() {
		return this.organizations.findBySlug("faultline").orElseThrow();
	}

	User admin() {
		return this.users.findByEmail("admin@localhost").orElseThrow();
	}

	/**
	 * A new project of the organization, on its first team (created when it has none).
	 */
	Project project(Organization organization, String slug) {
		List<Team> teams = this.organizations.listTeams(organization.id());
		Team team = teams.isEmpty() ? this.organizations.createTeam(organization.id(), "team", "Team") : teams.get(0);
		return this.projects.create(organization.id(), team.id(), slug, slug, "java");
	}

	/** A new user who is a member of the organization, with a token of these scopes. */
	String member(Organization organization, String email, String role, Set<String> scopes) {
		User user = this.users.create(email, email.substring(0, email.indexOf('@')), "x");
		this.organizations.addMember(organization.id(), user.id(), role);
		String token = "token-" + email.replaceAll("[^a-z0-9]", "") + "-0123456789";
		this.users.createToken(user.id(), "test", ApiTokens.hash(token), scopes);
		return token;
	}

	/** A new issue of the hash (no events yet). */
	Issue issue(Project project, String hash, String title) {
		return this.issues
			.findOrCreate(new NewIssue(project.id(), hash, title, "shop.Orders", "error", "error", Map.of(),
					Instant.now().minusSeconds(3600)))
			.orElseThrow();
	}

	/**
	 * Stores an event and counts it as the processor does; returns its id.
	 */
	String event(Project project, long issueId, String hash, Instant at, @Nullable String release,
			Map<String, String> tags, @Nullable String email) {
		String eventId = String.format("%032x", 0x1000 + SEQUENCE.incrementAndGet());
		this.events.write(List.of(new StoredEvent(project.id(), eventId, issueId, at, at, "java", "error", "Error",
				"shop.Orders", "message " + eventId, release, "prod", null, null, tags,
				(email != null) ? new EventUser(email, null, email, null) : null, hash, "app", "{}")));
		this.issues.recordOccurrence(new EventOccurrence(issueId, project.id(), eventId, at, "error",
				(email != null) ? "email:" + email : null, hash, release));
		return eventId;
	}

	Issue reload(long issueId) {
		return this.issues.findById(issueId).orElseThrow();
	}

	HttpResponse<String> send(String method, String path, @Nullable String body) {
		return send(method, path, token(), body);
	}

	HttpResponse<String> send(String method, String path, String token, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The JSON of a response that must have the status. */
	JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode())
			.as("%s %s: %s", response.request().method(), response.request().uri(), response.body())
			.isEqualTo(status);
		return JSON.readTree(response.body());
	}

	JsonNode get(String path) {
		return json(send("GET", path, null), 200);
	}

	JsonNode put(String path, String body) {
		return json(send("PUT", path, body), 200);
	}

	/** The {@code detail} of a 400. */
	String badRequest(HttpResponse<String> response) {
		return json(response, 400).path("detail").asString();
	}

	static List<Long> ids(JsonNode list) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode item : list) {
			ids.add(Long.parseLong(item.path("id").asString()));
		}
		return ids;
	}

	static List<String> activityTypes(JsonNode activity) {
		List<String> types = new ArrayList<>();
		for (JsonNode item : activity) {
			types.add(item.path("type").asString());
		}
		return types;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
