package dev.faultline.processor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.processor.pipeline.ItemRouter;
import dev.faultline.processor.pipeline.PreparedBatch;
import dev.faultline.processor.session.SessionProcessor;
import dev.faultline.query.Aggregate;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Query;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.duckdb.DuckDbEventStorage;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.queue.QueueRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The session kinds from the recorded SDK envelopes (and hand-written aggregates) to the
 * sessions role of a real embedded event store: statuses, merging, replays, outcomes and
 * bad input.
 */
class SessionPipelineTest {

	@TempDir
	Path directory;

	private DuckDbEventStorage storage;

	private EnvelopePipeline pipeline;

	@BeforeEach
	void open() {
		this.storage = DuckDbEventStorage.open(this.directory.resolve("events.duckdb"));
		SessionProcessor sessions = new SessionProcessor(this.storage.sessionWriter());
		ItemRouter router = ItemRouter.of(Map.of("session", sessions, "sessions", sessions));
		this.pipeline = new EnvelopePipeline(router, TestPipelines.defaults(), null, EnvelopePipeline.DEFAULT_BUDGET);
	}

	@AfterEach
	void close() {
		this.storage.close();
	}

	@Test
	void recordedSdkSessionsAreStoredWithTheirStatus() {
		List<ItemOutcome> outcomes = process(Samples.record("1", "java-session"), Samples.record("2", "node-session"),
				Samples.record("3", "browser-session"), Samples.record("4", "node-session-tunnel"));

		assertThat(outcomes).extracting(ItemOutcome::category, ItemOutcome::outcome)
			.containsOnly(tuple("session", Outcome.ACCEPTED));
		Map<String, String> statuses = statuses();
		assertThat(statuses).containsEntry("f7dc225bc70f4302bea9d0597b36c98e", "healthy")
			.containsEntry("5701ccf4ea134dc592c6d3d614a0e84d", "healthy")
			.containsEntry("eb75a582594e4ea68ec19d6d875bb42c", "healthy")
			.containsEntry("f8526f585586442b9b27fdc1a0d022fd", "errored");
		assertThat(users()).isEqualTo(1);
	}

	@Test
	void updatesMergeByTheirSequenceAndReplaysChangeNothing() {
		String sid = "27a55be0-3107-49b3-a324-e5ce6d0e0d87";
		QueueRecord start = record("1", session(sid, "\"init\":true,\"status\":\"ok\",\"seq\":0,\"errors\":0"));
		QueueRecord crash = record("2",
				session(sid, "\"status\":\"crashed\",\"seq\":3,\"errors\":1,\"timestamp\":\"2026-11-25T00:10:00Z\""));
		QueueRecord late = record("3",
				session(sid, "\"status\":\"exited\",\"seq\":2,\"errors\":1,\"timestamp\":\"2026-11-25T00:05:00Z\""));
		process(crash);
		process(start, late);
		process(start, crash, late);

		assertThat(statuses()).containsExactly(Map.entry("27a55be0310749b3a324e5ce6d0e0d87", "crashed"));
		assertThat(sessions()).isEqualTo(1);
	}

	@Test
	void aggregatesCountEachGroup() {
		String body = "{}\n{\"type\":\"sessions\"}\n{\"aggregates\":[{\"started\":\"2026-11-25T00:00:00Z\","
				+ "\"did\":\"u1\",\"exited\":5,\"errored\":2,\"crashed\":1},{\"started\":\"2026-11-25T00:01:00Z\","
				+ "\"abnormal\":3}],\"attrs\":{\"release\":\"srv@1.0\",\"environment\":\"production\"}}";
		process(record("9", body));
		process(record("9", body));

		Expression status = Expression.field(Datasets.SESSIONS, "session.status");
		Map<String, Long> counts = new TreeMap<>();
		this.storage.queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(Samples.PROJECT_ID), TimeRange.ALL)
				.select(status, Aggregate.count())
				.groupBy(status)
				.extrapolated(true)
				.build())
			.rows()
			.forEach((row) -> counts.put((String) row.get(0), ((Number) row.get(1)).longValue()));
		assertThat(counts).containsExactlyEntriesOf(
				new TreeMap<>(Map.of("healthy", 5L, "errored", 2L, "crashed", 1L, "abnormal", 3L)));
	}

	@Test
	void badOrStaleSessionsAreDroppedWithOneReason() {
		QueueRecord noRelease = record("1", "{}\n{\"type\":\"session\"}\n{\"sid\":\"" + "a".repeat(32)
				+ "\",\"started\":\"2026-11-25T00:00:00Z\",\"attrs\":{}}");
		QueueRecord badSid = record("2", "{}\n{\"type\":\"session\"}\n{\"sid\":\"nope\","
				+ "\"started\":\"2026-11-25T00:00:00Z\",\"attrs\":{\"release\":\"r\"}}");
		QueueRecord stale = record("3", "{}\n{\"type\":\"session\"}\n{\"sid\":\"" + "b".repeat(32)
				+ "\",\"init\":true,\"started\":\"2026-11-10T00:00:00Z\",\"attrs\":{\"release\":\"r\"}}");
		QueueRecord unknownStatus = record("4", "{}\n{\"type\":\"session\"}\n{\"sid\":\"" + "c".repeat(32)
				+ "\",\"status\":\"sideways\",\"started\":\"2026-11-25T00:00:00Z\",\"attrs\":{\"release\":\"r\"}}");
		PreparedBatch batch = this.pipeline.prepare(List.of(noRelease, badSid, stale, unknownStatus));
		this.pipeline.store(batch);

		assertThat(batch.dropped()).extracting(ItemOutcome::category, ItemOutcome::outcome, ItemOutcome::reason)
			.containsExactlyInAnyOrder(tuple("session", Outcome.INVALID, "invalid_session"),
					tuple("session", Outcome.INVALID, "invalid_session"),
					tuple("session", Outcome.INVALID, "timestamp"),
					tuple("session", Outcome.INVALID, "invalid_session"));
		assertThat(statuses()).isEmpty();
	}

	private static String session(String sid, String fields) {
		return "{}\n{\"type\":\"session\"}\n{\"sid\":\"" + sid
				+ "\",\"did\":\"u1\",\"started\":\"2026-11-25T00:00:00Z\"," + fields
				+ ",\"attrs\":{\"release\":\"app@2.0\",\"environment\":\"production\"}}";
	}

	private static QueueRecord record(String position, String body) {
		return new QueueRecord(position, Samples.queued(body.getBytes(StandardCharsets.UTF_8)));
	}

	private List<ItemOutcome> process(QueueRecord... records) {
		PreparedBatch batch = this.pipeline.prepare(List.of(records));
		assertThat(batch.dropped()).isEmpty();
		return this.pipeline.store(batch);
	}

	private Map<String, String> statuses() {
		Expression id = Expression.field(Datasets.SESSIONS, "id");
		Expression status = Expression.field(Datasets.SESSIONS, "session.status");
		Map<String, String> statuses = new TreeMap<>();
		this.storage.queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(Samples.PROJECT_ID), TimeRange.ALL)
				.select(id, status)
				.build())
			.rows()
			.forEach((row) -> statuses.put((String) row.get(0), (String) row.get(1)));
		return statuses;
	}

	private long sessions() {
		return number(this.storage.queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(Samples.PROJECT_ID), TimeRange.ALL)
				.select(Aggregate.count())
				.extrapolated(true)
				.build())
			.rows()
			.get(0)
			.get(0));
	}

	private long users() {
		return number(this.storage.queries()
			.run(Query.builder(Datasets.SESSIONS, List.of(Samples.PROJECT_ID), TimeRange.ALL)
				.select(new Aggregate(dev.faultline.query.Function.COUNT_UNIQUE,
						Expression.field(Datasets.SESSIONS, "user"), 0))
				.build())
			.rows()
			.get(0)
			.get(0));
	}

	private static long number(@Nullable Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
