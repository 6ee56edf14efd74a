package dev.faultline.processor;

import dev.faultline.processor.pipeline.EnvelopePipeline;
import dev.faultline.processor.pipeline.ItemOutcomes;
import dev.faultline.processor.pipeline.ProcessorLoop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An outage of the event store under load: the real DuckDB store, behind a fault
 * injector, refuses every call for {@code faultline.it.outage.seconds} (5 by default; 30
 * for the issue's full scenario) while envelopes keep arriving. The processor reports
 * itself unhealthy, backs off without committing, and once the store is back stores the
 * whole backlog exactly once.
 */
class EventStoreOutageIT {

	private static final int OUTAGE_SECONDS = Integer.getInteger("faultline.it.outage.seconds", 5);

	@TempDir
	Path dir;

	@Test
	void backlogSurvivesAnOutageAndIsStoredExactlyOnce() {
		try (EmbeddedEngines engines = EmbeddedEngines.open(this.dir)) {
			SqliteMetadataStores metadata = engines.metadata();
			DuckDbEventStore duckdb = engines.events();
			Project project = engines.project();
			EventStoreFaults faults = EventStoreFaults.around(duckdb);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			EnvelopePipeline pipeline = TestPipelines.embedded(metadata, faults.store()).pipeline();
			ProcessorLoop loop = engines.loop(pipeline, meters);
			loop.start();
			int published = 0;
			try {
				for (; published < 200; published++) {
					engines.publish(published);
				}
				await().atMost(Duration.ofSeconds(60))
					.until(() -> duckdb.find(project.id(), LoadEnvelopes.eventId(199)).isPresent());

				faults.down(true);
				long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(OUTAGE_SECONDS);
				while (System.nanoTime() < end) {
					engines.publish(published++);
					// a steady trickle of traffic while the store is down
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> !loop.isHealthy());
				assertThat(faults.failedCalls()).isPositive();
				faults.down(false);

				String last = LoadEnvelopes.eventId(published - 1);
				await().atMost(Duration.ofSeconds(120)).until(() -> duckdb.find(project.id(), last).isPresent());
				await().atMost(Duration.ofSeconds(30)).until(loop::isHealthy);
			}
			finally {
				loop.stop();
			}
			System.out.printf("event store down for %d s: %d failed store calls, %d events in total%n", OUTAGE_SECONDS,
					faults.failedCalls(), published);
			assertThat(meters.find(ItemOutcomes.STORE_FAILURES).counter().count()).isPositive();

			List<Issue> issues = metadata.issues()
				.list(project.id(), new IssueQuery(List.of(), IssueSort.DATE, 0, 100));
			assertThat(issues.stream().mapToLong(Issue::timesSeen).sum()).isEqualTo(published);
			Set<String> ids = new HashSet<>();
			long rows = 0;
			for (Issue issue : issues) {
				List<StoredEvent> stored = new ArrayList<>();
				for (int offset = 0;; offset += 1000) {
					List<StoredEvent> page = duckdb.listByIssue(project.id(), issue.id(), offset, 1000);
					stored.addAll(page);
					if (page.size() < 1000) {
						break;
					}
				}
				assertThat(stored).hasSize((int) issue.timesSeen());
				rows += stored.size();
				stored.forEach((event) -> ids.add(event.eventId()));
			}
			assertThat(rows).isEqualTo(published);
			assertThat(ids).hasSize(published);
		}
	}

}
