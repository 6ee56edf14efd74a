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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.processor.pipeline.ProjectProcessing;
import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Function;
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
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import dev.faultline.testing.chdb.ChdbHttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Release health on one shape: N sessions, each sent as two updates (the start,
 * {@code init} and {@code ok}; then its end: 80 % exited, 10 % exited with an error, 10 %
 * crashed) over three releases and 5,000 users, are queued as envelopes of U updates each
 * (1 is what an SDK sends; Relay allows 100), then the production loop and the
 * processor's real wiring ({@link ProcessorConfiguration#router}: decode, session rows,
 * the sessions role's merge) drain them. The clock runs from the first update taken to
 * the last stored; the sessions are then counted through the query model (sessions per
 * release and status, which must add up to N) and "sessions counted per second" is N over
 * that time. Then the crash-free query of the release pages (sessions and users per
 * release and status over 24 hours) is run 20 times to warm up and 100 times measured;
 * p50/p95/p99 printed.
 *
 * <p>
 * Usage: {@code bash bench/session-throughput/run.sh [embedded|distributed|both]
 * [sessions] [updates per envelope] [warm-up sessions]}.
 */
public final class SessionThroughputBench {

	private static final List<String> RELEASES = List.of("app@1.0.0", "app@1.1.0", "app@2.0.0");

	private SessionThroughputBench() {
	}

	public static void main(String[] args) throws Exception {
		String shape = (args.length > 0) ? args[0] : "both";
		int sessions = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		int perEnvelope = (args.length > 2) ? Integer.parseInt(args[2]) : 1;
		int warmUp = (args.length > 3) ? Integer.parseInt(args[3]) : 10_000;
		System.out.printf(
				"session throughput: %d sessions (2 updates each, %d updates per envelope, after %d"
						+ " warm-up sessions); %d cores, max heap %d MB%n",
				sessions, perEnvelope, warmUp, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		if (shape.equals("embedded") || shape.equals("both")) {
			Path dir = Files.createTempDirectory("faultline-bench-");
			try (MetadataStores metadata = SqliteMetadataStores.open(dir.resolve("metadata.db"));
					DuckDbEventStorage storage = DuckDbEventStorage.open(dir.resolve("events.duckdb"))) {
				run("embedded (SQLite queue + DuckDB)", dir, metadata, storage, sessions, perEnvelope, warmUp);
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
				run("distributed stores (PostgreSQL + ClickHouse/libchdb; SQLite queue)", dir, metadata, storage,
						sessions, perEnvelope, warmUp);
			}
			finally {
				execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
		System.exit(0);
	}

	private static void run(String label, Path dir, MetadataStores metadata, EventStorage storage, int sessions,
			int perEnvelope, int warmUp) throws Exception {
		Organization organization = metadata.organizations().create("bench", "Bench");
		Team team = metadata.organizations().createTeam(organization.id(), "bench", "Bench");
		Project project = metadata.projects().create(organization.id(), team.id(), "bench", "Bench", "java");
		Instant now = Instant.now();
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
			publish(queue, project, 0, warmUp, perEnvelope, now);
			drain(queue, pipeline, meters, 2L * warmUp);
			publish(queue, project, warmUp, sessions, perEnvelope, now);
			long cpuStart = processCpuNanos();
			long start = System.nanoTime();
			drain(queue, pipeline, meters, 2L * (warmUp + sessions));
			long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			long cpuNanos = processCpuNanos() - cpuStart;
			long counted = countSessions(storage, project, now);
			if (counted != warmUp + sessions) {
				throw new IllegalStateException("counted " + counted + " sessions, sent " + (warmUp + sessions));
			}
			System.out.printf(
					"%s: %d sessions (%d updates in %d envelopes) stored and counted in %d ms = %.0f sessions/s"
							+ " (%.0f updates/s), process CPU %.1f us/session%n",
					label, sessions, 2L * sessions, (2L * sessions + perEnvelope - 1) / perEnvelope, millis,
					sessions * 1000.0 / millis, 2.0 * sessions * 1000.0 / millis, cpuNanos / 1000.0 / sessions);
		}
		queries(label, storage, project, now);
	}

	/**
	 * Queues the updates of sessions {@code first .. first + count}: all starts, then all
	 * ends.
	 */
	private static void publish(SqliteEnvelopeQueue queue, Project project, int first, int count, int perEnvelope,
			Instant now) {
		List<String> items = new ArrayList<>(perEnvelope);
		for (int phase = 0; phase < 2; phase++) {
			for (int i = first; i < first + count; i++) {
				items.add(update(i, phase == 0, now));
				if (items.size() == perEnvelope) {
					queue.publish(envelope(project, items));
					items.clear();
				}
			}
		}
		if (!items.isEmpty()) {
			queue.publish(envelope(project, items));
		}
	}

	private static QueuedEnvelope envelope(Project project, List<String> items) {
		StringBuilder body = new StringBuilder("{\"sent_at\":\"").append(Instant.now()).append("\"}\n");
		for (String item : items) {
			body.append("{\"type\":\"session\"}\n").append(item).append('\n');
		}
		return new QueuedEnvelope(project.id(), "publickey", Instant.now(), "203.0.113.7", "bench",
				body.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** One update of session {@code i}: its start, or its end. */
	private static String update(int i, boolean start, Instant now) {
		Instant started = now.minusSeconds(3600 + (i % 3600));
		String status = start ? "ok" : (i % 10 == 9) ? "crashed" : "exited";
		int errors = (!start && i % 10 >= 8) ? 1 : 0;
		return "{\"sid\":\"" + String.format("%032x", i) + "\",\"did\":\"user-" + (i % 5_000) + "\""
				+ (start ? ",\"init\":true" : "") + ",\"seq\":" + (start ? 0 : 1) + ",\"started\":\"" + started
				+ "\",\"timestamp\":\"" + started.plusSeconds(start ? 0 : 30) + "\",\"status\":\"" + status
				+ "\",\"errors\":" + errors + (start ? "" : ",\"duration\":30.0") + ",\"attrs\":{\"release\":\""
				+ RELEASES.get(i % RELEASES.size()) + "\",\"environment\":\"production\"}}";
	}

	/** Runs a consumer loop until the given number of updates was accepted in all. */
	private static void drain(SqliteEnvelopeQueue queue, EnvelopePipeline pipeline, SimpleMeterRegistry meters,
			long updates) throws InterruptedException {
		ProcessorLoop loop = new ProcessorLoop(queue, pipeline, new ItemOutcomes(meters, null),
				ProcessorSettings.defaults());
		loop.start();
		while (accepted(meters) < updates) {
			Thread.sleep(2);
		}
		loop.stop();
	}

	private static long countSessions(EventStorage storage, Project project, Instant now) {
		Object count = storage.queries()
			.run(Query
				.builder(Datasets.SESSIONS, List.of(project.id()),
						new TimeRange(now.minus(Duration.ofDays(1)), now.plusSeconds(1)))
				.select(Aggregate.count())
				.where(new Condition.Compare(field("session.init"), Condition.Operator.EQUALS, 1L))
				.extrapolated(true)
				.build())
			.rows()
			.get(0)
			.get(0);
		return (count != null) ? ((Number) count).longValue() : 0;
	}

	/**
	 * The release pages' question: sessions and users per release and status over 24
	 * hours.
	 */
	private static void queries(String label, EventStorage storage, Project project, Instant now) {
		Expression release = field("release");
		Expression status = field("session.status");
		Query query = Query
			.builder(Datasets.SESSIONS, List.of(project.id()),
					new TimeRange(now.minus(Duration.ofDays(1)), now.plusSeconds(1)))
			.select(release, status, Aggregate.count(), new Aggregate(Function.COUNT_UNIQUE, field("user"), 0))
			.where(new Condition.Compare(field("session.init"), Condition.Operator.EQUALS, 1L))
			.groupBy(release, status)
			.extrapolated(true)
			.build();
		for (int i = 0; i < 20; i++) {
			storage.queries().run(query);
		}
		long[] nanos = new long[100];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			storage.queries().run(query);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf("%s: crash-free query (sessions and users per release and status, 24 h): p50 %.1f ms,"
				+ " p95 %.1f ms, p99 %.1f ms%n", label, nanos[49] / 1e6, nanos[94] / 1e6, nanos[98] / 1e6);
	}

	private static Expression field(String name) {
		return Expression.field(Datasets.SESSIONS, name);
	}

	private static long accepted(SimpleMeterRegistry meters) {
		Counter counter = meters.find(ItemOutcomes.ITEMS).tag("type", "session").tag("outcome", "accepted").counter();
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
