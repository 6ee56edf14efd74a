package dev.faultline.api.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue alert rules, the WebHooks plugin and integrations on their paths: Sentry's rule
 * JSON round-trips, rules Faultline would not evaluate are 400s naming the part, readers
 * cannot change, integration secrets are never answered and the test button reaches a
 * local receiver.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + AlertApiIT.TOKEN, "faultline.admin.email=alerts@example.com" })
class AlertApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "alerts-admin-token-0123456789";

	private static final String RULES = "/api/0/projects/faultline/alert-app/rules/";

	@Autowired
	MetadataStores stores;

	private HttpServer receiver;

	private final List<String> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() throws IOException {
		Organization faultline = this.stores.organizations().findBySlug("faultline").orElseThrow();
		if (this.stores.projects().findBySlug(faultline.id(), "alert-app").isEmpty()) {
			long team = this.stores.organizations().listTeams(faultline.id()).get(0).id();
			this.stores.projects().create(faultline.id(), team, "alert-app", "Alert App", "java");
		}
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.received.add(exchange.getRequestURI().getPath() + " "
						+ new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			int status = exchange.getRequestURI().getPath().contains("gone") ? 410 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void tearDown() {
		this.receiver.stop(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + path;
	}

	@Test
	void issueRulesRoundTripSentrysJson() throws Exception {
		String body = "{\"name\":\"New production errors\",\"frequency\":60,\"actionMatch\":\"any\",\"filterMatch\":\"all\","
				+ "\"environment\":\"production\",\"conditions\":["
				+ "{\"id\":\"sentry.rules.conditions.first_seen_event.FirstSeenEventCondition\"},"
				+ "{\"id\":\"sentry.rules.conditions.event_frequency.EventFrequencyCondition\",\"value\":100,\"interval\":\"1h\"}],"
				+ "\"filters\":[{\"id\":\"sentry.rules.filters.level.LevelFilter\",\"match\":\"gte\",\"level\":\"40\"}],"
				+ "\"actions\":[{\"id\":\"sentry.rules.actions.notify_event_service.NotifyEventServiceAction\",\"service\":\"webhooks\"},"
				+ "{\"id\":\"sentry.mail.actions.NotifyEmailAction\",\"targetType\":\"IssueOwners\",\"fallthroughType\":\"ActiveMembers\"}]}";
		JsonNode created = jsonBody(request("POST", RULES, TOKEN, body), 201);
		String id = created.path("id").asString();
		assertThat(created.path("name").asString()).isEqualTo("New production errors");
		assertThat(created.path("frequency").asInt()).isEqualTo(60);
		assertThat(created.path("actionMatch").asString()).isEqualTo("any");
		assertThat(created.path("environment").asString()).isEqualTo("production");
		assertThat(created.path("conditions").get(1).path("interval").asString()).isEqualTo("1h");
		assertThat(created.path("filters").get(0).path("level").asString()).isEqualTo("40");
		assertThat(created.path("actions")).hasSize(2);
		assertThat(created.path("projects").get(0).asString()).isEqualTo("alert-app");
		assertThat(created.path("status").asString()).isEqualTo("active");
		assertThat(created.path("createdBy").path("email").asString()).isEqualTo("alerts@example.com");
		assertThat(created.path("snooze").asBoolean()).isFalse();

		JsonNode listed = jsonBody(request("GET", RULES, TOKEN), 200);
		assertThat(listed).anySatisfy((rule) -> assertThat(rule.path("id").asString()).isEqualTo(id));
		JsonNode renamed = jsonBody(request("PUT", RULES + id + "/", TOKEN, "{\"name\":\"Renamed\",\"frequency\":5}"),
				200);
		assertThat(renamed.path("name").asString()).isEqualTo("Renamed");
		assertThat(renamed.path("conditions")).hasSize(2);

		assertThat(request("POST", RULES + id + "/snooze/", TOKEN, "{\"target\":\"everyone\"}").statusCode())
			.isEqualTo(201);
		assertThat(jsonBody(request("GET", RULES + id + "/", TOKEN), 200).path("snooze").asBoolean()).isTrue();
		assertThat(request("DELETE", RULES + id + "/snooze/", TOKEN).statusCode()).isEqualTo(204);
		assertThat(jsonBody(request("GET", RULES + id + "/group-history/", TOKEN), 200)).isEmpty();
		assertThat(jsonBody(request("GET", RULES + "configuration/", TOKEN), 200).path("conditions").size())
			.isGreaterThanOrEqualTo(5);

		assertThat(request("DELETE", RULES + id + "/", TOKEN).statusCode()).isEqualTo(202);
		assertThat(request("GET", RULES + id + "/", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void rulesFaultlineWouldNotEvaluateAreRefused() throws Exception {
		String action = "\"actions\":[{\"id\":\"sentry.rules.actions.notify_event_service.NotifyEventServiceAction\",\"service\":\"webhooks\"}]";
		assertThat(detail(
				"{\"name\":\"x\",\"conditions\":[{\"id\":\"sentry.rules.conditions.nope.Nope\"}]," + action + "}"))
			.contains("unknown condition");
		assertThat(detail(
				"{\"name\":\"x\",\"conditions\":[{\"id\":\"sentry.rules.conditions.event_frequency.EventFrequencyCondition\",\"value\":1,\"interval\":\"2h\"}],"
						+ action + "}"))
			.contains("interval");
		assertThat(detail("{\"name\":\"x\",\"actionMatch\":\"some\",\"conditions\":[]," + action + "}"))
			.contains("actionMatch");
		assertThat(detail("{\"name\":\"x\",\"conditions\":[]}")).contains("actions");
		assertThat(detail("{\"conditions\":[]," + action + "}")).contains("name");
		assertThat(detail("{\"name\":\"x\",\"frequency\":50000," + action + "}")).contains("frequency");
	}

	private String detail(String body) throws Exception {
		return jsonBody(request("POST", RULES, TOKEN, body), 400).path("detail").asString();
	}

	@Test
	void readersSeeRulesAndOnlyWritersChangeThem() throws Exception {
		User reader = this.stores.users().create("alert-reader@example.com", "Reader", "x");
		Organization faultline = this.stores.organizations().findBySlug("faultline").orElseThrow();
		this.stores.organizations().addMember(faultline.id(), reader.id(), "member");
		String readerToken = "alert-reader-token-abcdef";
		this.stores.users()
			.createToken(reader.id(), "test", ApiTokens.hash(readerToken), Set.of("org:read", "alerts:read"));
		assertThat(request("GET", RULES, readerToken).statusCode()).isEqualTo(200);
		assertThat(request("POST", RULES, readerToken, "{}").statusCode()).isEqualTo(403);
		assertThat(request("GET", RULES, null).statusCode()).isEqualTo(401);
		assertThat(request("GET", "/api/0/projects/faultline/nope/rules/", TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void integrationsKeepTheirSecretsAndTestSendReachesTheDestination() throws Exception {
		String integrations = "/api/0/organizations/faultline/alert-integrations/";
		JsonNode slack = jsonBody(
				request("POST", integrations, TOKEN, "{\"provider\":\"slack\",\"name\":\"#ops\",\"config\":{\"url\":\""
						+ url("/services/T0/B0/SECRET") + "\",\"channel\":\"#ops\"}}"),
				201);
		assertThat(slack.toString()).doesNotContain("SECRET");
		assertThat(slack.path("config").path("url").asString()).endsWith("/…");
		String id = slack.path("id").asString();
		JsonNode test = jsonBody(request("POST", integrations + id + "/test/", TOKEN), 200);
		assertThat(test.path("success").asBoolean()).isTrue();
		assertThat(this.received).singleElement().satisfies((line) -> {
			assertThat(line).startsWith("/services/T0/B0/SECRET ");
			assertThat(line).contains("\"blocks\"").contains("\"channel\":\"#ops\"");
		});
		assertThat(jsonBody(request("GET", integrations + id + "/", TOKEN), 200).path("status")
			.path("lastStatus")
			.asString()).isEqualTo("ok");

		JsonNode pager = jsonBody(request("POST", integrations, TOKEN,
				"{\"provider\":\"pagerduty\",\"name\":\"Pager\",\"config\":{\"integrationKey\":\"KEY123\",\"url\":\""
						+ url("/gone") + "\"}}"),
				201);
		assertThat(pager.path("config").path("integrationKey").asString()).isEqualTo("********");
		JsonNode failed = jsonBody(request("POST", integrations + pager.path("id").asString() + "/test/", TOKEN), 200);
		assertThat(failed.path("success").asBoolean()).isFalse();
		assertThat(failed.path("detail").asString()).startsWith("HTTP 410");
		assertThat(jsonBody(request("GET", integrations + pager.path("id").asString() + "/", TOKEN), 200).path("status")
			.path("lastError")
			.asString()).startsWith("HTTP 410");

		JsonNode hook = jsonBody(request("POST", integrations, TOKEN,
				"{\"provider\":\"webhook\",\"name\":\"Internal\",\"config\":{\"url\":\"" + url("/hook") + "\"}}"), 201);
		assertThat(hook.path("config").path("clientSecret").asString()).hasSize(64);
		assertThat(jsonBody(request("GET", integrations + hook.path("id").asString() + "/", TOKEN), 200).path("config")
			.path("clientSecret")
			.asString()).isEqualTo("********");
		assertThat(request("POST", integrations, TOKEN,
				"{\"provider\":\"slack\",\"name\":\"#ops\",\"config\":{\"url\":\"https://x.example/a\"}}")
			.statusCode()).isEqualTo(409);
		assertThat(request("POST", integrations, TOKEN, "{\"provider\":\"fax\",\"name\":\"f\"}").statusCode())
			.isEqualTo(400);
		assertThat(request("POST", integrations, TOKEN,
				"{\"provider\":\"slack\",\"name\":\"n\",\"config\":{\"url\":\"ftp://x\"}}")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void theWebhookPluginKeepsItsUrls() throws Exception {
		String plugin = "/api/0/projects/faultline/alert-app/plugins/webhooks/";
		JsonNode saved = jsonBody(
				request("PUT", plugin, TOKEN, "{\"urls\":\"https://a.example/hook\\nhttps://b.example/hook\"}"), 200);
		assertThat(saved.path("enabled").asBoolean()).isTrue();
		assertThat(saved.path("config").get(0).path("value").asString())
			.isEqualTo("https://a.example/hook\nhttps://b.example/hook");
		assertThat(request("DELETE", plugin, TOKEN).statusCode()).isEqualTo(204);
		assertThat(jsonBody(request("GET", plugin, TOKEN), 200).path("enabled").asBoolean()).isFalse();
		assertThat(request("PUT", plugin, TOKEN, "{\"urls\":\"not a url\"}").statusCode()).isEqualTo(400);
	}

}
