package dev.faultline.api.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.auth.Scopes;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.OutcomeStore;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.UserStore;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueuedEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system status API and the Prometheus scrape over HTTP on the embedded adapters: the
 * queue's backlog follows what is published, every store answers, the disk and the schema
 * are reported, the outcome counters of every project are summed, and only the instance
 * administrator gets in.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + SystemStatusApiIT.TOKEN, "faultline.admin.email=root@example.com",
				"faultline.management.token=" + SystemStatusApiIT.SCRAPE_TOKEN })
class SystemStatusApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "system-status-admin-token-0123456789";

	static final String SCRAPE_TOKEN = "system-status-scrape-token-0123456789";

	private static final String OTHER_TOKEN = "system-status-other-token-0123456789";

	private static final String STATUS = "/api/0/internal/system/status/";

	@Value("${faultline.data-dir}")
	String dataDirSetting;

	@Autowired
	EnvelopeQueue queue;

	@Autowired
	OutcomeStore outcomes;

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	UserStore users;

	@Test
	void theBacklogFollowsWhatIsPublished() throws Exception {
		long before = jsonBody(request("GET", STATUS + "?refresh=1", TOKEN), 200).path("queue").path("lag").asLong();
		for (int i = 0; i < 3; i++) {
			this.queue.publish(
					new QueuedEnvelope(1, "key", Instant.now(), null, null, "{}\n".getBytes(StandardCharsets.UTF_8)));
		}
		JsonNode status = jsonBody(request("GET", STATUS + "?refresh=1", TOKEN), 200);
		JsonNode queue = status.path("queue");
		assertThat(queue.path("group").asString()).isEqualTo("processor");
		assertThat(queue.path("lag").asLong()).isEqualTo(before + 3);
		assertThat(queue.path("partitions")).hasSize(1);
		assertThat(queue.path("partitions").get(0).path("lag").asLong()).isEqualTo(before + 3);
		assertThat(queue.path("error").isNull()).isTrue();
	}

	@Test
	void storesDiskAndSchemaAreReported() throws Exception {
		JsonNode status = jsonBody(request("GET", STATUS + "?refresh=1", TOKEN), 200);
		assertThat(status.path("healthy").asBoolean()).isTrue();
		assertThat(status.path("stores")).extracting((store) -> store.path("name").asString())
			.containsExactly("events", "metadata", "queue");
		assertThat(status.path("stores")).allSatisfy((store) -> {
			assertThat(store.path("healthy").asBoolean()).isTrue();
			assertThat(store.path("latencyMs").asDouble()).isGreaterThanOrEqualTo(0);
		});
		JsonNode disk = status.path("disk");
		assertThat(disk.path("path").asString()).isEqualTo(Path.of(this.dataDirSetting).toAbsolutePath().toString());
		assertThat(disk.path("freeBytes").asLong()).isPositive().isLessThanOrEqualTo(disk.path("totalBytes").asLong());
		assertThat(Integer.parseInt(status.path("schema").path("version").asString())).isGreaterThanOrEqualTo(7);
		assertThat(status.path("version").asString()).isNotBlank();
		assertThat(Instant.parse(status.path("startedAt").asString())).isBefore(Instant.now());
	}

	@Test
	void volumesOfEveryProjectAreSummedByHourAndReason() throws Exception {
		long organization = this.organizations.create("volumes", "Volumes").id();
		long team = this.organizations.createTeam(organization, "core", "Core").id();
		long first = this.projects.create(organization, team, "first", "First", "java").id();
		long second = this.projects.create(organization, team, "second", "Second", "node").id();
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		this.outcomes.record(List.of(new OutcomeCount(first, hour, "error", "accepted", "", 5, 5),
				new OutcomeCount(second, hour, "error", "accepted", "", 2, 2),
				new OutcomeCount(second, hour, "error", "filtered", "localhost", 4, 4),
				new OutcomeCount(first, hour, "attachment", "invalid", "too_large", 9000, 3)));

		JsonNode status = jsonBody(request("GET", STATUS, TOKEN), 200);
		JsonNode processed = status.path("processed");
		assertThat(processed).hasSize(24);
		assertThat(processed).filteredOn((entry) -> Instant.parse(entry.path("hour").asString()).equals(hour))
			.singleElement()
			.satisfies((thisHour) -> assertThat(thisHour.path("accepted").asLong()).isEqualTo(7));
		assertThat(status.path("dropped"))
			.extracting((dropped) -> dropped.path("outcome").asString() + "/" + dropped.path("reason").asString() + "/"
					+ dropped.path("category").asString() + "=" + dropped.path("items").asLong())
			.containsExactly("filtered/localhost/error=4", "invalid/too_large/attachment=3");
	}

	@Test
	void onlyTheInstanceAdminGetsIn() throws Exception {
		if (this.users.findByEmail("member@example.com").isEmpty()) {
			long member = this.users.create("member@example.com", "Member", "x").id();
			this.users.createToken(member, "all", ApiTokens.hash(OTHER_TOKEN), Scopes.ALL);
		}
		assertThat(request("GET", STATUS, OTHER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(request("GET", STATUS, null).statusCode()).isEqualTo(401);
	}

	@Test
	void prometheusScrapesTheQueueLagAndStoreGauges() throws Exception {
		jsonBody(request("GET", STATUS + "?refresh=1", TOKEN), 200);
		HttpResponse<String> scrape = request("GET", "/actuator/prometheus", SCRAPE_TOKEN);
		assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
		assertThat(scrape.body()).contains("faultline_queue_lag{group=\"processor\"}")
			.contains("faultline_queue_lag_partition{group=\"processor\",partition=\"0\"}")
			.contains("faultline_store_healthy{store=\"events\"} 1.0")
			.contains("faultline_store_latency_milliseconds{store=\"metadata\"}")
			.contains("faultline_disk_free_bytes");
		assertThat(request("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
	}

	@Test
	void everyMetricTheGrafanaDashboardQueriesIsScraped() throws Exception {
		jsonBody(request("GET", STATUS + "?refresh=1", TOKEN), 200);
		String scrape = request("GET", "/actuator/prometheus", SCRAPE_TOKEN).body();
		String dashboard = Files.readString(Path.of("../deploy/grafana/faultline-dashboard.json"));
		Set<String> queried = new TreeSet<>();
		Matcher metric = Pattern.compile("\\b(faultline_[a-z_]+|jvm_[a-z_]+|http_server_[a-z_]+)").matcher(dashboard);
		while (metric.find()) {
			queried.add(metric.group(1));
		}
		assertThat(queried).contains("faultline_queue_lag", "faultline_store_latency_milliseconds");
		// Outcomes are counted by ingest and the processor, which this API-only context
		// does not run; HTTP timings appear after the first request, made above.
		queried.remove("faultline_outcomes_total");
		assertThat(queried).allSatisfy((name) -> assertThat(scrape).contains(name));
	}

}
