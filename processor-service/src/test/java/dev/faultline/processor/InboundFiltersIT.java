package dev.faultline.processor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.processor.event.GroupingStage;
import dev.faultline.processor.pipeline.ProjectProcessingCache;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectFilters;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound filter stage through the real pipeline on the embedded engines: a project's
 * filters, stored through the metadata port and read through the settings cache, drop the
 * matching events with outcome {@code filtered} and Relay's reason, before they are
 * grouped or stored; the others are stored as before, and a project without filters keeps
 * everything.
 */
class InboundFiltersIT {

	@TempDir
	Path dir;

	private SqliteMetadataStores metadata;

	private DuckDbEventStore events;

	private TestPipelines.Built pipeline;

	private Project filtered;

	private Project open;

	@BeforeEach
	void start() {
		this.metadata = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
		this.events = DuckDbEventStore.open(this.dir.resolve("events.duckdb"));
		Organization organization = this.metadata.organizations().create("acme", "Acme");
		Team team = this.metadata.organizations().createTeam(organization.id(), "core", "Core");
		this.filtered = this.metadata.projects().create(organization.id(), team.id(), "filtered", "Filtered", "java");
		this.open = this.metadata.projects().create(organization.id(), team.id(), "open", "Open", "java");
		this.metadata.projectSettings()
			.updateFilters(this.filtered.id(),
					new ProjectFilters(true, true, true, false, new TreeSet<>(List.of("ie_pre_9")),
							List.of("*ConnectionTimeout*"), List.of("*-beta*"), List.of("203.0.113.0/24")));
		this.pipeline = TestPipelines.embedded(this.metadata, this.events, new GroupingStage(),
				new ProjectProcessingCache(this.metadata.projectSettings(), ScrubbingSettings.defaultSettings(),
						Duration.ofSeconds(30)));
	}

	@AfterEach
	void stop() {
		this.events.close();
		this.metadata.close();
	}

	@Test
	void matchingEventsAreDroppedWithTheirReasonAndTheOthersStored() {
		List<QueueRecord> records = List.of(
				record(this.filtered, 1, "{\"request\":{\"url\":\"http://localhost:8080/cart\"}}", "198.51.100.1"),
				record(this.filtered, 2, "{\"logentry\":{\"formatted\":\"ConnectionTimeout after 3 s\"}}",
						"198.51.100.1"),
				record(this.filtered, 3, "{\"release\":\"shop@2.0-beta.1\"}", "198.51.100.1"),
				record(this.filtered, 4, "{}", "203.0.113.9"),
				record(this.filtered, 5,
						"{\"request\":{\"headers\":{\"User-Agent\":\"Mozilla/5.0 (compatible; Googlebot/2.1)\"}}}",
						"198.51.100.1"),
				record(this.filtered, 6,
						"{\"request\":{\"headers\":{\"User-Agent\":\"Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.0)\"}}}",
						"198.51.100.1"),
				record(this.filtered, 7,
						"{\"exception\":{\"values\":[{\"type\":\"TypeError\","
								+ "\"value\":\"can't access dead object\"}]}}",
						"198.51.100.1"),
				record(this.filtered, 8, "{\"logentry\":{\"formatted\":\"Payment declined\"},\"release\":\"shop@2.0\"}",
						"198.51.100.1"),
				record(this.open, 9, "{\"request\":{\"url\":\"http://localhost:8080/cart\"}}", "203.0.113.9"));

		TestPipelines.Batch batch = this.pipeline.prepare(records);

		assertThat(batch.dropped()).containsExactly(Map.entry("event",
				Map.of("filtered/localhost", 1L, "filtered/error-message", 1L, "filtered/release-version", 1L,
						"filtered/ip-address", 1L, "filtered/web-crawlers", 1L, "filtered/legacy-browsers", 1L,
						"filtered/browser-extensions", 1L)));
		assertThat(batch.events()).hasSize(2);
		this.pipeline.pipeline().store(batch.batch());
		for (int n = 1; n <= 7; n++) {
			assertThat(this.events.find(this.filtered.id(), eventId(n))).as("event %d", n).isEmpty();
		}
		assertThat(this.events.find(this.filtered.id(), eventId(8))).isPresent();
		assertThat(this.events.find(this.open.id(), eventId(9))).isPresent();
	}

	private static String eventId(int n) {
		return "%032x".formatted(n);
	}

	private static QueueRecord record(Project project, int n, String fields, String clientIp) {
		String event = "{\"event_id\":\"" + eventId(n) + "\",\"platform\":\"javascript\",\"level\":\"error\","
				+ fields.substring(1);
		if (fields.equals("{}")) {
			event = "{\"event_id\":\"" + eventId(n) + "\",\"platform\":\"javascript\",\"message\":\"plain\"}";
		}
		String envelope = "{\"event_id\":\"" + eventId(n) + "\"}\n{\"type\":\"event\"}\n" + event + "\n";
		return new QueueRecord(project.id() + "-" + n, new QueuedEnvelope(project.id(), "publickey", Samples.RECEIVED,
				clientIp, "test", envelope.getBytes(StandardCharsets.UTF_8)));
	}

}
