package dev.faultline.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcome;
import dev.faultline.processor.pipeline.ItemRouter;
import dev.faultline.processor.pipeline.PreparedBatch;
import dev.faultline.processor.span.SegmentInspector;
import dev.faultline.processor.span.SpanBatchWriter;
import dev.faultline.processor.span.SpanStreamProcessor;
import dev.faultline.processor.span.TransactionProcessor;
import dev.faultline.query.Aggregate;
import dev.faultline.query.Datasets;
import dev.faultline.query.Query;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.duckdb.DuckDbEventStorage;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.queue.QueueRecord;
import dev.faultline.storage.spans.StoredSpan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The tracing kinds from the recorded SDK envelopes to the spans role of a real embedded
 * event store: classic transactions (Java, a static browser pageload) and span streams
 * (Node, browser), their outcomes, scrubbing, replays and bad input.
 */
class SpanPipelineTest {

	@TempDir
	Path directory;

	private DuckDbEventStorage storage;

	private EnvelopePipeline pipeline;

	@BeforeEach
	void open() {
		this.storage = DuckDbEventStorage.open(this.directory.resolve("events.duckdb"));
		SpanBatchWriter writer = new SpanBatchWriter(this.storage.spanWriter());
		ItemRouter router = ItemRouter.of(Map.of("transaction", new TransactionProcessor(writer, SegmentInspector.NONE),
				"span", new SpanStreamProcessor(writer, SegmentInspector.NONE)));
		this.pipeline = new EnvelopePipeline(router, TestPipelines.defaults(), null, EnvelopePipeline.DEFAULT_BUDGET);
	}

	@AfterEach
	void close() {
		this.storage.close();
	}

	@Test
	void aJavaTransactionBecomesItsSegmentAndNestedSpans() {
		List<ItemOutcome> outcomes = process(Samples.record("1", "java-transaction"));

		assertThat(outcomes)
			.extracting(ItemOutcome::itemType, ItemOutcome::category, ItemOutcome::outcome, ItemOutcome::quantity)
			.containsExactly(tuple("transaction", "transaction", Outcome.ACCEPTED, 1L));
		List<StoredSpan> spans = allSpans();
		assertThat(spans).hasSize(5);
		StoredSpan segment = spans.stream().filter(StoredSpan::segment).findFirst().orElseThrow();
		assertThat(segment.transactionId()).matches("[0-9a-f]{32}");
		assertThat(segment.sdkName()).isEqualTo("sentry.java");
		assertThat(segment.platform()).isEqualTo("java");
		assertThat(spans).allSatisfy((span) -> {
			assertThat(span.segmentId()).isEqualTo(segment.spanId());
			assertThat(span.transactionId()).isEqualTo(segment.transactionId());
			assertThat(span.transaction()).isEqualTo(segment.description());
			assertThat(span.exclusiveTimeMs()).isBetween(0.0, span.durationMs());
		});
		// The segment's self time is its duration less what its children cover.
		assertThat(segment.exclusiveTimeMs()).isLessThan(segment.durationMs());
		Set<String> ids = spans.stream().map(StoredSpan::spanId).collect(Collectors.toSet());
		assertThat(spans).filteredOn((span) -> !span.segment())
			.allSatisfy((span) -> assertThat(ids).contains(span.parentSpanId()));
	}

	@Test
	void aNodeSpanStreamKeepsSegmentFieldsOnEverySpan() {
		List<ItemOutcome> outcomes = process(Samples.record("1", "node-span-stream"));

		assertThat(outcomes).extracting(ItemOutcome::category, ItemOutcome::outcome, ItemOutcome::quantity)
			.containsExactly(tuple("span", Outcome.ACCEPTED, 5L));
		List<StoredSpan> spans = allSpans();
		assertThat(spans).hasSize(5).allSatisfy((span) -> {
			assertThat(span.transaction()).isEqualTo("GET /checkout");
			assertThat(span.release()).isEqualTo("app@1.2.3");
			assertThat(span.environment()).isEqualTo("staging");
			assertThat(span.segmentId()).isEqualTo("bee6fc34c721be04");
			assertThat(span.platform()).isEqualTo("node");
			assertThat(span.transactionId()).isNull();
		});
		assertThat(spans).filteredOn(StoredSpan::segment)
			.singleElement()
			.satisfies((segment) -> assertThat(segment.op()).isEqualTo("http.server"));
		assertThat(spans).extracting(StoredSpan::op).contains("db.query", "http.client", "cache.get");
	}

	@Test
	void browserWebVitalsBecomeMeasurementsInBothForms() {
		process(Samples.record("1", "browser-span-stream"), Samples.record("2", "browser-transaction"));

		List<StoredSpan> spans = allSpans();
		StoredSpan streamed = spans.stream()
			.filter((span) -> span.segment() && span.transactionId() == null)
			.findFirst()
			.orElseThrow();
		assertThat(streamed.measurements()).containsKeys("ttfb", "fcp", "fp", "ttfb.requestTime");
		assertThat(spans).filteredOn((span) -> "ui.webvital.lcp".equals(span.op()))
			.singleElement()
			.satisfies((lcp) -> assertThat(lcp.measurements().get("lcp").unit()).isEqualTo("millisecond"));
		assertThat(spans).filteredOn((span) -> "ui.webvital.cls".equals(span.op()))
			.singleElement()
			.satisfies((cls) -> assertThat(cls.measurements().get("cls").unit()).isEqualTo("none"));
		assertThat(spans).filteredOn((span) -> "ui.interaction.click".equals(span.op()))
			.singleElement()
			.satisfies((inp) -> assertThat(inp.measurements().get("inp").value()).isEqualTo(128.0));
		StoredSpan pageload = spans.stream()
			.filter((span) -> span.segment() && span.transactionId() != null)
			.findFirst()
			.orElseThrow();
		assertThat(pageload.measurements()).containsKeys("lcp", "fcp", "cls", "ttfb");
		assertThat(pageload.measurements().get("cls").unit()).isEqualTo("none");
	}

	@Test
	void everyRecordedTransactionAndSpanItemIsAccepted() throws IOException {
		Path samples = Path
			.of(System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples"));
		List<QueueRecord> records = new ArrayList<>();
		try (Stream<Path> files = Files.list(samples)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".envelope")).sorted().toList()) {
				String name = file.getFileName().toString().replace(".envelope", "");
				records.add(Samples.record(String.valueOf(records.size()), name));
			}
		}
		PreparedBatch batch = this.pipeline.prepare(records);
		List<ItemOutcome> stored = this.pipeline.store(batch);

		assertThat(batch.droppedByType()).doesNotContainKeys("transaction", "span");
		assertThat(stored).extracting(ItemOutcome::outcome).containsOnly(Outcome.ACCEPTED);
		assertThat(stored).extracting(ItemOutcome::itemType).contains("transaction", "span");
	}

	@Test
	void aReplayedBatchKeepsOneCopyOfEachSpan() {
		QueueRecord record = Samples.record("1", "java-transaction");
		process(record);
		process(record);

		Query count = Query.builder(Datasets.SPANS, List.of(Samples.PROJECT_ID), TimeRange.ALL)
			.select(Aggregate.count())
			.build();
		assertThat(this.storage.queries().run(count).value(0, 0)).isEqualTo(5L);
		Query transactions = Query.builder(Datasets.TRANSACTIONS, List.of(Samples.PROJECT_ID), TimeRange.ALL)
			.select(Aggregate.count())
			.build();
		assertThat(this.storage.queries().run(transactions).value(0, 0)).isEqualTo(1L);
	}

	@Test
	void privateDataInSpanAttributesAndDataIsScrubbedBeforeStorage() {
		String stream = "{}\n{\"type\":\"span\",\"item_count\":1}\n{\"version\":2,\"items\":[{"
				+ "\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",\"span_id\":\"b7ad6b7169203331\","
				+ "\"name\":\"login\",\"is_segment\":true,\"start_timestamp\":1795564815.1,\"end_timestamp\":1795564815.2,"
				+ "\"attributes\":{\"password\":{\"value\":\"hunter2\",\"type\":\"string\"},"
				+ "\"card\":{\"value\":\"4242424242424242\",\"type\":\"string\"}}}]}";
		String transaction = "{}\n{\"type\":\"transaction\"}\n{\"event_id\":\"5d1f2bd09a3b4ab1b0d3c3f1a9e2c4d7\","
				+ "\"type\":\"transaction\",\"transaction\":\"POST /login\",\"start_timestamp\":1795564815.1,"
				+ "\"timestamp\":1795564815.3,\"contexts\":{\"trace\":{\"trace_id\":\"1af7651916cd43dd8448eb211c80319c\","
				+ "\"span_id\":\"c7ad6b7169203331\",\"op\":\"http.server\"}},\"spans\":[{\"span_id\":\"d7ad6b7169203331\","
				+ "\"parent_span_id\":\"c7ad6b7169203331\",\"op\":\"db\",\"start_timestamp\":1795564815.15,"
				+ "\"timestamp\":1795564815.2,\"data\":{\"db.password\":\"hunter2\",\"secret\":\"s3cr3t\"}}]}";

		process(record("1", stream), record("2", transaction));

		assertThat(allSpans()).hasSize(3)
			.allSatisfy((span) -> assertThat(span.data().values()).noneMatch((value) -> value.contains("hunter2")
					|| value.contains("4242424242424242") || value.contains("s3cr3t")));
	}

	@Test
	void unplaceableSpansAreInvalidAndTheirNeighboursKept() {
		String stream = "{}\n{\"type\":\"span\",\"item_count\":2}\n{\"version\":2,\"items\":[{"
				+ "\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",\"span_id\":\"b7ad6b7169203331\","
				+ "\"start_timestamp\":1795564815.1,\"end_timestamp\":1795564815.2},{\"span_id\":\"x\"}]}";
		String noSegment = "{}\n{\"type\":\"transaction\"}\n{\"event_id\":\"5d1f2bd09a3b4ab1b0d3c3f1a9e2c4d7\","
				+ "\"type\":\"transaction\",\"start_timestamp\":1795564815.1,\"timestamp\":1795564815.3}";
		PreparedBatch batch = this.pipeline.prepare(List.of(record("1", stream), record("2", noSegment)));
		List<ItemOutcome> stored = this.pipeline.store(batch);

		assertThat(batch.droppedByType()).containsEntry("span", Map.of("invalid/invalid_span", 1L))
			.containsEntry("transaction", Map.of("invalid/invalid_span", 1L));
		assertThat(stored).extracting(ItemOutcome::category, ItemOutcome::outcome, ItemOutcome::quantity)
			.containsExactly(tuple("span", Outcome.ACCEPTED, 1L));
		assertThat(batch.deadLetters()).singleElement()
			.satisfies((letter) -> assertThat(letter.itemType()).isEqualTo("transaction"));
		assertThat(allSpans()).extracting(StoredSpan::spanId).containsExactly("b7ad6b7169203331");
	}

	private List<ItemOutcome> process(QueueRecord... records) {
		PreparedBatch batch = this.pipeline.prepare(List.of(records));
		assertThat(batch.dropped()).isEmpty();
		return this.pipeline.store(batch);
	}

	private List<StoredSpan> allSpans() {
		Query traces = Query.builder(Datasets.SPANS, List.of(Samples.PROJECT_ID), TimeRange.ALL)
			.select(dev.faultline.query.Expression.field(Datasets.SPANS, "trace"))
			.groupBy(dev.faultline.query.Expression.field(Datasets.SPANS, "trace"))
			.build();
		return this.storage.queries()
			.run(traces)
			.rows()
			.stream()
			.flatMap((row) -> this.storage.spanReader()
				.trace(List.of(Samples.PROJECT_ID), (String) row.get(0), 1_000)
				.stream())
			.toList();
	}

	private static QueueRecord record(String position, String envelope) {
		return new QueueRecord(position, Samples.queued(envelope.getBytes(StandardCharsets.UTF_8)));
	}

}
