package dev.faultline.processor;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.processor.pipeline.ProjectProcessing;
import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Function;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.TimeRange;
import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.clickhouse.ClickHouseEventStorage;
import dev.faultline.storage.clickhouse.ClickHouseSettings;
import dev.faultline.storage.duckdb.DuckDbEventStorage;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.postgres.PostgresMetadataStores;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.spans.StoredSpan;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import dev.faultline.testing.chdb.ChdbHttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Tracing on one shape, in two parts.
 * <ol>
 * <li><b>Ingest</b>: N span-stream envelopes (one segment of S spans each: an
 * {@code http.server} segment, database queries, outgoing HTTP calls and functions, as
 * {@code @sentry/node} sends them) are queued first, then the production loop and the
 * processor's real wiring ({@link ProcessorConfiguration#router}: decode, scrub, span
 * rows, performance issue detection, store) drain them; spans per second and process CPU
 * per span are printed.</li>
 * <li><b>Reads</b>: T transactions of 10 spans each over 100 transaction names and 14
 * days are written through the spans role, plus one trace of 1,000 spans; then the
 * transactions table (per name: count, tpm, p50, p75, p95 of the duration, failure rate,
 * Apdex(300), the 50 busiest), a transaction summary (count per hour over 14 days and the
 * percentiles of one name) and the 1,000-span trace are each read 20 times to warm up and
 * 100 times measured; p50/p95/p99 printed.</li>
 * </ol>
 * Usage: {@code bash bench/span-throughput/run.sh [embedded|distributed|both] [segments]
 * [spans per segment] [seeded transactions] [warm-up segments]}.
 */
public final class SpanThroughputBench {

	private static final int NAMES = 100;

	private SpanThroughputBench() {
	}

	public static void main(String[] args) throws Exception {
		String shape = (args.length > 0) ? args[0] : "both";
		int segments = (args.length > 1) ? Integer.parseInt(args[1]) : 2_000;
		int spansPerSegment = (args.length > 2) ? Integer.parseInt(args[2]) : 50;
		int transactions = (args.length > 3) ? Integer.parseInt(args[3]) : 100_000;
		int warmUp = (args.length > 4) ? Integer.parseInt(args[4]) : 200;
		System.out.printf(
				"span throughput: %d segments x %d spans (after %d warm-up segments), %d seeded"
						+ " transactions; %d cores, max heap %d MB%n",
				segments, spansPerSegment, warmUp, transactions, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		if (shape.equals("embedded") || shape.equals("both")) {
			Path dir = Files.createTempDirectory("faultline-bench-");
			try (MetadataStores metadata = SqliteMetadataStores.open(dir.resolve("metadata.db"));
					DuckDbEventStorage storage = DuckDbEventStorage.open(dir.resolve("events.duckdb"))) {
				run("embedded (SQLite + DuckDB)", dir, metadata, storage, segments, spansPerSegment, transactions,
						warmUp);
			}
		}
		if (shape.equals("distributed") || shape.equals("both")) {
			Path dir = Files.createTempDirectory("faultline-bench-");
			String database = "faultline_bench_" + UUID.randomUUID().toString().replace("-", "");
			execute("CREATE DATABASE " + database);
			try (MetadataStores metadata = PostgresMetadataStores.open("jdbc:postgresql://127.0.0.1:5432/" + database,
					"postgres", "");
					ClickHouseEventStorage storage = ClickHouseEventStorage
						.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database))) {
				run("distributed (PostgreSQL + ClickHouse/libchdb)", dir, metadata, storage, segments, spansPerSegment,
						transactions, warmUp);
			}
			finally {
				execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
		System.exit(0);
	}

	private static void run(String label, Path dir, MetadataStores metadata, EventStorage storage, int segments,
			int spansPerSegment, int transactions, int warmUp) throws Exception {
		Organization organization = metadata.organizations().create("bench", "Bench");
		Team team = metadata.organizations().createTeam(organization.id(), "bench", "Bench");
		Project project = metadata.projects().create(organization.id(), team.id(), "bench", "Bench", "node");
		ingest(label, dir, metadata, storage, project, segments, spansPerSegment, warmUp);
		reads(label, storage, project, transactions);
	}

	private static void ingest(String label, Path dir, MetadataStores metadata, EventStorage storage, Project project,
			int segments, int spansPerSegment, int warmUp) throws Exception {
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(dir.resolve("queue.db"), 10_000_000)) {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			ProjectProcessing processing = ProjectProcessing.compile(ProjectSettings.DEFAULTS,
					ScrubbingSettings.defaultSettings());
			ProcessorProperties properties = new ProcessorProperties(
					new ProcessorProperties.Scrubbing(true, false, List.of(), List.of()),
					new ProcessorProperties.Grouping("", ""), Duration.ofDays(90), Duration.ofSeconds(30),
					Duration.ofSeconds(3), Duration.ofMinutes(5), Integer.getInteger("faultline.processor.threads", 2));
			EnvelopePipeline pipeline = new EnvelopePipeline(
					ProcessorConfiguration.router(metadata, storage.eventWriter(), storage.spanWriter(),
							storage.sessionWriter(), properties),
					(projectId) -> processing, metadata.deadLetters(), EnvelopePipeline.DEFAULT_BUDGET,
					properties.threads());
			// The warm-up segments run through a first loop (the JIT compiles the
			// pipeline, as
			// in a server that runs for a while); the measured ones are queued after it
			// stopped
			// and drained by a second loop over the same pipeline.
			publish(queue, project, 0, warmUp, spansPerSegment);
			drain(queue, pipeline, meters, (long) warmUp * spansPerSegment);
			publish(queue, project, warmUp, segments, spansPerSegment);
			long cpuStart = processCpuNanos();
			long start = System.nanoTime();
			drain(queue, pipeline, meters, (long) (warmUp + segments) * spansPerSegment);
			long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			long cpuNanos = processCpuNanos() - cpuStart;
			long spans = (long) segments * spansPerSegment;
			System.out.printf(
					"%s: %d spans (%d segments) processed and stored in %d ms = %.0f spans/s,"
							+ " process CPU %.1f us/span%n",
					label, spans, segments, millis, spans * 1000.0 / millis, cpuNanos / 1000.0 / spans);
		}
	}

	private static void publish(SqliteEnvelopeQueue queue, Project project, int first, int count, int spansPerSegment) {
		for (int i = first; i < first + count; i++) {
			queue.publish(new QueuedEnvelope(project.id(), "publickey", Instant.now(), "203.0.113.7", "bench",
					envelope(i, spansPerSegment)));
		}
	}

	/** Runs a consumer loop until the given number of spans was accepted in all. */
	private static void drain(SqliteEnvelopeQueue queue, EnvelopePipeline pipeline, SimpleMeterRegistry meters,
			long spans) throws InterruptedException {
		ProcessorLoop loop = new ProcessorLoop(queue, pipeline, new ItemOutcomes(meters, null),
				ProcessorSettings.defaults());
		loop.start();
		while (acceptedSpans(meters) < spans) {
			Thread.sleep(2);
		}
		loop.stop();
	}

	private static void reads(String label, EventStorage storage, Project project, int transactions) {
		Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant begin = end.minus(14, ChronoUnit.DAYS);
		long seedStart = System.nanoTime();
		List<StoredSpan> batch = new ArrayList<>(100_000);
		for (int t = 0; t < transactions; t++) {
			Instant at = begin.plusMillis((long) ((double) t / transactions * Duration.between(begin, end).toMillis()));
			batch.addAll(transaction(project.id(), t, at, 10));
			if (batch.size() >= 100_000) {
				storage.spanWriter().writeSpans(batch);
				batch.clear();
			}
		}
		String bigTrace = "%032x".formatted(0x7ace_0000_0000L + transactions);
		batch.addAll(trace(project.id(), bigTrace, end.minusSeconds(60), 1_000));
		storage.spanWriter().writeSpans(batch);
		System.out.printf("%s: seeded %d transactions (%d spans) and a 1,000-span trace in %d s%n", label, transactions,
				transactions * 10L, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - seedStart));

		List<Long> projects = List.of(project.id());
		TimeRange range = new TimeRange(begin, end.plusSeconds(1));
		Expression transaction = Expression.field(Datasets.TRANSACTIONS, "transaction");
		Expression duration = Expression.field(Datasets.TRANSACTIONS, "transaction.duration");
		Expression status = Expression.field(Datasets.TRANSACTIONS, "transaction.status");
		Aggregate count = Aggregate.count();
		Query table = Query.builder(Datasets.TRANSACTIONS, projects, range)
			.select(transaction, count, Aggregate.rate(Function.TPM), Aggregate.percentile(duration, 0.5),
					Aggregate.percentile(duration, 0.75), Aggregate.percentile(duration, 0.95),
					Aggregate.failures(Function.FAILURE_RATE, status), Aggregate.apdex(duration, 300))
			.groupBy(transaction)
			.orderBy(Order.desc(count))
			.page(0, 50)
			.build();
		Condition oneName = new Condition.Compare(transaction, Condition.Operator.EQUALS, "GET /route/7");
		Query summarySeries = Query.builder(Datasets.TRANSACTIONS, projects, range)
			.select(count)
			.where(oneName)
			.interval(Duration.ofHours(1))
			.page(0, Query.MAX_LIMIT)
			.build();
		Query summaryTotals = Query.builder(Datasets.TRANSACTIONS, projects, range)
			.select(count, Aggregate.percentile(duration, 0.5), Aggregate.percentile(duration, 0.95),
					Aggregate.percentile(duration, 0.99))
			.where(oneName)
			.build();
		latency(label + " transactions table (50 busiest of " + NAMES
				+ " names: tpm, p50/p75/p95, failure rate, Apdex)", () -> storage.queries().run(table).rows().size());
		latency(label + " transaction summary (hourly counts, 14 days)",
				() -> storage.queries().run(summarySeries).rows().size());
		latency(label + " transaction summary (count and percentiles)",
				() -> storage.queries().run(summaryTotals).rows().size());
		latency(label + " trace of 1,000 spans", () -> storage.spanReader().trace(projects, bigTrace, 1_000).size());
	}

	private static void latency(String what, Supplier<Integer> read) {
		for (int i = 0; i < 20; i++) {
			read.get();
		}
		long[] micros = new long[100];
		int rows = 0;
		for (int i = 0; i < micros.length; i++) {
			long start = System.nanoTime();
			rows = read.get();
			micros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
		}
		Arrays.sort(micros);
		System.out.printf("  %-100s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (%d rows)%n", what, micros[49] / 1000.0,
				micros[94] / 1000.0, micros[98] / 1000.0, rows);
	}

	/** A seeded transaction: a segment and 9 children, 50–2,000 ms, 2 % failing. */
	private static List<StoredSpan> transaction(long projectId, int t, Instant at, int spans) {
		String trace = "%032x".formatted(0x5eed_0000_0000L + t);
		String segmentId = "%016x".formatted(0x5e90_0000_0000L + (long) t * 16);
		double durationMs = 50 + (t * 7919L % 1950);
		String name = "GET /route/" + (t % NAMES);
		String status = (t % 50 == 0) ? "internal_error" : "ok";
		List<StoredSpan> rows = new ArrayList<>(spans);
		rows.add(span(projectId, trace, segmentId, null, segmentId, true, at, durationMs, "http.server", name, status,
				name));
		for (int c = 1; c < spans; c++) {
			String id = "%016x".formatted(0x5e90_0000_0000L + (long) t * 16 + c);
			rows.add(span(projectId, trace, id, segmentId, segmentId, false,
					at.plusMillis((long) (durationMs * c / spans)), durationMs / spans,
					(c % 2 == 0) ? "db" : "http.client", "SELECT * FROM table_" + c + " WHERE id = ?", "ok", name));
		}
		return rows;
	}

	/** One trace of n spans: a segment and its children, two levels deep. */
	private static List<StoredSpan> trace(long projectId, String trace, Instant at, int n) {
		List<StoredSpan> rows = new ArrayList<>(n);
		String root = "%016x".formatted(0x7ace_0000_0000L);
		rows.add(
				span(projectId, trace, root, null, root, true, at, 5_000, "http.server", "GET /big", "ok", "GET /big"));
		for (int i = 1; i < n; i++) {
			String id = "%016x".formatted(0x7ace_0000_0000L + i);
			String parent = (i < 20) ? root : "%016x".formatted(0x7ace_0000_0000L + 1 + (i % 19));
			rows.add(span(projectId, trace, id, parent, root, false, at.plusMillis(i * 4L), 3, "db", "SELECT " + i,
					"ok", "GET /big"));
		}
		return rows;
	}

	private static StoredSpan span(long projectId, String trace, String id, String parent, String segmentId,
			boolean segment, Instant start, double durationMs, String op, String description, String status,
			String transaction) {
		Instant end = start.plusNanos((long) (durationMs * 1_000_000));
		return new StoredSpan(projectId, trace, id, parent, segmentId, segment ? id + id : null, segment, start, end,
				durationMs, durationMs, start, op, description, status, transaction, "bench@1.0", "production", "node",
				"sentry.javascript.node", null, 1, Map.of(), Map.of(), Map.of());
	}

	/**
	 * A span-stream envelope as {@code @sentry/node} 11 sends it: one {@code span} item
	 * with the segment and its children (database queries, outgoing calls, functions).
	 */
	static byte[] envelope(int i, int spansPerSegment) {
		String trace = "%032x".formatted(0xbe4c_0000_0000L + i);
		String segmentId = "%016x".formatted(0xbe4c_0000_0000L + (long) i * 1024);
		double start = Instant.now().getEpochSecond() - 60;
		double end = start + 0.5;
		StringBuilder items = new StringBuilder();
		String name = "GET /route/" + (i % NAMES);
		items.append(span(segmentId, null, trace, name, "http.server", start, end, true, name));
		for (int c = 1; c < spansPerSegment; c++) {
			String id = "%016x".formatted(0xbe4c_0000_0000L + (long) i * 1024 + c);
			double from = start + 0.001 + c * 0.4 / spansPerSegment;
			String op = switch (c % 3) {
				case 0 -> "db";
				case 1 -> "http.client";
				default -> "function";
			};
			String description = switch (op) {
				case "db" -> "SELECT * FROM table_" + (c % 7) + " WHERE id = $1";
				case "http.client" -> "GET https://api.example.com/items/" + c;
				default -> "render " + c;
			};
			items.append(',').append(span(id, segmentId, trace, description, op, from, from + 0.003, false, name));
		}
		String payload = "{\"version\":2,\"items\":[" + items + "]}";
		return ("{\"trace\":{\"trace_id\":\"" + trace
				+ "\",\"public_key\":\"publickey\"}}\n{\"type\":\"span\",\"item_count\":" + spansPerSegment
				+ ",\"content_type\":\"application/vnd.sentry.items.span.v2+json\"}\n" + payload + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String span(String id, String parent, String trace, String name, String op, double start, double end,
			boolean segment, String segmentName) {
		return "{\"name\":\"" + name + "\",\"span_id\":\"" + id + "\",\"trace_id\":\"" + trace + "\""
				+ ((parent != null) ? ",\"parent_span_id\":\"" + parent + "\"" : "") + ",\"start_timestamp\":" + start
				+ ",\"end_timestamp\":" + end + ",\"is_segment\":" + segment + ",\"status\":\"ok\",\"attributes\":{"
				+ "\"sentry.op\":{\"value\":\"" + op + "\",\"type\":\"string\"},"
				+ "\"sentry.segment.name\":{\"value\":\"" + segmentName + "\",\"type\":\"string\"},"
				+ "\"sentry.release\":{\"value\":\"bench@1.0\",\"type\":\"string\"},"
				+ "\"sentry.environment\":{\"value\":\"production\",\"type\":\"string\"},"
				+ "\"sentry.sdk.name\":{\"value\":\"sentry.javascript.node\",\"type\":\"string\"}}}";
	}

	private static long acceptedSpans(SimpleMeterRegistry meters) {
		Counter counter = meters.find(ItemOutcomes.ITEMS).tag("type", "span").tag("outcome", "accepted").counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static void execute(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
