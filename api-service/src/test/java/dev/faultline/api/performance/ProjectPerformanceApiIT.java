package dev.faultline.api.performance;

import java.net.http.HttpResponse;
import java.util.Set;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's Apdex threshold and performance issue settings on Sentry's paths: defaults
 * until changed, partial changes keep the rest, bad values are a 400 naming the key, and
 * only writers may change them.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"faultline.admin.token=" + ProjectPerformanceApiIT.TOKEN, "faultline.admin.email=perf@example.com" })
class ProjectPerformanceApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "performance-admin-token-0123456789";

	private static final String THRESHOLD = "/api/0/projects/faultline/perf-app/transaction-threshold/configure/";

	private static final String ISSUES = "/api/0/projects/faultline/perf-app/performance-issues/configure/";

	@Autowired
	MetadataStores stores;

	@Test
	void theApdexThresholdIs300MillisecondsUntilSetAndResets() throws Exception {
		createProject();
		JsonNode initial = jsonBody(request("GET", THRESHOLD, TOKEN), 200);
		assertThat(initial.path("threshold").asString()).isEqualTo("300");
		assertThat(initial.path("metric").asString()).isEqualTo("duration");

		JsonNode set = jsonBody(request("POST", THRESHOLD, TOKEN, "{\"threshold\": 450, \"metric\": \"lcp\"}"), 200);
		assertThat(set.path("threshold").asString()).isEqualTo("450");
		assertThat(jsonBody(request("GET", THRESHOLD, TOKEN), 200).path("metric").asString()).isEqualTo("lcp");
		assertThat(
				jsonBody(request("POST", THRESHOLD, TOKEN, "{\"threshold\": \"500\"}"), 200).path("metric").asString())
			.isEqualTo("lcp");

		assertThat(jsonBody(request("POST", THRESHOLD, TOKEN, "{\"threshold\": -1}"), 400).path("detail").asString())
			.contains("threshold");
		assertThat(jsonBody(request("POST", THRESHOLD, TOKEN, "{\"metric\": \"fid\"}"), 400).path("detail").asString())
			.contains("metric");
		assertThat(request("DELETE", THRESHOLD, TOKEN).statusCode()).isEqualTo(204);
		assertThat(jsonBody(request("GET", THRESHOLD, TOKEN), 200).path("threshold").asString()).isEqualTo("300");
	}

	@Test
	void issueSettingsAnswerEveryKeyAndChangeOnlyWhatIsGiven() throws Exception {
		createProject();
		JsonNode defaults = jsonBody(request("GET", ISSUES, TOKEN), 200);
		assertThat(defaults.path("slow_db_query_duration_threshold").asLong()).isEqualTo(1000);
		assertThat(defaults.path("n_plus_one_db_queries_detection_enabled").asBoolean()).isTrue();

		JsonNode changed = jsonBody(request("PUT", ISSUES, TOKEN,
				"{\"slow_db_query_duration_threshold\": 1500, \"uncompressed_assets_detection_enabled\": false}"), 200);
		assertThat(changed.path("slow_db_query_duration_threshold").asLong()).isEqualTo(1500);
		assertThat(changed.path("uncompressed_assets_detection_enabled").asBoolean()).isFalse();
		assertThat(changed.path("n_plus_one_db_duration_threshold").asLong()).isEqualTo(100);
		JsonNode again = jsonBody(request("PUT", ISSUES, TOKEN, "{\"render_blocking_fcp_ratio\": 0.5}"), 200);
		assertThat(again.path("slow_db_query_duration_threshold").asLong()).isEqualTo(1500);
		assertThat(again.path("render_blocking_fcp_ratio").asDouble()).isEqualTo(0.5);

		assertThat(jsonBody(request("PUT", ISSUES, TOKEN, "{\"no_such_setting\": 1}"), 400).path("detail").asString())
			.contains("no_such_setting");
		assertThat(jsonBody(request("PUT", ISSUES, TOKEN, "{\"slow_db_query_duration_threshold\": \"soon\"}"), 400)
			.path("detail")
			.asString()).contains("slow_db_query_duration_threshold");
		assertThat(jsonBody(request("GET", ISSUES, TOKEN), 200).path("render_blocking_fcp_ratio").asDouble())
			.isEqualTo(0.5);
		assertThat(request("DELETE", ISSUES, TOKEN).statusCode()).isEqualTo(204);
		assertThat(jsonBody(request("GET", ISSUES, TOKEN), 200).path("slow_db_query_duration_threshold").asLong())
			.isEqualTo(1000);
	}

	@Test
	void readersSeeAndOnlyWritersChange() throws Exception {
		createProject();
		User reader = this.stores.users().create("perf-reader@example.com", "Reader", "x");
		Organization faultline = this.stores.organizations().findBySlug("faultline").orElseThrow();
		this.stores.organizations().addMember(faultline.id(), reader.id(), "member");
		String readerToken = "perf-reader-token-abcdef";
		this.stores.users()
			.createToken(reader.id(), "test", ApiTokens.hash(readerToken), Set.of("org:read", "project:read"));

		assertThat(request("GET", THRESHOLD, readerToken).statusCode()).isEqualTo(200);
		assertThat(request("POST", THRESHOLD, readerToken, "{\"threshold\": 100}").statusCode()).isEqualTo(403);
		assertThat(request("PUT", ISSUES, readerToken, "{\"render_blocking_fcp_ratio\": 0.1}").statusCode())
			.isEqualTo(403);
		assertThat(request("GET", ISSUES, null).statusCode()).isEqualTo(401);
		HttpResponse<String> unknown = request("GET",
				"/api/0/projects/faultline/no-such-project/performance-issues/configure/", TOKEN);
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	private void createProject() {
		Organization faultline = this.stores.organizations().findBySlug("faultline").orElseThrow();
		if (this.stores.projects().findBySlug(faultline.id(), "perf-app").isEmpty()) {
			long team = this.stores.organizations().listTeams(faultline.id()).get(0).id();
			this.stores.projects().create(faultline.id(), team, "perf-app", "Perf App", "java");
		}
	}

}
