package dev.faultline.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.ingest.IngestServiceApplication;
import dev.faultline.processor.ProcessorServiceApplication;
import dev.faultline.testing.chdb.ChdbHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The acceptance scenario and the issue workflow against the distributed shape:
 * ingest-service, processor-service and api-service as three separate applications that
 * share nothing but real engines — a KRaft Kafka broker, the machine's PostgreSQL (a
 * fresh database) and ClickHouse (libchdb behind its HTTP protocol, spoken to by the
 * official client exactly as in production).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributedShapeIT extends SdkAcceptanceContract {

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	private String ingestUrl;

	private static final String ALERTS_KEY = "YWxlcnRzLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ=";

	private final int mailPort = FreePort.find();

	private static final String DEAD_LETTER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	private final Path clickhouseDir = Temporary.directory("faultline-e2e");

	private final String database = "faultline_e2e_" + UUID.randomUUID().toString().replace("-", "");

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	private EmbeddedKafkaKraftBroker kafka;

	private ChdbHttpServer clickhouse;

	private FaultlineApi api;

	@BeforeAll
	void start() throws SQLException {
		this.kafka = new EmbeddedKafkaKraftBroker(1, 4);
		this.kafka.afterPropertiesSet();
		this.clickhouse = ChdbHttpServer.start(this.clickhouseDir);
		execute("CREATE DATABASE " + this.database);

		int ingestPort = FreePort.find();
		int apiPort = FreePort.find();
		String ingestUrl = "http://127.0.0.1:" + ingestPort;
		// One dead-letter key for the processor that seals and the API that opens.
		List<String> engines = List.of("--faultline.dead-letters.key=" + DEAD_LETTER_KEY,
				"--faultline.queue.type=kafka",
				"--faultline.queue.kafka.bootstrap-servers=" + this.kafka.getBrokersAsString(),
				"--faultline.metadata.type=postgres", "--faultline.metadata.postgres.url=" + POSTGRES + this.database,
				"--faultline.metadata.postgres.username=postgres", "--faultline.events.type=clickhouse",
				"--faultline.events.clickhouse.url=" + this.clickhouse.endpoint(),
				"--faultline.public-url=" + ingestUrl, "--faultline.alerts.encryption-key=" + ALERTS_KEY);
		engines = new ArrayList<>(engines);
		engines.addAll(AlertsContract.arguments(this.mailPort));

		// The API bootstraps the organization and admin; ingest and processing need no
		// order.
		// Organization tokens name the API's own address: here ingest and the API have
		// one each, where a deployment puts both behind one public URL.
		start(ApiServiceApplication.class, engines, "--server.port=" + apiPort,
				"--faultline.tokens.url=http://127.0.0.1:" + apiPort, "--faultline.admin.email=admin@example.com",
				"--faultline.admin.password=e2e-password", "--faultline.admin.token=" + TOKEN);
		start(IngestServiceApplication.class, engines, "--server.port=" + ingestPort);
		start(ProcessorServiceApplication.class, engines, "--server.port=0");
		this.api = new FaultlineApi("http://127.0.0.1:" + apiPort, TOKEN);
		this.ingestUrl = ingestUrl;
	}

	@AfterAll
	void stop() throws SQLException {
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).close();
		}
		if (this.clickhouse != null) {
			this.clickhouse.close();
		}
		if (this.kafka != null) {
			this.kafka.destroy();
		}
		execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
	}

	@Override
	FaultlineApi api() {
		return this.api;
	}

	private void start(Class<?> application, List<String> engines, String... own) {
		List<String> args = new ArrayList<>(engines);
		args.addAll(List.of(own));
		this.services.add(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Release health from the Java, Node and Browser SDKs' sessions, on the same running
	 * shape.
	 */
	@Nested
	class ReleaseHealth extends ReleaseHealthContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * Tracing with the Java and Node SDKs, read back through the trace endpoint, on the
	 * same running shape.
	 */
	@Nested
	class Tracing extends TracingContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * The issue workflow on the same running shape: starting it once serves both
	 * contracts.
	 */
	@Nested
	class IssueWorkflow extends IssueWorkflowContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * Inbound filters set through the Web API, applied to the Java SDK's events, on the
	 * same running shape.
	 */
	@Nested
	class InboundFilters extends InboundFiltersContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * The system status page's backlog and stores, on the same running shape.
	 */
	@Nested
	class SystemStatus extends SystemStatusContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * What became of every item of the recorded SDK envelopes, on the same running shape.
	 */
	@Nested
	class EnvelopeOutcomes extends EnvelopeOutcomesContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * Hostile strings among ordinary events, through ingest, Kafka and the processor;
	 * dead letters are read from the PostgreSQL metadata database.
	 */
	@Nested
	class HostileInput extends HostileInputContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

		@Override
		String ingestUrl() {
			return DistributedShapeIT.this.ingestUrl;
		}

		@Override
		List<String> deadLetters(long projectId) {
			return DeadLetters.read(POSTGRES + DistributedShapeIT.this.database, "postgres", projectId);
		}

	}

	/**
	 * Organizations, invitations, roles and teams, on the same running shape.
	 */
	@Nested
	class People extends PeopleContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * sentry-cli's release commands, on the same running shape.
	 */
	@Nested
	class ReleasesThroughSentryCli extends SentryCliContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * A ProGuard-shrunk Java program's crash, retraced, on the same running shape.
	 */
	@Nested
	class ProguardRetracing extends ProguardContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * Performance issues from a real program traced by the Node SDK, on the same running
	 * shape.
	 */
	@Nested
	class PerformanceIssues extends PerformanceIssueContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * The performance table's numbers for SDK-sent transactions, on the same running
	 * shape.
	 */
	@Nested
	class PerformanceQueries extends PerformanceQueryContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

	}

	/**
	 * Issue and metric alerts with their webhook and mail deliveries, on the same running
	 * shape.
	 */
	@Nested
	class Alerts extends AlertsContract {

		@Override
		FaultlineApi api() {
			return DistributedShapeIT.this.api();
		}

		@Override
		int mailPort() {
			return DistributedShapeIT.this.mailPort;
		}

	}

}
