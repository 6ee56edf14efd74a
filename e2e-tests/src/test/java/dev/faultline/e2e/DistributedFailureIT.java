package dev.faultline.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.testing.chdb.ChdbHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures of the distributed shape under a steady SDK-like load: two ingest, two
 * processor and one API process (each its own JVM from its runnable jar) on a Kafka
 * broker ({@link KafkaBrokerProcess}, a JVM of its own), a PostgreSQL server of the
 * test's own ({@link PostgresServerProcess}) and ClickHouse (libchdb); PostgreSQL and
 * ClickHouse are reached through {@link TcpProxy proxies} the test takes down for
 * outages. In turn: {@code kill -9} of an ingest, a processor and the API process (each
 * started again); {@code kill -9} of the Kafka broker, started again; a ClickHouse
 * outage; a PostgreSQL outage (connections cut and refused); a PostgreSQL crash
 * (immediate stop) and restart; both processors stopped while ingest goes on (a processor
 * slower than ingest: a backlog), then started. Afterwards every envelope answered 200 is
 * stored and counted exactly once (read back in pages of the project's event list), the
 * consumer group's lag is zero and every process is healthy.
 *
 * <p>
 * Outages last {@code faultline.failure.outage} seconds (10 in the test command; run with
 * {@code -Dfaultline.failure.outage=60} for the issue's minute). Each phase prints a row
 * of the results table in docs/failure-tests.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedFailureIT {

	private static final String TOKEN = "failure-admin-token-0123456789";

	private static final String DEAD_LETTER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("faultline.failure.outage", 10));

	private static final Duration START = Duration.ofSeconds(180);

	private final Path home = Temporary.directory("faultline-failure");

	private final String database = "faultline_failure_" + UUID.randomUUID().toString().replace("-", "");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Set<String> attempted = ConcurrentHashMap.newKeySet();

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final List<String> table = new ArrayList<>();

	private KafkaBrokerProcess kafka;

	private PostgresServerProcess postgres;

	private ChdbHttpServer clickhouse;

	private TcpProxy clickhouseProxy;

	private TcpProxy postgresProxy;

	private List<ServiceProcess> ingest;

	private List<ServiceProcess> processors;

	private ServiceProcess api;

	@BeforeAll
	void start() throws SQLException {
		this.kafka = KafkaBrokerProcess.start(this.home, START);
		this.postgres = PostgresServerProcess.create();
		this.clickhouse = ChdbHttpServer.start(this.home.resolve("clickhouse"));
		this.clickhouseProxy = TcpProxy.start("127.0.0.1", this.clickhouse.port());
		this.postgresProxy = TcpProxy.start("127.0.0.1", this.postgres.port());
		execute("CREATE DATABASE " + this.database);

		int ingestA = FreePort.find();
		List<String> engines = List.of("--faultline.dead-letters.key=" + DEAD_LETTER_KEY,
				"--faultline.queue.type=kafka",
				"--faultline.queue.kafka.bootstrap-servers=" + this.kafka.bootstrapServers(),
				"--faultline.queue.kafka.partitions=4", "--faultline.metadata.type=postgres",
				"--faultline.metadata.postgres.url=jdbc:postgresql://127.0.0.1:" + this.postgresProxy.port() + "/"
						+ this.database,
				"--faultline.metadata.postgres.username=postgres", "--faultline.events.type=clickhouse",
				"--faultline.events.clickhouse.url=http://127.0.0.1:" + this.clickhouseProxy.port(),
				"--faultline.public-url=http://127.0.0.1:" + ingestA);
		List<String> apiArgs = new ArrayList<>(engines);
		apiArgs.addAll(List.of("--faultline.admin.email=admin@example.com", "--faultline.admin.password=e2e-password",
				"--faultline.admin.token=" + TOKEN));
		// All at once: the stores migrate safely side by side (Flyway's advisory lock,
		// idempotent ClickHouse scripts), and the API's first-start bootstrap is needed
		// by nothing but the test's own requests.
		this.api = new ServiceProcess("api", "api-service", FreePort.find(), apiArgs, this.home);
		this.ingest = List.of(new ServiceProcess("ingest-1", "ingest-service", ingestA, engines, this.home),
				new ServiceProcess("ingest-2", "ingest-service", FreePort.find(), engines, this.home));
		this.processors = List.of(
				new ServiceProcess("processor-1", "processor-service", FreePort.find(), engines, this.home),
				new ServiceProcess("processor-2", "processor-service", FreePort.find(), engines, this.home));
		all().forEach(ServiceProcess::start);
		all().forEach((service) -> service.awaitHealthy(START));
	}

	@AfterAll
	void stop() {
		if (this.api != null) {
			all().forEach(ServiceProcess::close);
		}
		if (this.postgresProxy != null) {
			this.postgresProxy.close();
		}
		if (this.clickhouseProxy != null) {
			this.clickhouseProxy.close();
		}
		if (this.clickhouse != null) {
			this.clickhouse.close();
		}
		if (this.kafka != null) {
			this.kafka.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		System.out.println("| phase | acknowledged during it |\n|---|---|\n" + String.join("\n", this.table));
	}

	@Test
	void everyAcknowledgedEnvelopeIsStoredOnceThroughKillsAndOutages() throws Exception {
		FaultlineApi admin = new FaultlineApi(this.api.url(), TOKEN);
		FaultlineApi.Project project = admin.createProject("faultline", "faultline", "Failures", "java");
		AtomicBoolean sending = new AtomicBoolean(true);
		AtomicInteger next = new AtomicInteger();
		Thread sender = new Thread(() -> {
			while (sending.get()) {
				send(project, next.getAndIncrement());
			}
		}, "failure-load");
		sender.start();
		try {
			phase("steady load", () -> {
			});
			phase("kill -9 ingest-1, restarted", () -> restart(this.ingest.get(0)));
			phase("kill -9 processor-1, restarted", () -> restart(this.processors.get(0)));
			phase("kill -9 api, restarted", () -> restart(this.api));
			// A service opens its stores at start and exits when it cannot: the restarted
			// ones are up before the stores go away.
			all().forEach((service) -> service.awaitHealthy(START));
			phase("kill -9 Kafka broker, restarted", () -> {
				this.kafka.kill();
				this.kafka.start();
				this.kafka.awaitReady(START);
			});
			phase("ClickHouse unreachable " + OUTAGE.toSeconds() + " s", () -> outage(this.clickhouseProxy));
			phase("PostgreSQL unreachable " + OUTAGE.toSeconds() + " s", () -> outage(this.postgresProxy));
			phase("PostgreSQL crashed (immediate stop), restarted", () -> {
				this.postgres.crash();
				this.postgres.start();
			});
			phase("both processors down " + OUTAGE.toSeconds() + " s (backlog), restarted", () -> {
				this.processors.forEach(ServiceProcess::kill);
				pause(OUTAGE);
				this.processors.forEach(ServiceProcess::start);
			});
		}
		finally {
			sending.set(false);
			sender.join();
		}

		all().forEach((service) -> service.awaitHealthy(START));
		FaultlineApi api = new FaultlineApi(this.api.url(), TOKEN);
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			JsonNode status = api.get("/api/0/internal/system/status/?refresh=1");
			return status.path("queue").path("error").isNull() && status.path("queue").path("lag").asLong() == 0;
		});
		List<String> listed = new ArrayList<>();
		Set<String> lost = new HashSet<>();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			listed.clear();
			listed.addAll(api.eventIds("faultline", project.slug()));
			lost.clear();
			lost.addAll(this.acknowledged);
			lost.removeAll(listed);
			assertThat(lost).as("acknowledged envelopes not stored").isEmpty();
		});
		Set<String> stored = new HashSet<>(listed);
		long counted = api.issues("faultline", project.slug(), "")
			.stream()
			.mapToLong((issue) -> Long.parseLong(issue.get("count").asString()))
			.sum();
		this.table.add(String.format(
				"| **total** | %d acknowledged of %d sent; %d stored (listed %d), counted %d: %d lost, %d duplicated |",
				this.acknowledged.size(), this.attempted.size(), stored.size(), listed.size(), counted, lost.size(),
				listed.size() - stored.size()));
		assertThat(stored).as("only what was sent is stored").isSubsetOf(this.attempted);
		assertThat(listed).as("every stored event listed once").hasSameSizeAs(stored);
		assertThat(counted).as("every stored event counted once").isEqualTo(stored.size());
		assertThat(all()).as("healthy again").allMatch(ServiceProcess::healthy);
	}

	/**
	 * The soak ({@code -Dfaultline.failure.soak=30m}, not in the test command): the same
	 * load for the given time, sampling every process's RSS and open file descriptors
	 * each minute; after the first sample (warmed up) neither may keep growing: the last
	 * sample stays within 1.5x the warm RSS and 64 descriptors of the warm count.
	 */
	@Test
	@EnabledIfSystemProperty(named = "faultline.failure.soak", matches = ".+")
	void soakKeepsMemoryAndDescriptorsFlat() throws Exception {
		Duration soak = Duration.parse("PT" + System.getProperty("faultline.failure.soak").toUpperCase());
		FaultlineApi admin = new FaultlineApi(this.api.url(), TOKEN);
		FaultlineApi.Project project = admin.createProject("faultline", "faultline", "Soak", "java");
		AtomicBoolean sending = new AtomicBoolean(true);
		AtomicInteger next = new AtomicInteger();
		Thread sender = new Thread(() -> {
			while (sending.get()) {
				send(project, next.getAndIncrement());
			}
		}, "soak-load");
		sender.start();
		Map<String, long[]> warm = new LinkedHashMap<>();
		Map<String, long[]> last = new LinkedHashMap<>();
		StringBuilder samples = new StringBuilder("| minute | process | RSS (MB) | fds |\n|---|---|---|---|\n");
		try {
			long minutes = Math.max(2, soak.toMinutes());
			for (long minute = 0; minute <= minutes; minute++) {
				for (ServiceProcess service : all()) {
					long[] sample = service.residentKbAndFds();
					if (minute == 1) {
						warm.put(service.name(), sample);
					}
					last.put(service.name(), sample);
					samples.append(String.format("| %d | %s | %d | %d |%n", minute, service.name(), sample[0] / 1024,
							sample[1]));
				}
				if (minute < minutes) {
					pause(Duration.ofMinutes(1));
				}
			}
		}
		finally {
			sending.set(false);
			sender.join();
			System.out.println(samples);
		}
		System.out.printf("soak: %d envelopes acknowledged of %d sent%n", this.acknowledged.size(),
				this.attempted.size());
		for (Map.Entry<String, long[]> entry : warm.entrySet()) {
			long[] end = last.get(entry.getKey());
			assertThat(end[0]).as("RSS of %s (kB)", entry.getKey()).isLessThanOrEqualTo(entry.getValue()[0] * 3 / 2);
			assertThat(end[1]).as("open fds of %s", entry.getKey()).isLessThanOrEqualTo(entry.getValue()[1] + 64);
		}
	}

	private List<ServiceProcess> all() {
		List<ServiceProcess> all = new ArrayList<>();
		all.add(this.api);
		all.addAll(this.ingest);
		all.addAll(this.processors);
		return all;
	}

	/** Runs a failure while the load goes on, then waits for 30 more acknowledgements. */
	private void phase(String name, Runnable failure) {
		int before = this.acknowledged.size();
		failure.run();
		int after = this.acknowledged.size();
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.acknowledged.size() >= after + 30);
		this.table.add("| " + name + " | " + (this.acknowledged.size() - before) + " |");
	}

	/**
	 * Kills and starts again without waiting for it: the next failure runs while it boots
	 * (the other replica carries the load), and every process must be healthy at the end.
	 */
	private void restart(ServiceProcess service) {
		service.kill();
		service.start();
	}

	private static void outage(TcpProxy proxy) {
		proxy.down();
		pause(OUTAGE);
		proxy.up();
	}

	/**
	 * Holds a failure for its duration while the load goes on (not a synchronization).
	 */
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Sends one envelope to an ingest process (alternating; the other one when the first
	 * refuses), as an SDK does; paced to a steady load.
	 */
	private void send(FaultlineApi.Project project, int n) {
		String eventId = UUID.randomUUID().toString().replace("-", "");
		String key = project.dsn().substring("http://".length(), project.dsn().indexOf('@'));
		String envelope = "{\"event_id\":\"" + eventId + "\"}\n{\"type\":\"event\"}\n{\"event_id\":\"" + eventId
				+ "\",\"platform\":\"java\",\"level\":\"error\",\"message\":\"failure test\"}\n";
		for (int attempt = 0; attempt < 2; attempt++) {
			ServiceProcess target = this.ingest.get((n + attempt) % this.ingest.size());
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(target.url() + "/api/" + project.id() + "/envelope/?sentry_key=" + key))
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
				.build();
			this.attempted.add(eventId);
			try {
				if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					this.acknowledged.add(eventId);
					break;
				}
			}
			catch (IOException ex) {
				// Refused or cut: try the other replica, as a load balancer would.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		pause(Duration.ofMillis(50));
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://127.0.0.1:" + this.postgres.port() + "/postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
