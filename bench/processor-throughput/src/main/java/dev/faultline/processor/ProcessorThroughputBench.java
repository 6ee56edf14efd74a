package dev.faultline.processor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.faultline.alerts.IssueAlertEvaluator;
import dev.faultline.alerts.NotificationPlanner;
import dev.faultline.alerts.QueryEventCounts;
import dev.faultline.boot.outcome.OutcomeRecorder;
import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.processor.alert.IssueAlertQueue;
import dev.faultline.processor.clientreport.ClientReportProcessor;
import dev.faultline.processor.event.EventProcessor;
import dev.faultline.processor.event.EventWriter;
import dev.faultline.processor.event.GroupingStage;
import dev.faultline.processor.event.IssueAssignmentStage;
import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ItemRouter;
import dev.faultline.processor.pipeline.ProcessorLoop;
import dev.faultline.processor.pipeline.ProcessorSettings;
import dev.faultline.processor.pipeline.ProjectProcessing;
import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.alert.IssueAlertRuleSpec;
import dev.faultline.storage.clickhouse.ClickHouseEventStore;
import dev.faultline.storage.clickhouse.ClickHouseSettings;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.EventStore;
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
 * Processor throughput: N error events (Java-shaped, ~30 frames, breadcrumbs, request
 * with headers and cookies, ~6 KB each, spread over a number of groups) are queued first,
 * then one consumer loop (the production {@link ProcessorLoop} and
 * {@link EnvelopePipeline}: decode, parse, normalize, scrub, group, issue, store) drains
 * them; the time from start to the last commit gives events per second, printed.
 *
 * <p>
 * Shapes: {@code embedded} (SQLite metadata, DuckDB events) and {@code distributed}
 * (PostgreSQL metadata on 127.0.0.1:5432 as {@code postgres}, ClickHouse through the
 * libchdb test server). The queue is the embedded one in both, since this measures
 * processing, not the queue.
 *
 * <p>
 * Usage:
 * {@code bash bench/processor-throughput/run.sh [embedded|distributed|both] [events]
 * [groups] [warm-up events]}; {@code -Dfaultline.processor.threads=N} prepares N
 * envelopes at once.
 */
public final class ProcessorThroughputBench {

	private ProcessorThroughputBench() {
	}

	public static void main(String[] args) throws Exception {
		String shape = (args.length > 0) ? args[0] : "both";
		int events = (args.length > 1) ? Integer.parseInt(args[1]) : 20_000;
		int groups = (args.length > 2) ? Integer.parseInt(args[2]) : 50;
		int warmUp = (args.length > 3) ? Integer.parseInt(args[3]) : 0;
		System.out.printf(
				"processor throughput: %d events (after %d warm-up events) in %d groups, %d cores, max heap %d MB,"
						+ " %d threads%n",
				events, warmUp, groups, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20, Integer.getInteger("faultline.processor.threads", 1));
		if (shape.equals("embedded") || shape.equals("both")) {
			Path dir = Files.createTempDirectory("faultline-bench-");
			try (MetadataStores metadata = SqliteMetadataStores.open(dir.resolve("metadata.db"));
					EventStore store = DuckDbEventStore.open(dir.resolve("events.duckdb"))) {
				run("embedded (SQLite + DuckDB)", dir, metadata, store, events, groups, warmUp);
			}
		}
		if (shape.equals("distributed") || shape.equals("both")) {
			Path dir = Files.createTempDirectory("faultline-bench-");
			String database = "faultline_bench_" + UUID.randomUUID().toString().replace("-", "");
			execute("jdbc:postgresql://127.0.0.1:5432/postgres", "CREATE DATABASE " + database);
			try (MetadataStores metadata = PostgresMetadataStores.open("jdbc:postgresql://127.0.0.1:5432/" + database,
					"postgres", "");
					EventStore store = ClickHouseEventStore
						.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database))) {
				run("distributed (PostgreSQL + ClickHouse/libchdb)", dir, metadata, store, events, groups, warmUp);
			}
			finally {
				execute("jdbc:postgresql://127.0.0.1:5432/postgres",
						"DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
		System.exit(0);
	}

	private static void run(String label, Path dir, MetadataStores metadata, EventStore store, int events, int groups,
			int warmUp) throws Exception {
		Organization organization = metadata.organizations().create("bench", "Bench");
		Team team = metadata.organizations().createTeam(organization.id(), "bench", "Bench");
		Project project = metadata.projects().create(organization.id(), team.id(), "bench", "Bench", "java");
		try (SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(dir.resolve("queue.db"), 10_000_000)) {
			long publishStart = System.nanoTime();
			publish(queue, project.id(), warmUp + events, groups);
			long publishMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishStart);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			ProjectProcessing processing = ProjectProcessing.compile(ProjectSettings.DEFAULTS,
					ScrubbingSettings.defaultSettings());
			int rules = Integer.getInteger("faultline.bench.alert-rules", -1);
			IssueAlertQueue alerts = (rules < 0) ? null : alertQueue(metadata, store, project, rules, meters);
			EventWriter writer = (alerts == null)
					? new EventWriter(new IssueAssignmentStage(metadata.issues()), store, metadata.countedEvents())
					: new EventWriter(new IssueAssignmentStage(metadata.issues()), store, metadata.countedEvents(),
							alerts);
			EnvelopePipeline pipeline = new EnvelopePipeline(
					ItemRouter.of(Map.of("event", new EventProcessor(new GroupingStage(), writer), "client_report",
							new ClientReportProcessor())),
					(projectId) -> processing, metadata.deadLetters(), EnvelopePipeline.DEFAULT_BUDGET,
					Integer.getInteger("faultline.processor.threads", 1));
			OutcomeRecorder recorder = new OutcomeRecorder(metadata.outcomes(), meters, Duration.ofSeconds(10),
					Clock.systemUTC());
			ProcessorLoop loop = new ProcessorLoop(queue, pipeline, new ItemOutcomes(meters, recorder),
					ProcessorSettings.defaults());
			loop.start();
			// The warm-up events (processed first, not measured) let the JIT compile the
			// pipeline, as it has in a server that runs for a while.
			while (accepted(meters) < warmUp || (alerts != null && alerts.done() < warmUp)) {
				Thread.sleep(1);
			}
			Map<String, Long> threadsBefore = cpuByThread();
			Map<String, Long> tasksBefore = cpuByTask();
			long cpuStart = processCpuNanos();
			long start = System.nanoTime();
			while (accepted(meters) < warmUp + events || (alerts != null && alerts.done() < warmUp + events)) {
				Thread.sleep(5);
			}
			long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			long cpuNanos = processCpuNanos() - cpuStart;
			Map<String, Long> threadsAfter = cpuByThread();
			Map<String, Long> tasksAfter = cpuByTask();
			loop.stop();
			String shown = label;
			if (alerts != null) {
				alerts.stop();
				shown = label + ", " + rules + " issue alert rules evaluated ("
						+ metadata.alerts().outbox().listForOrganization(organization.id(), 100_000).size()
						+ " notifications)";
			}
			System.out.printf(
					"%s: %d events processed in %d ms = %.0f events/s, process CPU %d ms = %.0f us/event"
							+ " (queued beforehand in %d ms)%n",
					shown, events, millis, events * 1000.0 / millis, TimeUnit.NANOSECONDS.toMillis(cpuNanos),
					cpuNanos / 1000.0 / events, publishMillis);
			tasksAfter.forEach((name, taskMillis) -> {
				long used = taskMillis - tasksBefore.getOrDefault(name, 0L);
				if (used * 1_000_000 * 100 >= cpuNanos) {
					System.out.printf("  task   %-40s %6d ms = %5.0f us/event%n", name, used, used * 1000.0 / events);
				}
			});
			threadsAfter.forEach((name, nanos) -> {
				long used = nanos - threadsBefore.getOrDefault(name, 0L);
				if (used * 100 >= cpuNanos) {
					System.out.printf("  thread %-40s %6d ms = %5.0f us/event%n", name,
							TimeUnit.NANOSECONDS.toMillis(used), used / 1000.0 / events);
				}
			});
		}
	}

	/**
	 * The issue alert evaluator on its queue with {@code count} rules on the project,
	 * four kinds in turn: a new issue (fires once per group), every event of level fatal
	 * (the filter never passes: the events are errors), more than 1,000 events of the
	 * issue in an hour (a count query of the event store per batch) and a regression with
	 * a tag filter. Each rule posts to the WebHooks plugin; notifications are written to
	 * the outbox (no dispatcher runs).
	 */
	private static IssueAlertQueue alertQueue(MetadataStores metadata, EventStore store, Project project, int count,
			SimpleMeterRegistry meters) {
		String webhooks = "[{\"id\":\"sentry.rules.actions.notify_event_service.NotifyEventServiceAction\","
				+ "\"service\":\"webhooks\"}]";
		String[][] kinds = {
				{ "[{\"id\":\"sentry.rules.conditions.first_seen_event.FirstSeenEventCondition\"}]", "[]" },
				{ "[{\"id\":\"sentry.rules.conditions.every_event.EveryEventCondition\"}]",
						"[{\"id\":\"sentry.rules.filters.level.LevelFilter\",\"match\":\"gte\",\"level\":\"50\"}]" },
				{ "[{\"id\":\"sentry.rules.conditions.event_frequency.EventFrequencyCondition\",\"value\":1000,"
						+ "\"interval\":\"1h\"}]", "[]" },
				{ "[{\"id\":\"sentry.rules.conditions.regression_event.RegressionEventCondition\"}]",
						"[{\"id\":\"sentry.rules.filters.tagged_event.TaggedEventFilter\",\"key\":\"browser\","
								+ "\"match\":\"co\",\"value\":\"Firefox\"}]" } };
		for (int i = 0; i < count; i++) {
			String[] kind = kinds[i % kinds.length];
			metadata.alerts()
				.issueRules()
				.create(project.id(), new IssueAlertRuleSpec("Rule " + i, null, "all", "all", 30, kind[0], kind[1],
						webhooks, null, "active"), null);
		}
		metadata.alerts().webhookPlugins().save(project.id(), true, List.of("http://127.0.0.1:9/hook"));
		IssueAlertEvaluator evaluator = new IssueAlertEvaluator(metadata.alerts().issueRules(), metadata.issues(),
				metadata.projects(), metadata.organizations(), metadata.releases(), new QueryEventCounts(store),
				new NotificationPlanner(metadata.alerts().webhookPlugins(), metadata.alerts().integrations(),
						metadata.organizations()),
				metadata.alerts().outbox(), "http://localhost:8080", Clock.systemUTC(), Duration.ofSeconds(10));
		IssueAlertQueue queue = new IssueAlertQueue(evaluator, 100_000, meters);
		queue.start();
		return queue;
	}

	private static void publish(SqliteEnvelopeQueue queue, long projectId, int events, int groups) throws Exception {
		ExecutorService publishers = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> pending = new ArrayList<>();
			for (int i = 0; i < events; i++) {
				byte[] body = envelope(i, groups);
				pending.add(publishers.submit(() -> queue
					.publish(new QueuedEnvelope(projectId, "publickey", Instant.now(), "203.0.113.7", "bench", body))));
				if (pending.size() >= 256) {
					for (Future<?> future : pending) {
						future.get();
					}
					pending.clear();
				}
			}
			for (Future<?> future : pending) {
				future.get();
			}
		}
		finally {
			publishers.shutdown();
		}
	}

	/**
	 * CPU time of the whole process (every thread, JIT and GC included), which depends
	 * far less on what else runs on the machine than the wall-clock rate does.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * CPU time in ms per operating-system thread of this process by its (15-character)
	 * name, which shows what {@link ThreadMXBean} cannot: GC, JIT compiler and the native
	 * threads of DuckDB; empty where {@code /proc} is missing.
	 */
	private static Map<String, Long> cpuByTask() {
		Map<String, Long> byName = new java.util.TreeMap<>();
		Path tasks = Path.of("/proc/self/task");
		if (!Files.isDirectory(tasks)) {
			return byName;
		}
		long tickMillis = 10; // USER_HZ is 100 on Linux
		try (var stream = Files.list(tasks)) {
			for (Path task : stream.toList()) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
						.replaceAll("[#-]?\\d+$", "");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					byName.merge(name, ticks * tickMillis, Long::sum);
				}
				catch (java.io.IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (java.io.IOException ex) {
			return byName;
		}
		return byName;
	}

	/**
	 * CPU time per live thread, by name (a number at the end of the name dropped, so a
	 * pool's threads add up).
	 */
	private static Map<String, Long> cpuByThread() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Long> byName = new java.util.TreeMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				long nanos = threads.getThreadCpuTime(info.getThreadId());
				if (nanos > 0) {
					byName.merge(info.getThreadName().replaceAll("-?\\d+$", ""), nanos, Long::sum);
				}
			}
		}
		return byName;
	}

	private static long accepted(SimpleMeterRegistry meters) {
		Counter counter = meters.find(ItemOutcomes.ITEMS).tag("type", "event").tag("outcome", "accepted").counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	static byte[] envelope(int i, int groups) {
		String eventId = "%032x".formatted(0xbe4c_0000_0000L + i);
		int group = i % groups;
		StringBuilder frames = new StringBuilder();
		for (int f = 0; f < 30; f++) {
			boolean inApp = f >= 25;
			if (f > 0) {
				frames.append(',');
			}
			frames.append("{\"module\":\"")
				.append(inApp ? "shop.orders.Service" + ((f == 29) ? group : f)
						: "org.framework.layer" + f + ".Handler")
				.append("\",\"function\":\"handle")
				.append(f)
				.append("\",\"filename\":\"Handler.java\",\"lineno\":")
				.append(100 + f + i % 7)
				.append(",\"in_app\":")
				.append(inApp)
				.append('}');
		}
		StringBuilder crumbs = new StringBuilder();
		for (int b = 0; b < 10; b++) {
			if (b > 0) {
				crumbs.append(',');
			}
			crumbs.append("{\"timestamp\":1764028700.")
				.append(b)
				.append(",\"category\":\"http\",\"message\":\"GET /api/items/")
				.append(i + b)
				.append("\",\"data\":{\"status_code\":200}}");
		}
		String event = "{\"event_id\":\"" + eventId + "\",\"platform\":\"java\",\"level\":\"error\","
				+ "\"release\":\"shop@1.4." + (i % 3) + "\",\"environment\":\"production\",\"server_name\":\"web-"
				+ (i % 4) + "\",\"exception\":{\"values\":[{\"type\":\"IllegalStateException\",\"value\":\"Order " + i
				+ " failed for customer " + (i * 7) + "\",\"module\":\"java.lang\",\"stacktrace\":{\"frames\":["
				+ frames + "]}}]},\"breadcrumbs\":{\"values\":[" + crumbs + "]},\"tags\":{\"region\":\"eu-" + (i % 3)
				+ "\",\"feature\":\"checkout\"},\"user\":{\"id\":\"user-" + (i % 1000)
				+ "\",\"ip_address\":\"{{auto}}\"},\"request\":{\"url\":\"https://shop.example.com/checkout?token=abc"
				+ i + "\",\"method\":\"POST\",\"headers\":{\"User-Agent\":\"Mozilla/5.0\",\"Authorization\":\"Bearer x"
				+ i + "\",\"Cookie\":\"session=s" + i + "\"}},\"contexts\":{\"trace\":{\"trace_id\":\"" + eventId
				+ "\",\"span_id\":\"" + eventId.substring(0, 16) + "\"},\"os\":{\"name\":\"Linux\"}},"
				+ "\"extra\":{\"password\":\"p" + i + "\",\"cart_size\":" + (i % 9) + "}}";
		return ("{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\"}\n" + event + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
