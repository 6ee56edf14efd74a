package dev.faultline.bench.discover;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.faultline.query.Cursor;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldParser;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.SearchConditions;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.clickhouse.ClickHouseEventStore;
import dev.faultline.storage.clickhouse.ClickHouseSettings;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.QueryLimits;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * Discover over seeded error events (issue 22: p95 below 1 s for representative queries,
 * below 300 ms for a single aggregate, on 10,000,000 events), and the memory of a
 * streamed export.
 *
 * <p>
 * Per shape, {@code events} error events of one project over 14 days (200 issues, 4
 * levels, 5 releases, 20,000 users, a browser tag) are written through the event store's
 * write role; then six queries, built by the query model from Sentry's field strings
 * exactly as {@code events/} and {@code events-stats/} build them and run with Discover's
 * default guard rails, each 5 times to warm up and {@code iterations} times measured.
 * Last, every event is streamed page by page (100,000 rows each, as the CSV export reads)
 * into a CSV writer that discards its output, printing the time and the process's
 * resident set before and after.
 *
 * <p>
 * Usage: {@code bash bench/discover/run.sh [embedded|distributed|both] [events]
 * [iterations]}.
 */
public final class DiscoverBench {

	private static final int WARMUP = 5;

	private static final int BATCH = 50_000;

	/** Discover's default limits (faultline.discover.*). */
	private static final QueryLimits LIMITS = new QueryLimits(Duration.ofSeconds(30), 1_000_000_000L, 0,
			4L * 1024 * 1024 * 1024, 1_000_000);

	private static final long PROJECT = 1;

	private DiscoverBench() {
	}

	public static void main(String[] args) throws Exception {
		String shape = (args.length > 0) ? args[0] : "both";
		long events = (args.length > 1) ? Long.parseLong(args[1]) : 10_000_000;
		int iterations = (args.length > 2) ? Integer.parseInt(args[2]) : 50;
		System.out.printf("discover: %,d events, %d iterations per query, %d cores, max heap %d MB%n", events,
				iterations, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		if (shape.equals("embedded") || shape.equals("both")) {
			Path dir = Files.createTempDirectory("faultline-bench-");
			try (EventStore store = DuckDbEventStore.open(dir.resolve("events.duckdb"))) {
				run("embedded (DuckDB)", store, events, iterations);
			}
		}
		if (shape.equals("distributed") || shape.equals("both")) {
			String database = "faultline_bench_" + UUID.randomUUID().toString().replace("-", "");
			try (EventStore store = ClickHouseEventStore
				.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database))) {
				run("distributed (ClickHouse/libchdb)", store, events, iterations);
			}
		}
		System.exit(0);
	}

	private static void run(String label, EventStore store, long events, int iterations) throws IOException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		TimeRange range = new TimeRange(now.minus(Duration.ofDays(14)), now);
		long start = System.nanoTime();
		seed(store, events, now);
		System.out.printf("%s: seeded in %.1f s%n", label, (System.nanoTime() - start) / 1e9);
		Map<String, Query> queries = queries(range, now);
		System.out.printf("%s: %-72s %8s %8s %8s %8s%n", label, "query", "rows", "p50 ms", "p95 ms", "p99 ms");
		for (Map.Entry<String, Query> entry : queries.entrySet()) {
			Latencies latencies = new Latencies(iterations);
			int rows = 0;
			for (int i = 0; i < WARMUP + iterations; i++) {
				long begin = System.nanoTime();
				rows = store.run(entry.getValue(), LIMITS).rows().size();
				if (i >= WARMUP) {
					latencies.add(System.nanoTime() - begin);
				}
			}
			System.out.printf("%s: %-72s %8d %8.1f %8.1f %8.1f%n", label, entry.getKey(), rows,
					latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99));
		}
		export(label, store, range);
	}

	/** Six questions a Discover user asks, from Sentry's field strings. */
	private static Map<String, Query> queries(TimeRange range, Instant now) {
		FieldParser fields = new FieldParser(Datasets.ERRORS);
		Map<String, Query> queries = new LinkedHashMap<>();
		queries.put("count() over 14 days (single aggregate)",
				base(range).select(fields.parse("count()").expression()).build());
		Expression level = fields.parse("level").expression();
		queries.put("level, count(), count_unique(user.id) by level", base(range)
			.select(level, fields.parse("count()").expression(), fields.parse("count_unique(user.id)").expression())
			.groupBy(level)
			.build());
		Expression title = fields.parse("title").expression();
		Expression count = fields.parse("count()").expression();
		queries.put("title, count(), last_seen() top 50 by -count()",
				base(range).select(title, count, fields.parse("last_seen()").expression())
					.groupBy(title)
					.orderBy(new Order(count, true))
					.page(Cursor.FIRST, 50)
					.build());
		queries.put("events-stats count() per hour over 14 days",
				base(range).select(count).interval(Duration.ofHours(1)).page(Cursor.FIRST, 1000).build());
		Expression release = fields.parse("release").expression();
		Expression equation = fields.parse("equation|count() / count_unique(user.id)").expression();
		queries.put("release, count(), equation|count() / count_unique(user.id) by release",
				base(range).select(release, count, equation)
					.groupBy(release)
					.orderBy(new Order(equation, true))
					.build());
		queries.put("id, title, timestamp where level:error browser:Chrome, newest 100",
				base(range).select(fields.parse("id").expression(), title, fields.parse("timestamp").expression())
					.where(new SearchConditions(Datasets.ERRORS).parse("level:error browser:Chrome", now))
					.orderBy(new Order(fields.parse("timestamp").expression(), true))
					.page(Cursor.FIRST, 100)
					.build());
		return queries;
	}

	private static Query.Builder base(TimeRange range) {
		return Query.builder(Datasets.ERRORS, List.of(PROJECT), range);
	}

	/** Every event as CSV, streamed page by page into a writer that keeps nothing. */
	private static void export(String label, EventStore store, TimeRange range) throws IOException {
		FieldParser fields = new FieldParser(Datasets.ERRORS);
		long rssBefore = rssKb();
		long peak = rssBefore;
		long rows = 0;
		long bytes = 0;
		long begin = System.nanoTime();
		Query page = base(range)
			.select(fields.parse("id").expression(), fields.parse("title").expression(),
					fields.parse("timestamp").expression(), fields.parse("level").expression())
			.orderBy(new Order(fields.parse("timestamp").expression(), true))
			.page(Cursor.FIRST, Query.MAX_LIMIT)
			.build();
		long[] counters = new long[2];
		while (page != null) {
			Cursor next = store.stream(page, LIMITS, (row) -> {
				StringBuilder line = new StringBuilder();
				for (Object value : row) {
					line.append(value).append(',');
				}
				counters[0]++;
				counters[1] += line.toString().getBytes(StandardCharsets.UTF_8).length;
			});
			peak = Math.max(peak, rssKb());
			page = (next == null) ? null : page.at(next);
		}
		rows = counters[0];
		bytes = counters[1];
		System.out.printf(
				"%s: streamed export of %,d rows (%,d MB of CSV) in %.1f s; RSS %,d MB before, peak %,d MB "
						+ "between pages%n",
				label, rows, bytes >> 20, (System.nanoTime() - begin) / 1e9, rssBefore >> 10, peak >> 10);
	}

	private static long rssKb() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return -1;
	}

	private static void seed(EventStore store, long events, Instant now) {
		Random random = new Random(22);
		String[] levels = { "error", "error", "error", "warning", "info", "fatal" };
		String[] browsers = { "Chrome", "Firefox", "Safari", "Edge" };
		long span = Duration.ofDays(14).toMillis();
		List<StoredEvent> batch = new ArrayList<>(BATCH);
		for (long i = 0; i < events; i++) {
			Instant at = now.minusMillis(1 + (long) (random.nextDouble() * (span - 2)));
			int issue = (int) Math.min(199, Math.abs(random.nextGaussian()) * 40);
			String user = "u" + random.nextInt(20_000);
			String release = "1." + random.nextInt(5);
			batch.add(new StoredEvent(PROJECT, String.format("%032x", i + 1), 1000 + issue, at, at, "javascript",
					levels[random.nextInt(levels.length)], "Error " + issue + ": something failed",
					"app/module" + issue + ".js", "message", release, "production", null, null,
					Map.of("browser", browsers[random.nextInt(browsers.length)]),
					new EventUser(user, null, user + "@example.com", null), "hash" + issue, "app", "{}"));
			if (batch.size() == BATCH) {
				store.write(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			store.write(batch);
		}
	}

}
