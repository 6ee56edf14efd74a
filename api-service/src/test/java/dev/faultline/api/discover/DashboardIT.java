package dev.faultline.api.discover;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dashboards through the Web API over the embedded adapters: the prebuilt one while the
 * organization has none, Sentry's widget model in and out, duplicate, titles unique,
 * layouts and queries checked.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + DashboardIT.TOKEN, "faultline.admin.password=admin-password" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT extends EmbeddedApplicationTest {

	static final String TOKEN = "dashboard-token-0123456789abcdef";

	private static final String DASHBOARDS = "/api/0/organizations/faultline/dashboards/";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	private static @Nullable Project shop;

	@BeforeEach
	void seed() {
		if (shop != null) {
			return;
		}
		Organization organization = this.organizations.findBySlug("faultline").orElseThrow();
		Team team = this.organizations.listTeams(organization.id()).get(0);
		shop = this.projects.create(organization.id(), team.id(), "board-shop", "Shop", "java");
	}

	@Test
	@Order(1)
	void aNewOrganizationListsThePrebuiltDashboardWhoseWidgetsAllCheck() throws Exception {
		JsonNode list = jsonBody(request("GET", DASHBOARDS, TOKEN), 200);
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).path("id").asString()).isEqualTo("default-overview");
		assertThat(list.get(0).path("widgetDisplay").toString()).contains("line", "big_number", "table");
		JsonNode prebuilt = jsonBody(request("GET", DASHBOARDS + "default-overview/", TOKEN), 200);
		List<String> titles = new ArrayList<>();
		prebuilt.path("widgets").forEach((widget) -> titles.add(widget.path("title").asString()));
		assertThat(titles).contains("Errors over time", "Top issues", "p95 by transaction", "Apdex", "Web vitals");
		// Duplicating it runs every widget through the checks a client's dashboard gets.
		JsonNode copy = jsonBody(request("POST", DASHBOARDS + "default-overview/duplicate/", TOKEN), 201);
		assertThat(copy.path("title").asString()).isEqualTo("General copy");
		assertThat(copy.path("widgets").size()).isEqualTo(prebuilt.path("widgets").size());
		assertThat(request("DELETE", DASHBOARDS + copy.path("id").asString() + "/", TOKEN).statusCode()).isEqualTo(204);
	}

	@Test
	@Order(2)
	void createEditDuplicateAndDeleteWithSentrysWidgetModel() throws Exception {
		String body = "{\"title\":\"Checkout\",\"projects\":[" + shop.id() + "],\"environment\":[\"prod\"],"
				+ "\"period\":\"7d\",\"filters\":{\"release\":[\"1.0\"]},\"widgets\":["
				+ widget("Errors", "line", "error-events", "[\"count()\"]", "[]", "level:error", 0, 0, 4, 2) + ","
				+ widget("Slow", "table", "transaction-like", "[\"p95(transaction.duration)\"]", "[\"transaction\"]",
						"", 4, 0, 2, 2)
				+ "]}";
		JsonNode created = jsonBody(request("POST", DASHBOARDS, TOKEN, body), 201);
		String id = created.path("id").asString();
		assertThat(created.path("title").asString()).isEqualTo("Checkout");
		assertThat(created.path("period").asString()).isEqualTo("7d");
		assertThat(created.path("filters").path("release").get(0).asString()).isEqualTo("1.0");
		assertThat(created.path("createdBy").path("email").asString()).isNotBlank();
		JsonNode slow = created.path("widgets").get(1);
		assertThat(slow.path("id").asString()).isNotBlank();
		assertThat(slow.path("layout").path("x").asInt()).isEqualTo(4);
		assertThat(slow.path("queries").get(0).path("columns").get(0).asString()).isEqualTo("transaction");

		// The prebuilt one leaves the list once the organization has its own.
		JsonNode list = jsonBody(request("GET", DASHBOARDS, TOKEN), 200);
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).path("widgetPreview").get(1).path("layout").path("w").asInt()).isEqualTo(2);

		// Rearranged: the widgets swap places and keep their ids.
		String moved = "{\"title\":\"Checkout\",\"projects\":[" + shop.id() + "],\"period\":\"24h\",\"widgets\":["
				+ widget("Slow", "table", "transaction-like", "[\"p95(transaction.duration)\"]", "[\"transaction\"]",
						"", 0, 0, 2, 2)
					.replaceFirst("\\{", "{\"id\":\"" + slow.path("id").asString() + "\",")
				+ "," + widget("Errors", "area", "error-events", "[\"count()\"]", "[]", "", 2, 0, 4, 3) + "]}";
		JsonNode updated = jsonBody(request("PUT", DASHBOARDS + id + "/", TOKEN, moved), 200);
		assertThat(updated.path("widgets").get(0).path("id").asString()).isEqualTo(slow.path("id").asString());
		assertThat(updated.path("widgets").get(1).path("displayType").asString()).isEqualTo("area");
		JsonNode reread = jsonBody(request("GET", DASHBOARDS + id + "/", TOKEN), 200);
		assertThat(reread.path("widgets").get(1).path("layout").path("h").asInt()).isEqualTo(3);

		JsonNode copy = jsonBody(request("POST", DASHBOARDS + id + "/duplicate/", TOKEN), 201);
		assertThat(copy.path("title").asString()).isEqualTo("Checkout copy");
		assertThat(jsonBody(request("POST", DASHBOARDS + id + "/duplicate/", TOKEN), 201).path("title").asString())
			.isEqualTo("Checkout copy 2");
		assertThat(request("POST", DASHBOARDS, TOKEN, "{\"title\":\"Checkout\",\"widgets\":[]}").statusCode())
			.isEqualTo(409);

		assertThat(request("DELETE", DASHBOARDS + id + "/", TOKEN).statusCode()).isEqualTo(204);
		assertThat(request("GET", DASHBOARDS + id + "/", TOKEN).statusCode()).isEqualTo(404);
		assertThat(request("GET", "/api/0/organizations/faultline/dashboards/nope/", TOKEN).statusCode())
			.isEqualTo(404);
	}

	@Test
	@Order(3)
	void refusesWidgetsThatCouldNotRender() throws Exception {
		assertThat(refusal(widget("W", "pie", "error-events", "[\"count()\"]", "[]", "", 0, 0, 2, 2)))
			.contains("displayType");
		assertThat(refusal(widget("W", "line", "error-events", "[\"level\"]", "[]", "", 0, 0, 2, 2)))
			.contains("is not a function");
		assertThat(refusal(widget("W", "line", "error-events", "[\"nosuch(level)\"]", "[]", "", 0, 0, 2, 2)))
			.contains("nosuch");
		assertThat(refusal(widget("W", "line", "error-events", "[\"count()\"]", "[]", "level:[error", 0, 0, 2, 2)))
			.isNotBlank();
		assertThat(refusal(widget("W", "line", "error-events", "[\"count()\"]", "[]", "", 5, 0, 2, 2)))
			.contains("columns inside the grid");
		assertThat(refusal(widget("W", "line", "metrics", "[\"count()\"]", "[]", "", 0, 0, 2, 2)))
			.contains("widgetType");
	}

	private String refusal(String widget) throws Exception {
		return jsonBody(request("POST", DASHBOARDS, TOKEN, "{\"title\":\"Bad\",\"widgets\":[" + widget + "]}"), 400)
			.path("detail")
			.asString();
	}

	private static String widget(String title, String displayType, String widgetType, String aggregates, String columns,
			String conditions, int x, int y, int w, int h) {
		return "{\"title\":\"" + title + "\",\"displayType\":\"" + displayType + "\",\"widgetType\":\"" + widgetType
				+ "\",\"interval\":\"1h\",\"layout\":{\"x\":" + x + ",\"y\":" + y + ",\"w\":" + w + ",\"h\":" + h
				+ ",\"minH\":1},\"queries\":[{\"name\":\"\",\"fields\":[],\"aggregates\":" + aggregates
				+ ",\"columns\":" + columns + ",\"fieldAliases\":[],\"conditions\":\"" + conditions
				+ "\",\"orderby\":\"\"}]}";
	}

}
