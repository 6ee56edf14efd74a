package dev.faultline.api.grouping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grouping-info endpoint on the whole application over the embedded adapters.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + GroupingInfoIT.TOKEN, "faultline.admin.password=admin-password" })
class GroupingInfoIT extends EmbeddedApplicationTest {

	static final String TOKEN = "grouping-token-0123456789abcdef";

	private static final String HASH = "0123456789abcdef0123456789abcdef";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	IssueStore issues;

	@Autowired
	EventStore events;

	@Test
	void explainsWhyAnEventWasGrouped() throws Exception {
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		Project project = this.projects.create(organization.id(), team.id(), "grouped", "Grouped", "java");
		Instant at = Instant.parse("2026-11-25T01:00:00Z");
		Issue issue = this.issues
			.findOrCreate(new NewIssue(project.id(), HASH, "IllegalStateException: x", "shop.Orders", "error", "error",
					Map.of(), at))
			.orElseThrow();
		String eventId = "fedcba9876543210fedcba9876543210";
		String payload = """
				{"event_id":"%s","hashes":["%s"],"grouping_info":{"hash":"%s","variant":"app",
				 "components":["type:java.lang.IllegalStateException","frame:shop.Orders | check"]}}
				""".formatted(eventId, HASH, HASH);
		this.events.write(List.of(new StoredEvent(project.id(), eventId, issue.id(), at, at, "java", "error",
				issue.title(), issue.culprit(), "x", null, null, null, null, Map.of(), null, HASH, "app", payload)));

		HttpResponse<String> response = get(
				"/api/0/projects/faultline/grouped/events/fedcba98-7654-3210-fedc-ba9876543210/grouping-info/");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode app = JsonMapper.builder().build().readTree(response.body()).path("app");
		assertThat(app.path("hash").asString()).isEqualTo(HASH);
		assertThat(app.path("description").asString()).isEqualTo("in-app exception stack-trace");
		assertThat(app.path("hashMismatch").asBoolean()).isFalse();
		JsonNode values = app.path("component").path("values");
		assertThat(values.path(0).path("id").asString()).isEqualTo("type");
		assertThat(values.path(0).path("values").path(0).asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(values.path(1).path("id").asString()).isEqualTo("frame");
		assertThat(values.path(1).path("values").path(0).asString()).isEqualTo("shop.Orders | check");

		assertThat(get("/api/0/projects/faultline/grouped/events/" + "1".repeat(32) + "/grouping-info/").statusCode())
			.isEqualTo(404);
		assertThat(get("/api/0/projects/faultline/grouped/events/nope/grouping-info/").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + TOKEN)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
