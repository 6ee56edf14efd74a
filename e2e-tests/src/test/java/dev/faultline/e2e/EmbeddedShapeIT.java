package dev.faultline.e2e;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The acceptance scenario, the issue workflow and hostile input against the embedded
 * shape, as an operator runs it: the packaged {@code faultline.jar} on its default
 * adapters (SQLite queue and metadata, DuckDB events).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedShapeIT extends SdkAcceptanceContract {

	private StandaloneFaultline faultline;

	private final int mailPort = FreePort.find();

	@BeforeAll
	void start() {
		this.faultline = StandaloneFaultline.start(AlertsContract.environment(this.mailPort));
		System.out.printf("faultline.jar ready in %d ms%n", this.faultline.startupMillis());
	}

	@AfterAll
	void stop() {
		if (this.faultline != null) {
			this.faultline.close();
		}
	}

	@Override
	FaultlineApi api() {
		return this.faultline.api();
	}

	/**
	 * Release health from the Java, Node and Browser SDKs' sessions, on the same running
	 * shape.
	 */
	@Nested
	class ReleaseHealth extends ReleaseHealthContract {

		@Override
		FaultlineApi api() {
			return EmbeddedShapeIT.this.api();
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
			return EmbeddedShapeIT.this.api();
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
			return EmbeddedShapeIT.this.api();
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
			return EmbeddedShapeIT.this.api();
		}

	}

	/**
	 * The system status page's backlog and stores, on the same running shape.
	 */
	@Nested
	class SystemStatus extends SystemStatusContract {

		@Override
		FaultlineApi api() {
			return EmbeddedShapeIT.this.api();
		}

	}

	/**
	 * What became of every item of the recorded SDK envelopes, on the same running shape.
	 */
	@Nested
	class EnvelopeOutcomes extends EnvelopeOutcomesContract {

		@Override
		FaultlineApi api() {
			return EmbeddedShapeIT.this.api();
		}

	}

	/**
	 * Hostile strings among ordinary events, on the same running shape; dead letters are
	 * read from the metadata database beside the running process (SQLite allows it).
	 */
	@Nested
	class HostileInput extends HostileInputContract {

		@Override
		FaultlineApi api() {
			return EmbeddedShapeIT.this.api();
		}

		@Override
		String ingestUrl() {
			return EmbeddedShapeIT.this.faultline.url();
		}

		@Override
		List<String> deadLetters(long projectId) {
			return DeadLetters.read(
					"jdbc:sqlite:" + EmbeddedShapeIT.this.faultline.dataDirectory().resolve("metadata.db"), "",
					projectId);
		}

	}

	/**
	 * Organizations, invitations, roles and teams, on the same running shape.
	 */
	@Nested
	class People extends PeopleContract {

		@Override
		FaultlineApi api() {
			return EmbeddedShapeIT.this.api();
		}

	}

	/**
	 * sentry-cli's release commands, on the same running shape.
	 */
	@Nested
	class ReleasesThroughSentryCli extends SentryCliContract {

		@Override
		FaultlineApi api() {
			return EmbeddedShapeIT.this.api();
		}

	}

	/**
	 * A ProGuard-shrunk Java program's crash, retraced, on the same running shape.
	 */
	@Nested
	class ProguardRetracing extends ProguardContract {

		@Override
		FaultlineApi api() {
			return EmbeddedShapeIT.this.api();
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
			return EmbeddedShapeIT.this.api();
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
			return EmbeddedShapeIT.this.api();
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
			return EmbeddedShapeIT.this.api();
		}

		@Override
		int mailPort() {
			return EmbeddedShapeIT.this.mailPort;
		}

	}

}
