package dev.faultline.processor;

import dev.faultline.processor.event.GroupingStage;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.processor.pipeline.ProjectProcessing;
import dev.faultline.storage.metadata.ProjectSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Data scrubbing end to end: every recorded SDK event, with secrets planted, goes through
 * the real queue, the consumer loop, SQLite metadata and DuckDB events; no secret is
 * found in any stored event column, issue column, or anywhere in the metadata file.
 */
class ScrubbingIT {

	private static final List<String> SAMPLES = List.of("java-event-error", "java-event-message",
			"java-event+attachment", "java-event+session-errored", "node-event-error", "node-event-message",
			"node-event+attachment", "browser-event-error", "browser-event-message", "cli-event");

	@TempDir
	Path dir;

	@Test
	void noSecretFromAnySampleReachesAStore() throws IOException {
		List<String> stored = new ArrayList<>();
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(this.dir.resolve("queue.db"), 10_000);
				SqliteMetadataStores metadata = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
				DuckDbEventStore events = DuckDbEventStore.open(this.dir.resolve("events.duckdb"))) {
			Organization organization = metadata.organizations().create("acme", "Acme");
			Team team = metadata.organizations().createTeam(organization.id(), "core", "Core");
			Project project = metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
			ProjectProcessing processing = ProjectProcessing.compile(ProjectSettings.DEFAULTS,
					new ScrubbingSettings(true, true, List.of(), List.of()));
			EnvelopePipeline pipeline = TestPipelines
				.embedded(metadata, events, new GroupingStage(), (id) -> processing)
				.pipeline();
			ProcessorLoop loop = new ProcessorLoop(queue, pipeline, new ItemOutcomes(new SimpleMeterRegistry(), null),
					new ProcessorSettings("processor", 500, Duration.ofMillis(100), Duration.ofMillis(10),
							Duration.ofMillis(50), Duration.ofSeconds(20)));
			loop.start();
			try {
				for (String sample : SAMPLES) {
					queue.publish(new QueuedEnvelope(project.id(), "publickey", Samples.RECEIVED,
							SecretEnvelopes.CLIENT_IP, "test", SecretEnvelopes.withSecrets(sample)));
				}
				await().atMost(Duration.ofSeconds(60))
					.until(() -> metadata.issues()
						.list(project.id(), new IssueQuery(List.of(), IssueSort.DATE, 0, 100))
						.stream()
						.mapToLong(Issue::timesSeen)
						.sum() == SAMPLES.size());
			}
			finally {
				loop.stop();
			}
			for (Issue issue : metadata.issues()
				.list(project.id(), new IssueQuery(List.of(), IssueSort.DATE, 0, 100))) {
				stored.add(issue.toString());
				for (StoredEvent event : events.listByIssue(project.id(), issue.id(), 0, 100)) {
					stored.add(event.toString());
					assertThat(event.payload()).contains("[Filtered]");
				}
			}
		}
		assertThat(stored).hasSizeGreaterThan(SAMPLES.size());
		// SQLite keeps text as it is: a byte scan of the file covers every table and
		// index.
		String metadataFile = new String(Files.readAllBytes(this.dir.resolve("metadata.db")),
				StandardCharsets.ISO_8859_1);
		for (String secret : SecretEnvelopes.SECRETS) {
			assertThat(stored).allSatisfy((row) -> assertThat(row).doesNotContain(secret));
			assertThat(metadataFile).doesNotContain(secret);
		}
	}

}
