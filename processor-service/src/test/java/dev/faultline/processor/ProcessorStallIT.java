package dev.faultline.processor;

import java.nio.file.Path;
import java.time.Duration;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer that hangs inside a batch (the event store's writes block and never fail)
 * shows as unhealthy once it has made no progress for {@code stall-after}, although the
 * loop thread is alive and no failure was recorded; it turns healthy again when the batch
 * completes. An idle loop never stalls: its polls return every poll timeout.
 */
class ProcessorStallIT {

	private static final Duration STALL_AFTER = Duration.ofSeconds(2);

	@TempDir
	Path dir;

	@Test
	void aHangingBatchTurnsHealthDownAndBackUp() {
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(this.dir.resolve("queue.db"), 1_000);
				SqliteMetadataStores metadata = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
				DuckDbEventStore duckdb = DuckDbEventStore.open(this.dir.resolve("events.duckdb"))) {
			Organization organization = metadata.organizations().create("acme", "Acme");
			Team team = metadata.organizations().createTeam(organization.id(), "core", "Core");
			Project project = metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
			EventStoreFaults faults = EventStoreFaults.around(duckdb);
			EnvelopePipeline pipeline = TestPipelines.embedded(metadata, faults.store()).pipeline();
			ProcessorLoop loop = new ProcessorLoop(queue, pipeline, new ItemOutcomes(new SimpleMeterRegistry(), null),
					new ProcessorSettings("processor", 500, Duration.ofMillis(100), Duration.ofMillis(100),
							Duration.ofSeconds(1), Duration.ofSeconds(20)));
			ProcessorHealthIndicator health = new ProcessorHealthIndicator(loop, STALL_AFTER);
			loop.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> status(health) == Status.UP);
				await().pollDelay(STALL_AFTER.plusSeconds(1)).atMost(Duration.ofSeconds(30)).until(() -> true);
				assertThat(status(health)).as("an idle loop is not stalled").isEqualTo(Status.UP);

				faults.hang(true);
				publish(queue, project.id(), 0);
				await().atMost(Duration.ofSeconds(60)).until(() -> status(health) == Status.DOWN);
				Health down = health.health();
				assertThat(down.getDetails()).containsEntry("stalled", true).containsEntry("running", true);
				assertThat(loop.lastFailure()).as("a hang records no failure").isNull();

				faults.hang(false);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> duckdb.find(project.id(), LoadEnvelopes.eventId(0)).isPresent());
				await().atMost(Duration.ofSeconds(30)).until(() -> status(health) == Status.UP);
			}
			finally {
				faults.hang(false);
				loop.stop();
			}
		}
	}

	private static Status status(ProcessorHealthIndicator health) {
		return health.health().getStatus();
	}

	private static void publish(SqliteEnvelopeQueue queue, long projectId, int i) {
		queue.publish(new QueuedEnvelope(projectId, "publickey", Samples.RECEIVED, "203.0.113.7", "test",
				LoadEnvelopes.body(i)));
	}

}
