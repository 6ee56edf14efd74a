package dev.faultline.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.faultline.storage.metadata.KeyRateLimit;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.OutcomeCount;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import io.sentry.CheckIn;
import io.sentry.CheckInStatus;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official Java and Node SDKs stop sending a category once Faultline's own per-key
 * rate limiter answered {@code 429}: with a key that allows one error per day, the second
 * error is refused (ingest counts it {@code rate_limited}), the SDKs drop the next errors
 * themselves and say so in their client reports, which ingest records as
 * {@code client_discard} / {@code ratelimit_backoff}, read back from the outcome store
 * and through {@code stats_v2}. Runs the packaged embedded shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitBackoffIT {

	private static final int DROPPED_BY_SDK = 3;

	private StandaloneFaultline faultline;

	private MetadataStores metadata;

	@BeforeAll
	void start() {
		this.faultline = StandaloneFaultline.start();
		// A second handle on the running instance's SQLite file: WAL and busy_timeout let
		// it read and write beside the server.
		this.metadata = SqliteMetadataStores.open(this.faultline.dataDirectory().resolve("metadata.db"));
	}

	@AfterAll
	void stop() {
		if (this.metadata != null) {
			this.metadata.close();
		}
		if (this.faultline != null) {
			this.faultline.close();
		}
	}

	@Test
	void javaSdkBacksOffAfterA429AndReportsWhatItDropped() {
		String dsn = limitedProjectDsn("Java Backoff", "java");
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.setEnableUncaughtExceptionHandler(false);
			options.setSendClientReports(true);
		});
		try {
			Sentry.captureException(new IllegalStateException("accepted error"));
			Sentry.flush(10_000);
			Sentry.captureException(new IllegalStateException("refused error"));
			Sentry.flush(10_000);
			for (int i = 0; i < DROPPED_BY_SDK; i++) {
				Sentry.captureException(new IllegalStateException("dropped by the SDK " + i));
			}
			Sentry.flush(10_000);
			// The Java SDK attaches its client report to the next envelope it sends: a
			// check-in, whose category (monitor) is not limited.
			Sentry.captureCheckIn(new CheckIn("backoff-monitor", CheckInStatus.OK));
			Sentry.flush(10_000);
		}
		finally {
			Sentry.close();
		}

		assertOutcomes(projectId(dsn));
	}

	@Test
	void nodeSdkBacksOffAfterA429AndReportsWhatItDropped() throws IOException, InterruptedException {
		String dsn = limitedProjectDsn("Node Backoff", "node");

		runNode("src/test/node/ratelimit.cjs", dsn);

		assertOutcomes(projectId(dsn));
	}

	private String limitedProjectDsn(String name, String platform) {
		String dsn = this.faultline.api().createProjectDsn("faultline", "faultline", name, platform);
		// Set before the key's first request, so ingest's key cache reads it at once.
		assertThat(this.metadata.projects()
			.setKeyRateLimit(projectId(dsn), publicKey(dsn), new KeyRateLimit(1, Duration.ofDays(1)))).isTrue();
		return dsn;
	}

	private void assertOutcomes(long projectId) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
			List<OutcomeCount> counts = this.metadata.outcomes()
				.query(List.of(projectId), hour.minus(Duration.ofHours(1)), hour.plus(Duration.ofHours(1)));
			assertThat(sum(counts, "rate_limited", "key_quota")).as("refused by ingest: %s", counts).isEqualTo(1);
			assertThat(sum(counts, "client_discard", "ratelimit_backoff")).as("dropped by the SDK: %s", counts)
				.isGreaterThanOrEqualTo(DROPPED_BY_SDK);
		});
		// The same counts through Sentry's stats API.
		JsonNode stats = this.faultline.api()
			.get("/api/0/organizations/faultline/stats_v2/?field=sum(quantity)&groupBy=outcome&groupBy=category"
					+ "&groupBy=reason&interval=1h&statsPeriod=24h&project=" + projectId);
		assertThat(stats.get("intervals").size()).isEqualTo(24);
		assertThat(total(stats, "rate_limited", "key_quota")).isEqualTo(1);
		assertThat(total(stats, "client_discard", "ratelimit_backoff")).isGreaterThanOrEqualTo(DROPPED_BY_SDK);
	}

	private static long total(JsonNode stats, String outcome, String reason) {
		long total = 0;
		for (JsonNode group : stats.get("groups")) {
			JsonNode by = group.get("by");
			if (by.get("outcome").asString().equals(outcome) && by.get("reason").asString().equals(reason)
					&& by.get("category").asString().equals("error")) {
				total += group.get("totals").get("sum(quantity)").asLong();
			}
		}
		return total;
	}

	private static long sum(List<OutcomeCount> counts, String outcome, String reason) {
		return counts.stream()
			.filter((c) -> c.category().equals("error") && c.outcome().equals(outcome) && c.reason().equals(reason))
			.mapToLong(OutcomeCount::quantity)
			.sum();
	}

	private static long projectId(String dsn) {
		String path = URI.create(dsn).getPath();
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}

	private static String publicKey(String dsn) {
		return URI.create(dsn).getUserInfo().split(":")[0];
	}

	private static void runNode(String script, String dsn) throws IOException, InterruptedException {
		Path modules = Path.of(System.getProperty("faultline.tools.dir", "../tools"))
			.toAbsolutePath()
			.resolve("node_modules");
		Path log = Files.createTempFile("node-ratelimit", ".log");
		ProcessBuilder builder = new ProcessBuilder("node", script).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("NODE_PATH", modules.toString());
		builder.environment().put("FAULTLINE_DSN", dsn);
		Process process = builder.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the Node scenario did not finish: " + Files.readString(log));
		}
		assertThat(process.exitValue()).as(Files.readString(log)).isZero();
	}

}
