package dev.faultline.processor;

import java.nio.file.Path;
import java.time.Duration;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ProcessorLoop;
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
		try (EmbeddedEngines engines = EmbeddedEngines.open(this.dir)) {
			EventStoreFaults faults = EventStoreFaults.around(engines.events());
			EnvelopePipeline pipeline = TestPipelines.embedded(engines.metadata(), faults.store()).pipeline();
			ProcessorLoop loop = engines.loop(pipeline, new SimpleMeterRegistry());
			ProcessorHealthIndicator health = new ProcessorHealthIndicator(loop, STALL_AFTER);
			loop.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> status(health) == Status.UP);
				await().pollDelay(STALL_AFTER.plusSeconds(1)).atMost(Duration.ofSeconds(30)).until(() -> true);
				assertThat(status(health)).as("an idle loop is not stalled").isEqualTo(Status.UP);

				faults.hang(true);
				engines.publish(0);
				await().atMost(Duration.ofSeconds(60)).until(() -> status(health) == Status.DOWN);
				Health down = health.health();
				assertThat(down.getDetails()).containsEntry("stalled", true).containsEntry("running", true);
				assertThat(loop.lastFailure()).as("a hang records no failure").isNull();

				faults.hang(false);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> engines.events().find(engines.project().id(), LoadEnvelopes.eventId(0)).isPresent());
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

}
