package dev.faultline.processor;

import dev.faultline.processor.event.GroupingStage;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ProjectProcessingCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-project settings through the real pipeline on the embedded engines: two projects
 * with different settings (stored through the metadata port) receive the same events and
 * store them scrubbed and grouped each its own way.
 */
class ProjectSettingsIT {

	private static final String MASK_EMAILS = "{\"rules\":{\"0\":{\"type\":\"email\",\"redaction\":{\"method\":\"mask\"}}},"
			+ "\"applications\":{\"$string\":[\"0\"]}}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private SqliteMetadataStores metadata;

	private DuckDbEventStore events;

	private EnvelopePipeline pipeline;

	private Project strict;

	private Project plain;

	@BeforeEach
	void start() {
		this.metadata = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
		this.events = DuckDbEventStore.open(this.dir.resolve("events.duckdb"));
		Organization organization = this.metadata.organizations().create("acme", "Acme");
		Team team = this.metadata.organizations().createTeam(organization.id(), "core", "Core");
		this.strict = this.metadata.projects().create(organization.id(), team.id(), "strict", "Strict", "java");
		this.plain = this.metadata.projects().create(organization.id(), team.id(), "plain", "Plain", "java");
		this.metadata.projectSettings()
			.update(this.strict.id(),
					new ProjectSettings("error.type:TimeoutError -> timeouts", "",
							"{\"rules\":{\"0\":{\"type\":\"email\",\"redaction\":{\"method\":\"mask\"}},"
									+ "\"1\":{\"type\":\"anything\",\"redaction\":{\"method\":\"remove\"}}},"
									+ "\"applications\":{\"$string\":[\"0\"],\"extra.order_code\":[\"1\"]}}",
							true, List.of("customer_ref"), List.of(), true, true, List.of("com.acme"), List.of()));
		this.pipeline = TestPipelines
			.embedded(this.metadata, this.events, new GroupingStage(),
					new ProjectProcessingCache(this.metadata.projectSettings(), ScrubbingSettings.defaultSettings(),
							Duration.ofSeconds(30)))
			.pipeline();
	}

	@AfterEach
	void stop() {
		this.events.close();
		this.metadata.close();
	}

	@Test
	void eachProjectIsScrubbedAndGroupedWithItsOwnSettings() {
		for (Project project : List.of(this.strict, this.plain)) {
			List<QueueRecord> records = List.of(record(project, 1, "fetchOrders"), record(project, 2, "fetchUsers"));
			this.pipeline.store(this.pipeline.prepare(records));
		}

		StoredEvent strict1 = stored(this.strict, 1);
		StoredEvent strict2 = stored(this.strict, 2);
		StoredEvent plain1 = stored(this.plain, 1);
		StoredEvent plain2 = stored(this.plain, 2);

		// advanced rules: emails masked everywhere, extra.order_code removed
		assertThat(strict1.payload()).doesNotContain("jane@example.com")
			.contains("****************")
			.contains("\"order_code\":null")
			.doesNotContain("OC-7731");
		assertThat(plain1.payload()).contains("jane@example.com").contains("OC-7731");
		// sensitive fields and IP removal only where configured
		assertThat(strict1.payload()).doesNotContain("REF-99").doesNotContain("198.51.100.23");
		assertThat(plain1.payload()).contains("REF-99").contains("198.51.100.23");
		// the title is recomputed from the scrubbed message
		assertThat(strict1.title()).doesNotContain("jane@example.com");

		// fingerprint rule: one issue for both timeouts in the strict project only
		assertThat(strict1.issueId()).isEqualTo(strict2.issueId());
		assertThat(strict1.groupingVariant()).isEqualTo("custom-fingerprint");
		assertThat(plain1.issueId()).isNotEqualTo(plain2.issueId());

		// in-app defaults: com.acme frames are in-app in the strict project only
		assertThat(frame(strict1, 1).path("in_app").asBoolean()).isTrue();
		assertThat(frame(strict1, 0).path("in_app").asBoolean()).isFalse();
		assertThat(frame(plain1, 1).path("in_app").asBoolean()).isFalse();
	}

	private static JsonNode frame(StoredEvent event, int index) {
		return JSON.readTree(event.payload()).at("/exception/values/0/stacktrace/frames/" + index);
	}

	@Test
	void aSettingsChangeReachesTheProcessorWhenTheCacheExpires() {
		EnvelopePipeline uncached = TestPipelines
			.embedded(this.metadata, this.events, new GroupingStage(),
					new ProjectProcessingCache(this.metadata.projectSettings(), ScrubbingSettings.defaultSettings(),
							Duration.ZERO))
			.pipeline();
		uncached.store(uncached.prepare(List.of(record(this.plain, 1, "fetchOrders"))));
		assertThat(stored(this.plain, 1).payload()).contains("jane@example.com");

		this.metadata.projectSettings()
			.update(this.plain.id(), new ProjectSettings("", "", MASK_EMAILS, false, List.of(), List.of(), true, true,
					List.of(), List.of()));
		uncached.store(uncached.prepare(List.of(record(this.plain, 3, "fetchOrders"))));
		assertThat(stored(this.plain, 3).payload()).doesNotContain("jane@example.com");
	}

	private StoredEvent stored(Project project, int n) {
		return this.events.find(project.id(), eventId(n)).orElseThrow();
	}

	private static String eventId(int n) {
		return "%032x".formatted(n);
	}

	private static QueueRecord record(Project project, int n, String function) {
		String event = """
				{"event_id":"%s","platform":"java","level":"error","release":"shop@1.0",
				 "logentry":{"formatted":"Timed out for jane@example.com"},
				 "user":{"ip_address":"198.51.100.23"},
				 "extra":{"order_code":"OC-7731","customer_ref":"REF-99"},
				 "exception":{"values":[{"type":"TimeoutError","value":"timed out after %d ms",
				   "stacktrace":{"frames":[
				     {"module":"java.lang.Thread","function":"run","lineno":1,"in_app":false},
				     {"module":"com.acme.shop.Orders","function":"%s","lineno":42,"in_app":false}]}}]}}"""
			.formatted(eventId(n), 1000 * n, function)
			.replace("\n", "");
		String envelope = "{\"event_id\":\"" + eventId(n) + "\"}\n{\"type\":\"event\"}\n" + event + "\n";
		return new QueueRecord(project.id() + "-" + n, new QueuedEnvelope(project.id(), "publickey", Samples.RECEIVED,
				"203.0.113.7", "test", envelope.getBytes(StandardCharsets.UTF_8)));
	}

}
