package dev.faultline.e2e;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system status page's API on a running shape: the queue's backlog is read through
 * the shape's own queue (the embedded SQLite file, or Kafka's admin client for the
 * processor's consumer group), drains to zero once the processor caught up, and every
 * store answers. Subclasses expose a running Faultline of one shape.
 */
abstract class SystemStatusContract {

	abstract FaultlineApi api();

	@Test
	void theBacklogDrainsAndEveryStoreAnswers() {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode status = api().get("/api/0/internal/system/status/?refresh=1");
			assertThat(status.path("queue").path("error").isNull()).as(status.toString()).isTrue();
			assertThat(status.path("queue").path("partitions")).isNotEmpty();
			assertThat(status.path("queue").path("lag").asLong()).as(status.toString()).isZero();
			assertThat(status.path("healthy").asBoolean()).as(status.toString()).isTrue();
		});
		JsonNode status = api().get("/api/0/internal/system/status/");
		assertThat(status.path("stores")).extracting((store) -> store.path("name").asString())
			.containsExactly("events", "metadata", "queue");
		assertThat(Integer.parseInt(status.path("schema").path("version").asString())).isGreaterThanOrEqualTo(7);
		assertThat(status.path("processed")).hasSize(24);
		assertThat(status.path("queue").path("group").asString()).isEqualTo("processor");
	}

}
