package dev.faultline.processor;

import java.time.Clock;
import dev.faultline.boot.outcome.OutcomeRecorder;
import dev.faultline.processor.event.GroupingStage;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The per-envelope processing budget (issue 13): an envelope whose processing never ends
 * — a stage held by a test hook until the test is over, standing in for a pathological
 * input — is dropped once its budget is used up, parked in the dead letters and counted
 * as {@code invalid}/{@code processing_timeout}, and the envelopes queued after it (of
 * another project) are processed. Without the budget the loop would wait forever and no
 * later event would be stored.
 */
class ProcessingBudgetIT {

	private static final String HANG = "hang-in-processing";

	private static final String VICTIM_ID = "0123456789abcdef0123456789abcdef";

	@TempDir
	Path dir;

	private final CountDownLatch release = new CountDownLatch(1);

	private SqliteEnvelopeQueue queue;

	private SqliteMetadataStores metadata;

	private DuckDbEventStore events;

	private SimpleMeterRegistry meters;

	private ProcessorLoop loop;

	private OutcomeRecorder recorder;

	private Project attacker;

	private Project victim;

	@BeforeEach
	void start() {
		this.queue = new SqliteEnvelopeQueue(this.dir.resolve("queue.db"), 10_000);
		this.metadata = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
		this.events = DuckDbEventStore.open(this.dir.resolve("events.duckdb"));
		Organization organization = this.metadata.organizations().create("acme", "Acme");
		Team team = this.metadata.organizations().createTeam(organization.id(), "core", "Core");
		this.attacker = this.metadata.projects().create(organization.id(), team.id(), "web", "Web", "javascript");
		this.victim = this.metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
		this.meters = new SimpleMeterRegistry();
		this.recorder = new OutcomeRecorder(this.metadata.outcomes(), this.meters, Duration.ofHours(1),
				Clock.systemUTC());
		EnvelopePipeline pipeline = TestPipelines
			.build(this.metadata, this.events, new GroupingStage(), TestPipelines.defaults(), Duration.ofMillis(300),
					this::hangOnMarkedEvents)
			.pipeline();
		this.loop = new ProcessorLoop(this.queue, pipeline, new ItemOutcomes(this.meters, this.recorder),
				new ProcessorSettings("processor", 500, Duration.ofMillis(100), Duration.ofMillis(10),
						Duration.ofMillis(50), Duration.ofSeconds(20)));
		this.loop.start();
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.loop.stop();
		this.recorder.close();
		this.queue.close();
		this.events.close();
		this.metadata.close();
	}

	/** The test hook: blocks the stage on the marked events until the test ends. */
	private void hangOnMarkedEvents(tools.jackson.databind.node.ObjectNode event) {
		if (event.toString().contains(HANG)) {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				// Abandoned by the budget: a real stuck stage would not notice either,
				// so keep waiting for the test to end.
				Thread.currentThread().interrupt();
			}
		}
	}

	private void publish(Project project, String body) {
		this.queue.publish(new QueuedEnvelope(project.id(), "publickey", Instant.now(), "203.0.113.7", "test",
				body.getBytes(StandardCharsets.UTF_8)));
	}

	private static String event(String eventId, String message) {
		String payload = "{\"event_id\":\"" + eventId + "\",\"message\":\"" + message + "\",\"platform\":\"java\"}";
		return "{}\n{\"type\":\"event\"}\n" + payload + "\n";
	}

	@Test
	void anEnvelopeOverItsBudgetIsDroppedParkedAndCountedWhileOthersAreProcessed() {
		publish(this.attacker, event("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", HANG)
				+ "{\"type\":\"attachment\",\"filename\":\"a.txt\",\"length\":2}\nhi\n");
		publish(this.victim, event(VICTIM_ID, "an ordinary error"));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.events.find(this.victim.id(), VICTIM_ID).isPresent());

		List<DeadLetter> letters = this.metadata.deadLetters().list(0, 10);
		assertThat(letters)
			.extracting(DeadLetter::projectId, DeadLetter::itemType, DeadLetter::itemIndex, DeadLetter::reason)
			.containsExactly(tuple(this.attacker.id(), "envelope", -1, "processing_timeout"));
		assertThat(new String(letters.get(0).payload(), StandardCharsets.UTF_8)).contains(HANG);
		assertThat(timeouts("event")).isEqualTo(1);
		assertThat(timeouts("attachment")).isEqualTo(1);
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		assertThat(this.metadata.outcomes()
			.query(List.of(this.attacker.id()), hour.minus(Duration.ofHours(1)), hour.plus(Duration.ofHours(1))))
			.extracting(OutcomeCount::category, OutcomeCount::outcome, OutcomeCount::reason, OutcomeCount::quantity)
			.containsExactlyInAnyOrder(tuple("error", "invalid", "processing_timeout", 1L),
					tuple("attachment", "invalid", "processing_timeout", 2L));
		assertThat(this.events.find(this.attacker.id(), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
		assertThat(this.loop.isHealthy()).isTrue();
	}

	private double timeouts(String type) {
		Counter counter = this.meters.find(ItemOutcomes.ITEMS)
			.tag("type", type)
			.tag("outcome", "invalid")
			.tag("reason", "processing_timeout")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
