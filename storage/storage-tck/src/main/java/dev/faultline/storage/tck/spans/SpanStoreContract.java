package dev.faultline.storage.tck.spans;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Function;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.spans.Measurement;
import dev.faultline.storage.spans.StoredSpan;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The spans role's TCK: {@code SpanWriter} and {@code SpanReader} of an
 * {@link EventStorage}, and the query role over {@link Datasets#SPANS} and
 * {@link Datasets#TRANSACTIONS}. The seed is one trace across two projects (a Java-style
 * transaction with nested children calling a second service whose span-stream segment
 * arrives after its own children), plus traces in a third project; every span is written
 * twice, in separate batches and within one, so an engine that keeps copies must not show
 * them. Expected answers are computed here in plain Java from the seed.
 *
 * <p>
 * A subclass provides {@link #createStorage()} over fresh, empty storage; the suite seeds
 * it once and closes it after the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SpanStoreContract {

	/** The project of the calling service. */
	protected static final long FRONT = 11;

	/** The project of the called service. */
	protected static final long BACK = 12;

	/** A project with many small traces, for aggregates. */
	protected static final long BULK = 13;

	protected static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.000000Z");

	private final List<StoredSpan> seed = new ArrayList<>();

	private @Nullable EventStorage storage;

	/**
	 * Opens event storage over fresh, empty storage.
	 */
	protected abstract EventStorage createStorage() throws Exception;

	@BeforeAll
	void seed() throws Exception {
		this.storage = createStorage();
		// The called service's child arrives before its segment (a span stream flushes
		// children first); the segment comes in a later batch.
		StoredSpan frontSegment = span(FRONT, TRACE, "a000000000000001", null, "a000000000000001",
				"1111111111111111111111111111111a", true, 0, 250_000, "http.server", "GET /checkout", "ok",
				Map.of("lcp", new Measurement(812.5, "millisecond"), "cls", new Measurement(0.04, "none")),
				Map.of("customer", "gold"));
		StoredSpan query = span(FRONT, TRACE, "a000000000000002", "a000000000000001", "a000000000000001",
				"1111111111111111111111111111111a", false, 1_250, 41_000, "db.query",
				"SELECT * FROM orders WHERE id = ?", "ok", Map.of(), Map.of());
		StoredSpan call = span(FRONT, TRACE, "a000000000000003", "a000000000000001", "a000000000000001",
				"1111111111111111111111111111111a", false, 50_000, 220_000, "http.client", "POST /charge",
				"internal_error", Map.of(), Map.of());
		StoredSpan nested = span(FRONT, TRACE, "a000000000000004", "a000000000000003", "a000000000000001",
				"1111111111111111111111111111111a", false, 50_500, 51_000, "serialize", "encode body", "ok", Map.of(),
				Map.of());
		StoredSpan backChild = span(BACK, TRACE, "b000000000000002", "b000000000000001", "b000000000000001", null,
				false, 70_000, 180_000, "db.query", "UPDATE balances SET amount = ?", "ok", Map.of(), Map.of());
		StoredSpan backSegment = span(BACK, TRACE, "b000000000000001", "a000000000000003", "b000000000000001", null,
				true, 60_000, 200_000, "http.server", "POST /charge", "internal_error", Map.of(), Map.of());
		List<StoredSpan> bulk = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String trace = String.format("%032x", 0xb0b0L + i);
			String segmentId = String.format("%016x", 0xc000L + i);
			long duration = 10_000L * (i + 1);
			bulk.add(span(BULK, trace, segmentId, null, segmentId, String.format("%032x", 0xe000L + i), true,
					i * 1_000_000L, i * 1_000_000L + duration, (i % 2 == 0) ? "http.server" : "queue.task",
					(i % 2 == 0) ? "GET /a" : "job b", (i % 5 == 0) ? "internal_error" : "ok",
					(i % 4 == 0) ? Map.of("lcp", new Measurement(100.0 * i, "millisecond")) : Map.of(),
					Map.of("shard", String.valueOf(i % 3))));
			bulk.add(span(BULK, trace, String.format("%016x", 0xd000L + i), segmentId, segmentId,
					String.format("%032x", 0xe000L + i), false, i * 1_000_000L + 100, i * 1_000_000L + duration / 2,
					"db.query", "SELECT " + i, "ok", Map.of(), Map.of()));
		}
		this.seed.addAll(List.of(frontSegment, query, call, nested, backChild, backSegment));
		this.seed.addAll(bulk);
		EventStorage current = storage();
		current.spanWriter().writeSpans(List.of(query, call, nested, backChild, query));
		current.spanWriter().writeSpans(List.of(frontSegment, backSegment, call));
		current.spanWriter().writeSpans(bulk);
		current.spanWriter().writeSpans(this.seed);
	}

	@AfterAll
	void close() {
		if (this.storage != null) {
			this.storage.close();
		}
	}

	protected final EventStorage storage() {
		EventStorage current = this.storage;
		assertThat(current).as("storage opened").isNotNull();
		return current;
	}

	@Test
	void aTraceReadsEverySpanOnceAcrossProjectsOrderedByStart() {
		List<StoredSpan> expected = this.seed.stream()
			.filter((span) -> span.traceId().equals(TRACE))
			.sorted(Comparator.comparing(StoredSpan::start).thenComparing(StoredSpan::spanId))
			.toList();

		List<StoredSpan> trace = storage().spanReader().trace(List.of(FRONT, BACK), TRACE, 1_000);

		assertThat(trace).containsExactlyElementsOf(expected);
	}

	@Test
	void aTraceIsScopedToTheGivenProjects() {
		assertThat(storage().spanReader().trace(List.of(FRONT), TRACE, 1_000)).extracting(StoredSpan::projectId)
			.containsOnly(FRONT)
			.hasSize(4);
		assertThat(storage().spanReader().trace(List.of(BULK), TRACE, 1_000)).isEmpty();
		assertThat(storage().spanReader().trace(List.of(), TRACE, 1_000)).isEmpty();
		assertThat(storage().spanReader().trace(List.of(FRONT, BACK), "ffffffffffffffffffffffffffffffff", 1_000))
			.isEmpty();
	}

	@Test
	void aTraceReadStopsAtTheLimit() {
		assertThat(storage().spanReader().trace(List.of(FRONT, BACK), TRACE, 2)).extracting(StoredSpan::spanId)
			.containsExactly("a000000000000001", "a000000000000002");
		assertThatIllegalArgumentException().isThrownBy(() -> storage().spanReader().trace(List.of(FRONT), TRACE, 0));
	}

	@Test
	void timesKeepMicroseconds() {
		StoredSpan nested = storage().spanReader()
			.trace(List.of(FRONT), TRACE, 1_000)
			.stream()
			.filter((span) -> span.spanId().equals("a000000000000004"))
			.findFirst()
			.orElseThrow();

		assertThat(nested.start()).isEqualTo(T0.plus(50_500, ChronoUnit.MICROS));
		assertThat(nested.durationMs()).isEqualTo(0.5);
	}

	@Test
	void spansCountOncePerOperationInTheSpansDataset() {
		Expression op = Expression.field(Datasets.SPANS, "span.op");
		Query query = Query.builder(Datasets.SPANS, List.of(FRONT, BACK, BULK), TimeRange.ALL)
			.select(op, Aggregate.count(),
					Aggregate.of(Function.SUM, Expression.field(Datasets.SPANS, "span.self_time")))
			.groupBy(op)
			.orderBy(Order.asc(op))
			.build();

		QueryResult result = storage().queries().run(query);

		Map<String, Long> counts = new TreeMap<>(
				this.seed.stream().collect(Collectors.groupingBy(StoredSpan::op, Collectors.counting())));
		Map<String, Double> selfTime = this.seed.stream()
			.collect(Collectors.groupingBy(StoredSpan::op, Collectors.summingDouble(StoredSpan::exclusiveTimeMs)));
		assertThat(result.rows()).hasSize(counts.size());
		int row = 0;
		for (Map.Entry<String, Long> expected : counts.entrySet()) {
			assertThat(result.value(row, 0)).isEqualTo(expected.getKey());
			assertThat(result.value(row, 1)).isEqualTo(expected.getValue());
			assertThat((Double) result.value(row, 2)).isCloseTo(selfTime.get(expected.getKey()), within(1e-6));
			row++;
		}
	}

	@Test
	void theTransactionsViewHoldsTheSegmentsWithTheirDurationsAndIds() {
		Expression id = Expression.field(Datasets.TRANSACTIONS, "id");
		Expression duration = Expression.field(Datasets.TRANSACTIONS, "transaction.duration");
		Expression op = Expression.field(Datasets.TRANSACTIONS, "transaction.op");
		Query query = Query.builder(Datasets.TRANSACTIONS, List.of(FRONT, BACK), TimeRange.ALL)
			.select(id, duration, op, Expression.field(Datasets.TRANSACTIONS, "trace.parent_span"))
			.orderBy(Order.asc(id))
			.build();

		QueryResult result = storage().queries().run(query);

		// A transaction event's segment is named by the event id; a span stream's by its
		// span id.
		assertThat(result.rows()).containsExactly(rowOf("1111111111111111111111111111111a", 250.0, "http.server", null),
				rowOf("b000000000000001", 140.0, "http.server", "a000000000000003"));
	}

	@Test
	void percentilesFailureCountsAndMeasurementsOverTransactions() {
		List<StoredSpan> segments = this.seed.stream()
			.filter((span) -> span.projectId() == BULK && span.segment())
			.toList();
		Expression duration = Expression.field(Datasets.TRANSACTIONS, "transaction.duration");
		Expression lcp = Expression.field(Datasets.TRANSACTIONS, "measurements.lcp");
		Query query = Query.builder(Datasets.TRANSACTIONS, List.of(BULK), TimeRange.ALL)
			.select(Aggregate.count(), Aggregate.percentile(duration, 0.5), Aggregate.of(Function.MAX, duration),
					Aggregate.of(Function.COUNT_UNIQUE, Expression.field(Datasets.TRANSACTIONS, "trace")),
					Aggregate.of(Function.AVG, lcp))
			.where(new Condition.Compare(Expression.field(Datasets.TRANSACTIONS, "transaction.status"),
					Condition.Operator.NOT_EQUALS, "ok"))
			.build();

		QueryResult result = storage().queries().run(query);

		List<StoredSpan> failed = segments.stream().filter((span) -> !"ok".equals(span.status())).toList();
		List<Double> durations = failed.stream().map(StoredSpan::durationMs).sorted().toList();
		double median = percentile(durations, 0.5);
		double avgLcp = failed.stream()
			.filter((span) -> span.measurements().containsKey("lcp"))
			.mapToDouble((span) -> span.measurements().get("lcp").value())
			.average()
			.orElseThrow();
		assertThat(result.value(0, 0)).isEqualTo((long) failed.size());
		assertThat((Double) result.value(0, 1)).isCloseTo(median, within(1e-6));
		assertThat((Double) result.value(0, 2)).isCloseTo(durations.get(durations.size() - 1), within(1e-6));
		assertThat(result.value(0, 3)).isEqualTo((long) failed.size());
		assertThat((Double) result.value(0, 4)).isCloseTo(avgLcp, within(1e-6));
		assertThat(result.metaUnits()).containsEntry("avg(measurements.lcp)", "millisecond")
			.containsEntry("p50(transaction.duration)", "millisecond");
	}

	@Test
	void aMissingMeasurementIsNullAndTagsFilterTransactions() {
		Expression lcp = Expression.field(Datasets.TRANSACTIONS, "measurements.lcp");
		Expression cls = Expression.field(Datasets.TRANSACTIONS, "measurements.cls");
		Expression id = Expression.field(Datasets.TRANSACTIONS, "id");
		Query query = Query.builder(Datasets.TRANSACTIONS, List.of(FRONT, BACK, BULK), TimeRange.ALL)
			.select(id, lcp, cls, Expression.tag("customer"))
			.where(new Condition.Compare(Expression.tag("customer"), Condition.Operator.EQUALS, "gold"))
			.build();
		Query shards = Query.builder(Datasets.TRANSACTIONS, List.of(BULK), TimeRange.ALL)
			.select(Aggregate.count())
			.where(new Condition.Compare(Expression.tag("shard"), Condition.Operator.EQUALS, "1"))
			.build();
		Query withoutLcp = Query.builder(Datasets.TRANSACTIONS, List.of(BULK), TimeRange.ALL)
			.select(Expression.field(Datasets.TRANSACTIONS, "measurements.lcp"))
			.where(new Condition.Compare(id, Condition.Operator.EQUALS, String.format("%032x", 0xe000L + 1)))
			.build();

		assertThat(storage().queries().run(query).rows())
			.containsExactly(rowOf("1111111111111111111111111111111a", 812.5, 0.04, "gold"));
		assertThat(storage().queries().run(shards).value(0, 0))
			.isEqualTo(this.seed.stream().filter((s) -> "1".equals(s.tags().get("shard"))).count());
		assertThat(storage().queries().run(withoutLcp).rows()).containsExactly(rowOf((Object) null));
	}

	@Test
	void spansFilterByTimeRangeOnTheirEnd() {
		Instant from = T0.plusSeconds(5);
		Instant to = T0.plusSeconds(10);
		Query query = Query.builder(Datasets.SPANS, List.of(BULK), new TimeRange(from, to))
			.select(Aggregate.count())
			.build();

		long expected = this.seed.stream()
			.filter((span) -> span.projectId() == BULK && !span.end().isBefore(from) && span.end().isBefore(to))
			.count();
		assertThat(storage().queries().run(query).value(0, 0)).isEqualTo(expected);
	}

	@Test
	void theRetentionSweepRemovesSpansThatEndedBeforeTheCutoff() {
		long project = 99;
		StoredSpan old = span(project, "99999999999999999999999999999999", "9000000000000001", null, null, null, true,
				-86_400_000_000L, -86_400_000_000L + 1_000, "task", "old", "ok", Map.of(), Map.of());
		StoredSpan fresh = span(project, "99999999999999999999999999999999", "9000000000000002", null, null, null,
				false, 0, 1_000, "task", "fresh", "ok", Map.of(), Map.of());
		storage().spanWriter().writeSpans(List.of(old, fresh));

		storage().eventMaintenance().deleteOlderThan(T0.minusSeconds(3_600));

		assertThat(storage().spanReader().trace(List.of(project), old.traceId(), 10)).containsExactly(fresh);
		assertThat(storage().spanReader().trace(List.of(FRONT, BACK), TRACE, 1_000)).hasSize(6);
	}

	private static List<@Nullable Object> rowOf(@Nullable Object... values) {
		List<@Nullable Object> row = new ArrayList<>();
		for (Object value : values) {
			row.add(value);
		}
		return row;
	}

	private static double percentile(List<Double> sorted, double quantile) {
		double rank = (sorted.size() - 1) * quantile;
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
	}

	/**
	 * A span of the seed: times in microseconds after {@link #T0}.
	 */
	protected static StoredSpan span(long project, String trace, String spanId, @Nullable String parent,
			@Nullable String segmentId, @Nullable String transactionId, boolean segment, long startMicros,
			long endMicros, String op, String description, String status, Map<String, Measurement> measurements,
			Map<String, String> tags) {
		double duration = (endMicros - startMicros) / 1000.0;
		return new StoredSpan(project, trace, spanId, parent, segmentId, transactionId, segment,
				T0.plus(startMicros, ChronoUnit.MICROS), T0.plus(endMicros, ChronoUnit.MICROS), duration, duration / 2,
				T0.plusSeconds(60), op, description, status, segment ? description : "GET /checkout", "app@1.2.3",
				"production", "java", "sentry.java", new EventUser("u-" + project, null, null, null),
				segment ? 2.0 : 1.0, measurements, tags, Map.of("thread.name", "main", "db.system", "postgresql"));
	}

}
