package dev.faultline.api.discover;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved Discover queries through the Web API over the embedded adapters: Sentry's JSON in
 * and out, the checks that keep a saved query openable, and the owner's rights.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"faultline.admin.token=" + DiscoverSavedQueryIT.TOKEN, "faultline.admin.password=admin-password" })
class DiscoverSavedQueryIT extends EmbeddedApplicationTest {

	static final String TOKEN = "discover-saved-token-0123456789";

	private static final String SAVED = "/api/0/organizations/faultline/discover/saved/";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	private static @Nullable Project shop;

	private static @Nullable Project foreign;

	@BeforeEach
	void seed() {
		if (shop != null) {
			return;
		}
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		shop = this.projects.create(organization.id(), team.id(), "saved-shop", "Shop", "java");
		Organization elsewhere = this.organizations.create("saved-elsewhere", "Elsewhere");
		Team theirs = this.organizations.createTeam(elsewhere.id(), "theirs", "Theirs");
		foreign = this.projects.create(elsewhere.id(), theirs.id(), "saved-foreign", "Foreign", "java");
	}

	@Test
	void createReadUpdateAndDeleteInSentrysShape() throws Exception {
		String body = "{\"name\":\"Errors by title\",\"projects\":[" + shop.id()
				+ "],\"queryDataset\":\"error-events\","
				+ "\"fields\":[\"title\",\"count()\",\"equation|count() * 2\"],\"orderby\":\"-count()\","
				+ "\"query\":\"level:error\",\"environment\":[\"prod\"],\"range\":\"14d\",\"yAxis\":\"count()\","
				+ "\"display\":\"top5\",\"topEvents\":5}";
		JsonNode created = jsonBody(request("POST", SAVED, TOKEN, body), 201);
		assertThat(created.path("id").asString()).isNotBlank();
		assertThat(created.path("name").asString()).isEqualTo("Errors by title");
		assertThat(created.path("version").asInt()).isEqualTo(2);
		assertThat(created.path("projects").get(0).asLong()).isEqualTo(shop.id());
		assertThat(created.path("fields").size()).isEqualTo(3);
		assertThat(created.path("yAxis").get(0).asString()).isEqualTo("count()");
		assertThat(created.path("range").asString()).isEqualTo("14d");
		assertThat(created.path("topEvents").asInt()).isEqualTo(5);
		assertThat(created.path("createdBy").path("email").asString()).isNotBlank();
		assertThat(created.path("dateCreated").asString()).isNotBlank();
		String id = created.path("id").asString();

		JsonNode detail = jsonBody(request("GET", SAVED + id + "/", TOKEN), 200);
		assertThat(detail.path("query").asString()).isEqualTo("level:error");
		assertThat(detail.path("environment").get(0).asString()).isEqualTo("prod");
		JsonNode listed = jsonBody(request("GET", SAVED + "?query=BY%20TITLE&sortBy=-dateUpdated", TOKEN), 200);
		assertThat(listed.size()).isEqualTo(1);
		assertThat(jsonBody(request("GET", SAVED + "?query=nothing", TOKEN), 200).size()).isZero();

		JsonNode updated = jsonBody(request("PUT", SAVED + id + "/", TOKEN,
				"{\"name\":\"Renamed\",\"projects\":[],\"fields\":[\"level\",\"count()\"],\"start\":"
						+ "\"2026-01-01T00:00:00\",\"end\":\"2026-01-02T00:00:00\",\"shared\":false}"),
				200);
		assertThat(updated.path("name").asString()).isEqualTo("Renamed");
		assertThat(updated.path("shared").asBoolean()).isFalse();
		assertThat(updated.has("range")).isFalse();
		assertThat(updated.path("start").asString()).isEqualTo("2026-01-01T00:00:00");

		assertThat(request("DELETE", SAVED + id + "/", TOKEN).statusCode()).isEqualTo(204);
		assertThat(request("GET", SAVED + id + "/", TOKEN).statusCode()).isEqualTo(404);
		assertThat(request("DELETE", SAVED + id + "/", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void refusesWhatWouldNotOpen() throws Exception {
		assertThat(detail(400, "{\"fields\":[\"count()\"]}")).contains("name");
		assertThat(detail(400, "{\"name\":\"x\",\"fields\":[]}")).contains("at least one column");
		assertThat(detail(400, "{\"name\":\"x\",\"fields\":[\"nosuch(level)\"]}")).contains("nosuch");
		assertThat(detail(400, "{\"name\":\"x\",\"queryDataset\":\"metrics\",\"fields\":[\"count()\"]}"))
			.contains("queryDataset");
		assertThat(detail(400, "{\"name\":\"x\",\"fields\":[\"count()\"],\"range\":\"1d\",\"start\":\"2026-01-01\"}"))
			.contains("range and start/end");
		assertThat(request("POST", SAVED, TOKEN,
				"{\"name\":\"x\",\"fields\":[\"count()\"],\"projects\":[" + foreign.id() + "]}")
			.statusCode()).isEqualTo(403);
		assertThat(request("GET", "/api/0/organizations/saved-elsewhere/discover/saved/", TOKEN).statusCode()).isIn(403,
				404);
	}

	private String detail(int status, String body) throws Exception {
		return jsonBody(request("POST", SAVED, TOKEN, body), status).path("detail").asString();
	}

}
