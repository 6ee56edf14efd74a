package dev.faultline.processor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.faultline.boot.outcome.OutcomeRecorder;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.QueueRecord;
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
 * The whole processor on the embedded engines: recorded SDK envelopes go through a real
 * SQLite queue, the consumer loop, SQLite metadata and DuckDB events.
 */
class EventPipelineIT {

	private static final String JAVA_ERROR_ID = "6aa8c7780204425899c477fb1b6e1641";

	private static final String DISCARDED_ID = "0123456789abcdef0123456789abcdef";

	private static final String ACCEPTED = "accepted";

	private static final String FILTERED = "filtered";

	private static final String INVALID = "invalid";

	private static final String CLI_ID = "e9acf878ed9a4e30998fad1c6db54f05";

	@TempDir
	Path dir;

	private SqliteEnvelopeQueue queue;

	private SqliteMetadataStores metadata;

	private DuckDbEventStore events;

	private EventStoreFaults faults;

	private SimpleMeterRegistry meters;

	private ProcessorLoop loop;

	private OutcomeRecorder recorder;

	private long projectId;

	@BeforeEach
	void start() {
		this.queue = new SqliteEnvelopeQueue(this.dir.resolve("queue.db"), 10_000);
		this.metadata = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
		this.events = DuckDbEventStore.open(this.dir.resolve("events.duckdb"));
		this.faults = EventStoreFaults.around(this.events);
		Organization organization = this.metadata.organizations().create("acme", "Acme");
		Team team = this.metadata.organizations().createTeam(organization.id(), "core", "Core");
		Project project = this.metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
		this.projectId = project.id();
		this.meters = new SimpleMeterRegistry();
		this.recorder = new OutcomeRecorder(this.metadata.outcomes(), this.meters, Duration.ofHours(1),
				java.time.Clock.systemUTC());
		ItemOutcomes outcomes = new ItemOutcomes(this.meters, this.recorder);
		EnvelopePipeline pipeline = pipeline(this.faults.store());
		this.loop = new ProcessorLoop(this.queue, pipeline, outcomes, new ProcessorSettings("processor", 500,
				Duration.ofMillis(100), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(20)));
		this.loop.start();
	}

	@AfterEach
	void stop() {
		this.loop.stop();
		this.recorder.close();
		this.queue.close();
		this.events.close();
		this.metadata.close();
	}

	private EnvelopePipeline pipeline(EventStore store) {
		return TestPipelines.embedded(this.metadata, store).pipeline();
	}

	private void publish(String sample) {
		publish(Samples.body(sample));
	}

	private QueueRecord record(String position, byte[] body) {
		return new QueueRecord(position,
				new QueuedEnvelope(this.projectId, "publickey", Samples.RECEIVED, "203.0.113.7", "test", body));
	}

	private void publish(byte[] body) {
		publish(body, Samples.RECEIVED);
	}

	private void publish(byte[] body, Instant received) {
		this.queue.publish(new QueuedEnvelope(this.projectId, "publickey", received, "203.0.113.7", "test", body));
	}

	/** The sample with another event id (same grouping). */
	private static byte[] sampleWithId(String sample, String eventId) {
		return new String(Samples.body(sample), StandardCharsets.UTF_8).replace(JAVA_ERROR_ID, eventId)
			.getBytes(StandardCharsets.UTF_8);
	}

	private double count(String type, String outcome) {
		Counter counter = this.meters.find(ItemOutcomes.ITEMS).tag("type", type).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Optional<StoredEvent> find(String eventId) {
		return this.events.find(this.projectId, eventId);
	}

	@Test
	void recordedSdkEventsBecomeIssuesAndEvents() {
		List<String> samples = List.of("java-event-error", "node-event-error", "java-event-message",
				"node-event-message", "browser-event-error", "cli-event", "java-event+session-errored");
		samples.forEach(this::publish);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == samples.size());
		assertThat(count("session", FILTERED)).isEqualTo(1);

		StoredEvent javaError = find(JAVA_ERROR_ID).orElseThrow();
		assertThat(javaError.title()).isEqualTo("IllegalStateException: Checkout failed for order ord-1234");
		assertThat(javaError.groupingVariant()).isEqualTo("app");
		assertThat(javaError.payload()).contains("\"culprit\":\"sdkharness.Main in processOrder\"");
		assertThat(javaError.payload()).contains("\"hashes\":[\"" + javaError.primaryHash() + "\"]")
			.contains("\"grouping_info\":{\"hash\":\"" + javaError.primaryHash() + "\",\"variant\":\"app\"");
		Issue issue = this.metadata.issues().findById(javaError.issueId()).orElseThrow();
		assertThat(issue.projectId()).isEqualTo(this.projectId);
		assertThat(issue.primaryHash()).isEqualTo(javaError.primaryHash());
		assertThat(issue.title()).isEqualTo(javaError.title());
		assertThat(issue.culprit()).isEqualTo("sdkharness.Main in processOrder");
		assertThat(issue.type()).isEqualTo("error");
		assertThat(issue.metadata()).containsEntry("type", "IllegalStateException");
		assertThat(issue.timesSeen()).isEqualTo(1);
		assertThat(issue.userCount()).isEqualTo(1);
		assertThat(issue.firstSeen()).isEqualTo(Instant.parse("2026-11-24T23:58:38.083Z"));

		List<Issue> issues = this.metadata.issues()
			.list(this.projectId, new IssueQuery(List.of(), IssueSort.DATE, 0, 100));
		assertThat(issues).extracting(Issue::type).contains("error", "default");
		assertThat(issues).extracting(Issue::title)
			.contains("Payment of 99.50 EUR for order ord-1234 declined", "hello from sentry-cli",
					"User %s failed to login after %d attempts", "TypeError: Checkout failed for order ord-1234");
		assertThat(this.loop.isHealthy()).isTrue();
	}

	@Test
	void replayingAnEnvelopeDoesNotDoubleCount() {
		publish("java-event-error");
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 1);
		publish("java-event-error");
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 2);

		StoredEvent event = find(JAVA_ERROR_ID).orElseThrow();
		Issue issue = this.metadata.issues().findById(event.issueId()).orElseThrow();
		assertThat(issue.timesSeen()).isEqualTo(1);
		assertThat(this.events.listByIssue(this.projectId, issue.id(), 0, 10)).hasSize(1);
	}

	@Test
	void anEventSentAgainLaterIsAcceptedWithoutBeingWrittenAgain() {
		String id = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
		byte[] body = ("{}\n{\"type\":\"event\"}\n{\"event_id\":\"" + id
				+ "\",\"message\":\"no timestamp of its own\"}\n")
			.getBytes(StandardCharsets.UTF_8);
		publish(body, Samples.RECEIVED);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 1);
		publish(body, Samples.RECEIVED.plusSeconds(30));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 2);

		// A second write would carry the later receive time as the event's timestamp: a
		// second row where the sorting key holds the timestamp (ClickHouse).
		assertThat(this.faults.writtenEventIds()).containsOnlyOnce(id);
		StoredEvent event = find(id).orElseThrow();
		assertThat(event.timestamp()).isEqualTo(Samples.RECEIVED);
		assertThat(this.metadata.issues().findById(event.issueId()).orElseThrow().timesSeen()).isEqualTo(1);
	}

	@Test
	void anEventOfADiscardedHashIsDroppedAndCountedOnceAsFiltered() {
		publish("java-event-error");
		await().atMost(Duration.ofSeconds(30)).until(() -> find(JAVA_ERROR_ID).isPresent());
		StoredEvent first = find(JAVA_ERROR_ID).orElseThrow();
		assertThat(this.metadata.issues().discard(first.issueId(), null)).isPresent();

		publish(sampleWithId("java-event-error", DISCARDED_ID));
		publish("cli-event");
		await().atMost(Duration.ofSeconds(30)).until(() -> find(CLI_ID).isPresent());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("event", FILTERED) == 1 && count("event", ACCEPTED) == 2);

		assertThat(find(DISCARDED_ID)).isEmpty();
		assertThat(this.metadata.issues().tombstones(this.projectId)).hasSize(1);
		assertThat(this.metadata.issues().list(this.projectId, new IssueQuery(List.of(), IssueSort.DATE, 0, 100)))
			.extracting(Issue::primaryHash)
			.doesNotContain(first.primaryHash());
		assertThat(this.meters.find(ItemOutcomes.ITEMS)
			.tag("outcome", FILTERED)
			.tag("reason", "discarded-hash")
			.counter()
			.count()).isEqualTo(1);
		Instant now = Instant.now();
		assertThat(this.metadata.outcomes()
			.query(List.of(this.projectId), now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(2))))
			.filteredOn((outcome) -> !outcome.outcome().equals("accepted"))
			.extracting(OutcomeCount::category, OutcomeCount::outcome, OutcomeCount::reason, OutcomeCount::quantity)
			.containsExactly(tuple("error", "filtered", "discarded-hash", 1L));
		assertThat(this.loop.isHealthy()).isTrue();
	}

	@Test
	void anEventIdSentAgainWithOtherContentIsDroppedBeforeGrouping() {
		String id = "feedfacefeedfacefeedfacefeedface";
		publish(("{}\n{\"type\":\"event\"}\n{\"event_id\":\"" + id + "\",\"message\":\"first text\"}\n")
			.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 1);
		publish(("{}\n{\"type\":\"event\"}\n{\"event_id\":\"" + id + "\",\"message\":\"entirely different words\"}\n")
			.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", INVALID) == 1);

		// No phantom second issue with a count of 0: one issue, counted once.
		assertThat(this.metadata.issues().list(this.projectId, new IssueQuery(List.of(), IssueSort.DATE, 0, 100)))
			.singleElement()
			.satisfies((issue) -> assertThat(issue.timesSeen()).isEqualTo(1));
		assertThat(find(id).orElseThrow().message()).isEqualTo("first text");
		assertThat(outcomes()).contains(tuple("error", "accepted", "", 1L), tuple("error", "invalid", "duplicate", 1L));
	}

	@Test
	void eachItemOfAMixedEnvelopeEndsWithItsOwnOutcome() {
		publish("java-event+attachment");
		publish("java-event+session-errored");
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 2);

		assertThat(outcomes()).containsExactlyInAnyOrder(tuple("error", "accepted", "", 2L),
				tuple("attachment", "filtered", "unsupported", 30L), tuple("session", "filtered", "unsupported", 1L));
	}

	private List<org.assertj.core.groups.Tuple> outcomes() {
		this.recorder.flush();
		Instant now = Instant.now();
		return this.metadata.outcomes()
			.query(List.of(this.projectId), now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(2)))
			.stream()
			.map((count) -> tuple(count.category(), count.outcome(), count.reason(), count.quantity()))
			.toList();
	}

	@Test
	void aBatchWithADiscardedHashStoresItsOtherEvents() {
		EnvelopePipeline pipeline = pipeline(this.events);
		pipeline.store(pipeline.prepare(List.of(record("1", Samples.body("java-event-error")))));
		long discardedIssue = find(JAVA_ERROR_ID).orElseThrow().issueId();
		this.metadata.issues().discard(discardedIssue, null);

		// two events of the discarded hash around another one: the cached empty lookup
		// must drop the second as well and must not leak into the other group
		List<ItemOutcome> result = pipeline
			.store(pipeline.prepare(List.of(record("2", sampleWithId("java-event-error", DISCARDED_ID)),
					record("3", Samples.body("cli-event")),
					record("4", sampleWithId("java-event-error", "fedcba9876543210fedcba9876543210")))));

		assertThat(result).extracting(ItemOutcome::outcome, ItemOutcome::reason)
			.containsExactlyInAnyOrder(tuple(Outcome.ACCEPTED, ""), tuple(Outcome.FILTERED, "discarded-hash"),
					tuple(Outcome.FILTERED, "discarded-hash"));
		assertThat(find(DISCARDED_ID)).isEmpty();
		assertThat(find("fedcba9876543210fedcba9876543210")).isEmpty();
		Issue cli = this.metadata.issues().findById(find(CLI_ID).orElseThrow().issueId()).orElseThrow();
		assertThat(cli.title()).isEqualTo("hello from sentry-cli");
		assertThat(cli.timesSeen()).isEqualTo(1);
	}

	@Test
	void occurrencesRecordTheGroupingHashOfTheirIssue() {
		publish("java-event-error");
		publish(sampleWithId("java-event-error", DISCARDED_ID));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 2);
		StoredEvent event = find(JAVA_ERROR_ID).orElseThrow();
		assertThat(this.metadata.issues().hashes(event.issueId())).singleElement().satisfies((hash) -> {
			assertThat(hash.hash()).isEqualTo(event.primaryHash());
			assertThat(hash.eventCount()).isEqualTo(2);
		});
	}

	@Test
	void sameCodePathWithDifferentValuesGroupsIntoOneIssue() {
		String template = "{}\n{\"type\":\"event\"}\n{\"event_id\":\"%032x\",\"platform\":\"java\","
				+ "\"exception\":{\"values\":[{\"type\":\"IllegalStateException\",\"value\":\"Order %d failed\","
				+ "\"stacktrace\":{\"frames\":[{\"module\":\"shop.Orders\",\"function\":\"check\",\"lineno\":%d,"
				+ "\"in_app\":true}]}}]}}\n";
		for (int i = 1; i <= 20; i++) {
			publish(template.formatted(i, i * 7, 40 + i).getBytes(StandardCharsets.UTF_8));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 20);
		List<Issue> issues = this.metadata.issues()
			.list(this.projectId, new IssueQuery(List.of(), IssueSort.DATE, 0, 100));
		assertThat(issues).hasSize(1);
		assertThat(issues.get(0).timesSeen()).isEqualTo(20);
	}

	@Test
	void poisonRecordIsParkedAndNeverBlocks() {
		publish("definitely not an envelope".getBytes(StandardCharsets.UTF_8));
		publish("{}\n{\"type\":\"event\"}\n{not json\n{\"type\":\"event\"}\n{\"message\":\"fine\"}\n"
			.getBytes(StandardCharsets.UTF_8));
		publish("cli-event");
		await().atMost(Duration.ofSeconds(30)).until(() -> find(CLI_ID).isPresent());
		await().atMost(Duration.ofSeconds(30)).until(() -> count("envelope", INVALID) == 1);
		// Outcomes are counted after the batch is committed, and the poison record may
		// have come in a batch of its own: the stored CLI event does not mean they are.
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 2);
		assertThat(count("event", INVALID)).isEqualTo(1);

		List<DeadLetter> letters = this.metadata.deadLetters().list(0, 10);
		assertThat(letters).hasSize(2);
		DeadLetter invalid = letters.get(0);
		DeadLetter poison = letters.get(1);
		assertThat(poison.reason()).isEqualTo("invalid_envelope");
		assertThat(poison.itemIndex()).isEqualTo(-1);
		assertThat(poison.itemType()).isEqualTo("envelope");
		assertThat(poison.detail()).isEqualTo("INVALID_ENVELOPE_HEADER");
		assertThat(poison.projectId()).isEqualTo(this.projectId);
		assertThat(new String(poison.payload(), StandardCharsets.UTF_8)).isEqualTo("definitely not an envelope");
		assertThat(invalid.reason()).isEqualTo("invalid_json");
		assertThat(invalid.itemIndex()).isEqualTo(0);
		assertThat(invalid.itemType()).isEqualTo("event");
		assertThat(invalid.detail()).startsWith("payload is not valid JSON");
		assertThat(new String(invalid.payload(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(Long.parseLong(invalid.queuePosition())).isGreaterThan(Long.parseLong(poison.queuePosition()));
	}

	@Test
	void aNewEventOfAResolvedIssueIsARegression() {
		publish("java-event-error");
		await().atMost(Duration.ofSeconds(30)).until(() -> find(JAVA_ERROR_ID).isPresent());
		long issueId = find(JAVA_ERROR_ID).orElseThrow().issueId();
		this.metadata.issues().updateStatus(issueId, IssueStatus.RESOLVED);
		// the same event again (a replay) is no regression
		publish("java-event-error");
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 2);
		assertThat(this.metadata.issues().findById(issueId).orElseThrow().status()).isEqualTo(IssueStatus.RESOLVED);

		String again = new String(Samples.body("java-event-error"), StandardCharsets.UTF_8).replace(JAVA_ERROR_ID,
				"0123456789abcdef0123456789abcdef");
		publish(again.getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.metadata.issues().findById(issueId).orElseThrow().status() == IssueStatus.UNRESOLVED);
		assertThat(find("0123456789abcdef0123456789abcdef").orElseThrow().issueId()).isEqualTo(issueId);
		assertThat(this.metadata.issues().activities(issueId)).extracting(IssueActivity::type)
			.containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.SET_RESOLVED, IssueActivity.SET_REGRESSION);
		assertThat(this.metadata.issues().findById(issueId).orElseThrow().timesSeen()).isEqualTo(2);
	}

	@Test
	void storeFailureIsRetriedWithoutLosingOrDoubleCounting() {
		this.faults.failNext(3);
		publish("java-event-error");
		await().atMost(Duration.ofSeconds(30)).until(() -> find(JAVA_ERROR_ID).isPresent());
		assertThat(this.meters.find(ItemOutcomes.STORE_FAILURES).counter().count()).isEqualTo(3);
		long issueId = find(JAVA_ERROR_ID).orElseThrow().issueId();
		// The event is written before it is counted: wait for the count, then see it
		// once.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.metadata.issues().findById(issueId).orElseThrow().timesSeen() > 0);
		assertThat(this.metadata.issues().findById(issueId).orElseThrow().timesSeen()).isEqualTo(1);
	}

	@Test
	void stopCommitsWhatWasProcessed() {
		publish("java-event-error");
		await().atMost(Duration.ofSeconds(30)).until(() -> count("event", ACCEPTED) == 1);
		this.loop.stop();
		assertThat(this.loop.isRunning()).isFalse();
		try (EnvelopeConsumer consumer = this.queue.consumer("processor")) {
			assertThat(consumer.poll(10, Duration.ofMillis(200))).isEmpty();
		}
	}

}
