package dev.faultline.bench.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.faultline.storage.clickhouse.ClickHouseEventStore;
import dev.faultline.storage.clickhouse.ClickHouseSettings;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.postgres.PostgresMetadataStores;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * Issue list latency with search filters (issue 6: p95 below 150 ms embedded, below 100
 * ms distributed, on 1,000,000 events and 10,000 issues).
 *
 * <p>
 * Per shape, one project is seeded through the ports ({@link Seeder}), then each
 * {@link SearchCase} runs the two calls the Web API's issue list makes — the event
 * store's {@code findIssueIds} (limit 10,000, as the API) for the event terms, then
 * {@code listForProjects} for a page of 25 with the issue criteria and the found ids — 20
 * times to warm up and {@code iterations} times measured, one after another on one
 * thread. Prints p50/p95/p99 of the pair and the p95 of each half.
 *
 * <p>
 * Shapes: {@code embedded} (SQLite metadata, DuckDB events, in a temporary directory) and
 * {@code distributed} (PostgreSQL on 127.0.0.1:5432 as {@code postgres} in a fresh
 * database, dropped afterwards; ClickHouse through the libchdb test server).
 *
 * <p>
 * Usage: {@code bash bench/issue-search/run.sh [embedded|distributed|both] [events]
 * [issues] [iterations]}.
 */
public final class IssueSearchBench {

	private static final int WARMUP = 20;

	/** Issue ids taken from the event store at most, as the Web API does. */
	private static final int EVENT_MATCH_LIMIT = 10_000;

	private static final int PAGE = 25;

	private static final int BATCH = 10_000;

	private IssueSearchBench() {
	}

	public static void main(String[] args) throws Exception {
		String shape = (args.length > 0) ? args[0] : "both";
		long events = (args.length > 1) ? Long.parseLong(args[1]) : 1_000_000;
		int issues = (args.length > 2) ? Integer.parseInt(args[2]) : 10_000;
		int iterations = (args.length > 3) ? Integer.parseInt(args[3]) : 200;
		System.out.printf("issue search: %,d events, %,d issues, %d iterations per search, %d cores, max heap %d MB%n",
				events, issues, iterations, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		if (shape.equals("embedded") || shape.equals("both")) {
			Path dir = Files.createTempDirectory("faultline-bench-");
			try (MetadataStores metadata = SqliteMetadataStores.open(dir.resolve("metadata.db"));
					EventStore store = DuckDbEventStore.open(dir.resolve("events.duckdb"))) {
				run("embedded (SQLite + DuckDB)", metadata, store, 1, events, issues, iterations, () -> {
				});
			}
		}
		if (shape.equals("distributed") || shape.equals("both")) {
			String database = "faultline_bench_" + UUID.randomUUID().toString().replace("-", "");
			execute("jdbc:postgresql://127.0.0.1:5432/postgres", "CREATE DATABASE " + database);
			// Seeding commits tens of thousands of small transactions; not waiting for
			// each WAL flush makes it several times faster and changes nothing for reads.
			execute("jdbc:postgresql://127.0.0.1:5432/postgres",
					"ALTER DATABASE " + database + " SET synchronous_commit = off");
			try (MetadataStores metadata = PostgresMetadataStores.open("jdbc:postgresql://127.0.0.1:5432/" + database,
					"postgres", "");
					EventStore store = ClickHouseEventStore
						.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database))) {
				// Every counted event updates indexed counters of its issue (never a HOT
				// update): a million of them in minutes leave ~900,000 dead index entries
				// that autovacuum has not reached yet, and sort=user read them all (190
				// ms).
				// The steady state autovacuum keeps is what is measured.
				run("distributed (PostgreSQL + ClickHouse/libchdb)", metadata, store, 4, events, issues, iterations,
						() -> execute("jdbc:postgresql://127.0.0.1:5432/" + database, "VACUUM ANALYZE"));
			}
			finally {
				execute("jdbc:postgresql://127.0.0.1:5432/postgres",
						"DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
		System.exit(0);
	}

	/**
	 * Seeds, lets the database settle ({@code settle}: what its background maintenance
	 * would do before anyone searches), then measures every search.
	 */
	private static void run(String label, MetadataStores metadata, EventStore store, int metadataWorkers, long events,
			int issues, int iterations, SqlStep settle) throws InterruptedException, SQLException {
		System.out.printf("%s: seeding%n", label);
		Organization organization = metadata.organizations().create("bench", "Bench");
		Team team = metadata.organizations().createTeam(organization.id(), "bench", "Bench");
		Project project = metadata.projects().create(organization.id(), team.id(), "bench", "Bench", "javascript");
		Instant now = Instant.now();
		long start = System.nanoTime();
		new Seeder(metadata.issues(), store, project.id(), metadataWorkers).seed(issues, events, BATCH, now);
		System.out.printf("  seeded in %.1f s%n", Seeder.seconds(start));
		settle.run();
		System.out.printf("%s: %-84s %8s %8s %8s %8s | %9s %9s%n", label, "search", "matched", "p50 ms", "p95 ms",
				"p99 ms", "events95", "issues95");
		for (SearchCase search : SearchCase.all()) {
			measure(label, metadata, store, List.of(project.id()), search, iterations, now);
		}
	}

	private static void measure(String label, MetadataStores metadata, EventStore store, List<Long> projectIds,
			SearchCase search, int iterations, Instant now) {
		Latencies total = new Latencies(iterations);
		Latencies eventPart = new Latencies(iterations);
		Latencies issuePart = new Latencies(iterations);
		int matched = 0;
		for (int i = 0; i < WARMUP + iterations; i++) {
			long start = System.nanoTime();
			List<IssueCriterion> criteria = new ArrayList<>(search.criteria());
			int found = -1;
			if (search.eventQuery() != null) {
				List<Long> ids = store.findIssueIds(projectIds, new EventSearch(search.eventQuery(), now),
						EVENT_MATCH_LIMIT);
				found = ids.size();
				criteria.add(new IssueCriterion.IdIn(Set.copyOf(ids)));
			}
			long middle = System.nanoTime();
			List<Issue> page = (found == 0) ? List.of()
					: metadata.issues().listForProjects(projectIds, new IssueQuery(criteria, search.sort(), 0, PAGE));
			long end = System.nanoTime();
			if (i >= WARMUP) {
				total.add(end - start);
				eventPart.add(middle - start);
				issuePart.add(end - middle);
			}
			matched = (found >= 0) ? found : page.size();
		}
		System.out.printf("%s: %-84s %8s %8.1f %8.1f %8.1f | %9.1f %9.1f%n", label, search.query(),
				(search.eventQuery() != null) ? matched + " ids" : matched + " rows", total.percentileMillis(50),
				total.percentileMillis(95), total.percentileMillis(99), eventPart.percentileMillis(95),
				issuePart.percentileMillis(95));
	}

	@FunctionalInterface
	private interface SqlStep {

		void run() throws SQLException;

	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
