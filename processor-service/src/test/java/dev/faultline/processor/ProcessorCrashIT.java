package dev.faultline.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.faultline.queue.embedded.SqliteEnvelopeQueue;
import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.queue.QueuedEnvelope;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of the processor mid-load: N envelopes are in the durable queue (what
 * ingest has acknowledged with 200), the processor service runs as a separate JVM on the
 * embedded adapters, is killed with SIGKILL once its first batch is stored, and is
 * started again. Afterwards every event is stored exactly once and the issue counters are
 * exact.
 */
class ProcessorCrashIT {

	private static final int EVENTS = Integer.getInteger("faultline.it.crash.events", 3000);

	@TempDir
	Path dataDir;

	@Test
	void everyQueuedEventIsStoredExactlyOnceAcrossAKill() throws Exception {
		long started = System.nanoTime();
		long projectId;
		try (SqliteMetadataStores metadata = SqliteMetadataStores.open(this.dataDir.resolve("metadata.db"));
				SqliteEnvelopeQueue queue = new SqliteEnvelopeQueue(this.dataDir.resolve("queue.db"), 1_000_000)) {
			Organization organization = metadata.organizations().create("acme", "Acme");
			Team team = metadata.organizations().createTeam(organization.id(), "core", "Core");
			Project project = metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
			projectId = project.id();
			// Concurrent publishers, as ingest's request threads are: the queue commits
			// them in groups.
			ExecutorService publishers = Executors.newFixedThreadPool(16);
			try {
				List<Future<?>> published = new ArrayList<>();
				for (int i = 0; i < EVENTS - 1; i++) {
					int n = i;
					published.add(publishers.submit(() -> queue.publish(new QueuedEnvelope(project.id(), "publickey",
							Samples.RECEIVED, "203.0.113.7", "test", LoadEnvelopes.body(n)))));
					if (published.size() == 64 || i == EVENTS - 2) {
						for (Future<?> future : published) {
							future.get();
						}
						published.clear();
					}
				}
			}
			finally {
				publishers.shutdown();
			}
			// The sentinel goes last on its own: once it is stored, so is everything
			// before it.
			queue.publish(new QueuedEnvelope(projectId, "publickey", Samples.RECEIVED, "203.0.113.7", "test",
					LoadEnvelopes.body(EVENTS - 1)));
		}
		String sentinel = LoadEnvelopes.eventId(EVENTS - 1);
		System.out.printf("published %d envelopes in %d ms%n", EVENTS, millisSince(started));
		started = System.nanoTime();

		Child first = Child.start(this.dataDir, projectId, sentinel);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> first.accepted() >= EVENTS / 6 || !first.process.isAlive());
		assertThat(first.process.isAlive()).as("still processing when killed").isTrue();
		first.process.destroyForcibly(); // SIGKILL
		assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		long acceptedBeforeKill = first.accepted();
		System.out.printf("processor killed (SIGKILL) after %d of %d events were reported stored%n", acceptedBeforeKill,
				EVENTS);
		assertThat(acceptedBeforeKill).isLessThan(EVENTS);

		System.out.printf("first processor ran %d ms%n", millisSince(started));
		started = System.nanoTime();
		Child second = Child.start(this.dataDir, projectId, sentinel);
		assertThat(second.process.waitFor(3, TimeUnit.MINUTES)).as("restarted processor drained the queue").isTrue();
		System.out.printf("restarted processor drained the rest in %d ms (JVM and Spring start included)%n",
				millisSince(started));
		assertThat(second.process.exitValue()).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> second.drained);

		try (SqliteMetadataStores metadata = SqliteMetadataStores.open(this.dataDir.resolve("metadata.db"));
				DuckDbEventStore events = DuckDbEventStore.open(this.dataDir.resolve("events.duckdb"))) {
			List<Issue> issues = metadata.issues().list(projectId, new IssueQuery(List.of(), IssueSort.DATE, 0, 100));
			assertThat(issues).hasSize(LoadEnvelopes.GROUPS);
			assertThat(issues.stream().mapToLong(Issue::timesSeen).sum()).isEqualTo(EVENTS);
			Set<String> ids = new HashSet<>();
			long rows = 0;
			for (Issue issue : issues) {
				List<StoredEvent> stored = new ArrayList<>();
				for (int offset = 0;; offset += 1000) {
					List<StoredEvent> page = events.listByIssue(projectId, issue.id(), offset, 1000);
					stored.addAll(page);
					if (page.size() < 1000) {
						break;
					}
				}
				assertThat(stored).hasSize((int) issue.timesSeen());
				rows += stored.size();
				stored.forEach((event) -> ids.add(event.eventId()));
				// users cycle through 100 ids; 7 and 100 are coprime, so every group
				// meets
				// every user
				assertThat(issue.userCount()).isEqualTo(100);
			}
			assertThat(rows).isEqualTo(EVENTS);
			assertThat(ids).hasSize(EVENTS);
			for (int i = 0; i < EVENTS; i += 997) {
				assertThat(events.find(projectId, LoadEnvelopes.eventId(i))).isPresent();
			}
		}
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

	/**
	 * A processor JVM and what it printed.
	 */
	private static final class Child {

		private final Process process;

		private final AtomicLong accepted = new AtomicLong();

		private volatile boolean drained;

		private Child(Process process) {
			this.process = process;
			Thread reader = new Thread(this::read, "processor-child-output");
			reader.setDaemon(true);
			reader.start();
		}

		static Child start(Path dataDir, long projectId, String sentinel) throws IOException {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
					ProcessorChild.class.getName(), dataDir.toString(), Long.toString(projectId), sentinel);
			builder.redirectErrorStream(true);
			return new Child(builder.start());
		}

		long accepted() {
			return this.accepted.get();
		}

		private void read() {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("accepted ")) {
						this.accepted.set(Long.parseLong(line.substring("accepted ".length()).trim()));
					}
					else if (line.equals("drained")) {
						this.drained = true;
					}
					else {
						System.out.println("[processor] " + line);
					}
				}
			}
			catch (IOException ex) {
				// the process died; what it printed so far is all there is
			}
		}

	}

}
