package dev.faultline.processor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.processor.pipeline.PreparedBatch;
import dev.faultline.storage.duckdb.DuckDbEventStorage;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectPerformance;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Performance issues through the processor's real wiring over the embedded engines: a
 * transaction whose spans hold an N+1 becomes one issue of that type with the
 * transaction's occurrence stored as its event, the same loop in the next request counts
 * against the same issue, a replay counts nothing, the fixed program and a project that
 * turned the detector off have none, and the transaction itself is accepted once.
 */
class PerformanceIssuePipelineTest {

	@TempDir
	Path directory;

	private SqliteMetadataStores metadata;

	private DuckDbEventStorage events;

	private Project project;

	private EnvelopePipeline pipeline;

	@BeforeEach
	void open() {
		this.metadata = SqliteMetadataStores.open(this.directory.resolve("metadata.db"));
		this.events = DuckDbEventStorage.open(this.directory.resolve("events.duckdb"));
		Organization organization = this.metadata.organizations().create("acme", "Acme");
		long team = this.metadata.organizations().createTeam(organization.id(), "core", "Core").id();
		this.project = this.metadata.projects().create(organization.id(), team, "shop", "Shop", "python");
		this.pipeline = pipeline();
	}

	/**
	 * The processor's pipeline as ProcessorConfiguration wires it, over these engines.
	 */
	private EnvelopePipeline pipeline() {
		ProcessorProperties properties = new ProcessorProperties(
				new ProcessorProperties.Scrubbing(true, false, List.of(), List.of()),
				new ProcessorProperties.Grouping("", ""), Duration.ofDays(90), Duration.ofSeconds(30),
				Duration.ofSeconds(3), Duration.ofMinutes(5), 1);
		return new EnvelopePipeline(
				ProcessorConfiguration.router(this.metadata, this.events.eventWriter(), this.events.spanWriter(),
						this.events.sessionWriter(), properties),
				TestPipelines.defaults(), this.metadata.deadLetters(), EnvelopePipeline.DEFAULT_BUDGET);
	}

	@AfterEach
	void close() {
		this.events.close();
		this.metadata.close();
	}

	@Test
	void anNPlusOneIsOneIssueAcrossRequestsAndItsOccurrenceIsStored() {
		List<ItemOutcome> outcomes = process(record("1", transaction("a1", 1, true)));
		process(record("2", transaction("a2", 50, true)));
		process(record("1", transaction("a1", 1, true)));

		assertThat(outcomes).extracting(ItemOutcome::category, ItemOutcome::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("transaction", Outcome.ACCEPTED));
		List<Issue> issues = performanceIssues();
		assertThat(issues).singleElement().satisfies((issue) -> {
			assertThat(issue.issueType()).isEqualTo("performance_n_plus_one_db_queries");
			assertThat(issue.category()).isEqualTo("performance");
			assertThat(issue.title()).isEqualTo("N+1 Query");
			assertThat(issue.culprit()).isEqualTo("GET /authors");
			assertThat(issue.timesSeen()).as("two requests; the replay is not counted").isEqualTo(2);
		});
		List<StoredEvent> stored = this.events.eventReader().listByIssue(this.project.id(), issues.get(0).id(), 0, 10);
		assertThat(stored).hasSize(2).allSatisfy((event) -> {
			assertThat(event.payload()).contains("\"offenderSpanIds\"")
				.contains("SELECT * FROM books WHERE author_id = ");
			assertThat(event.traceId()).isNotNull();
		});
	}

	@Test
	void theFixedProgramAndAProjectThatTurnedTheDetectorOffHaveNone() {
		process(record("1", transaction("b1", 1, false)));
		assertThat(performanceIssues()).isEmpty();

		this.metadata.projectSettings()
			.updatePerformance(this.project.id(), new ProjectPerformance(300, "duration",
					Map.of("n_plus_one_db_queries_detection_enabled", "false")));
		// a new pipeline: the settings cache of the first one still holds the defaults
		this.pipeline = pipeline();
		process(record("2", transaction("b2", 1, true)));
		assertThat(performanceIssues()).isEmpty();
	}

	private List<Issue> performanceIssues() {
		return this.metadata.issues()
			.list(this.project.id(), new IssueQuery(
					List.of(new IssueCriterion.CategoryIn(java.util.Set.of("performance"))), IssueSort.DATE, 0, 10));
	}

	private List<ItemOutcome> process(QueueRecord record) {
		PreparedBatch batch = this.pipeline.prepare(List.of(record));
		return this.pipeline.store(batch);
	}

	private QueueRecord record(String position, String envelope) {
		return new QueueRecord(position, new QueuedEnvelope(this.project.id(), "publickey", Samples.RECEIVED,
				"203.0.113.7", "test", envelope.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A Python-style transaction: a list query, then eight queries of one author each in
	 * sequence (the N+1), or one query for all authors (the fix).
	 */
	private static String transaction(String eventSuffix, int firstAuthor, boolean loop) {
		String eventId = String.format("%032x", (long) eventSuffix.hashCode() & 0xffffffffL);
		double start = Samples.RECEIVED.getEpochSecond() - 10;
		StringBuilder spans = new StringBuilder();
		spans.append(span("b000000000000001", "SELECT id FROM authors", start + 0.001, start + 0.011));
		if (loop) {
			for (int i = 0; i < 8; i++) {
				double at = start + 0.012 + i * 0.030;
				spans.append(',')
					.append(span(String.format("d%015d", i),
							"SELECT * FROM books WHERE author_id = " + (firstAuthor + i), at, at + 0.025));
			}
		}
		else {
			spans.append(',')
				.append(span("d000000000000000", "SELECT * FROM books WHERE author_id IN (1, 2, 3, 4, 5, 6, 7, 8)",
						start + 0.012, start + 0.040));
		}
		String payload = "{\"event_id\":\"" + eventId + "\",\"type\":\"transaction\",\"platform\":\"python\","
				+ "\"transaction\":\"GET /authors\",\"start_timestamp\":" + start + ",\"timestamp\":" + (start + 0.5)
				+ ",\"release\":\"shop@1.0\",\"contexts\":{\"trace\":{\"trace_id\":\"" + eventId
				+ "\",\"span_id\":\"a000000000000000\",\"op\":\"http.server\",\"status\":\"ok\"}},\"spans\":[" + spans
				+ "]}";
		return "{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"transaction\"}\n" + payload + "\n";
	}

	private static String span(String id, String query, double start, double end) {
		return "{\"span_id\":\"" + id + "\",\"parent_span_id\":\"a000000000000000\","
				+ "\"op\":\"db\",\"description\":\"" + query + "\",\"start_timestamp\":" + start + ",\"timestamp\":"
				+ end + "}";
	}

}
