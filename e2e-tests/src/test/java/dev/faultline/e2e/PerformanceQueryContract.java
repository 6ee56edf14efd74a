package dev.faultline.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.faultline.e2e.FaultlineApi.Project;
import io.sentry.ITransaction;
import io.sentry.MeasurementUnit;
import io.sentry.Sentry;
import io.sentry.SentryInstantDate;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The performance table's numbers for transactions the official {@code io.sentry:sentry}
 * SDK sent, read back through Discover ({@code events/?dataset=transactions}) and
 * compared with the values computed here from what was sent: percentiles (exact,
 * interpolated as the query model defines them), failure rate, Apdex, and a web vital
 * with its unit. Subclasses expose a running Faultline of one shape.
 */
abstract class PerformanceQueryContract {

	private static final String ORGANIZATION = IssueWorkflowContract.ORGANIZATION;

	private static final int TRANSACTIONS = 20;

	abstract FaultlineApi api();

	@Test
	void percentilesFailureRateApdexAndAVitalReadBackAsComputedFromWhatWasSent() {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Reports", "java");
		List<Double> durations = new ArrayList<>();
		int failures = 0;
		Sentry.init((options) -> {
			options.setDsn(project.dsn());
			options.setRelease("reports@1.0.0");
			options.setTracesSampleRate(1.0);
			options.setEnableUncaughtExceptionHandler(false);
		});
		try {
			Instant base = Instant.now().minusSeconds(300);
			for (int i = 0; i < TRANSACTIONS; i++) {
				double millis = 50.0 * (i + 1);
				boolean failed = i % 5 == 0;
				Instant start = base.plusSeconds(i);
				TransactionOptions options = new TransactionOptions();
				options.setStartTimestamp(new SentryInstantDate(start));
				ITransaction transaction = Sentry.startTransaction(new TransactionContext("GET /report", "http.server"),
						options);
				transaction.setMeasurement("lcp", 1000 + 100 * i, MeasurementUnit.Duration.MILLISECOND);
				transaction.finish(failed ? SpanStatus.INTERNAL_ERROR : SpanStatus.OK,
						new SentryInstantDate(start.plusMillis((long) millis)));
				durations.add(millis);
				failures += failed ? 1 : 0;
			}
			Sentry.flush(20_000);
		}
		finally {
			Sentry.close();
		}

		String query = "/api/0/organizations/" + ORGANIZATION + "/events/?dataset=transactions&statsPeriod=1h&project="
				+ project.id() + fields("transaction", "count()", "p50(transaction.duration)",
						"p95(transaction.duration)", "failure_rate()", "apdex(300)", "p75(measurements.lcp)");
		JsonNode answer = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> api().get(query), (body) -> body.get("data").size() == 1
					&& body.get("data").get(0).get("count()").asLong() == TRANSACTIONS);
		JsonNode row = answer.get("data").get(0);
		assertThat(row.get("transaction").asString()).isEqualTo("GET /report");
		assertThat(row.get("p50(transaction.duration)").asDouble()).isCloseTo(percentile(durations, 0.5), within(1.0));
		assertThat(row.get("p95(transaction.duration)").asDouble()).isCloseTo(percentile(durations, 0.95), within(1.0));
		assertThat(row.get("failure_rate()").asDouble()).isCloseTo((double) failures / TRANSACTIONS, within(1e-9));
		long satisfied = durations.stream().filter((d) -> d <= 300).count();
		long tolerated = durations.stream().filter((d) -> d > 300 && d <= 1200).count();
		assertThat(row.get("apdex(300)").asDouble()).isCloseTo((satisfied + tolerated / 2.0) / TRANSACTIONS,
				within(1e-9));
		List<Double> lcps = new ArrayList<>();
		for (int i = 0; i < TRANSACTIONS; i++) {
			lcps.add(1000.0 + 100 * i);
		}
		assertThat(row.get("p75(measurements.lcp)").asDouble()).isCloseTo(percentile(lcps, 0.75), within(0.01));
		JsonNode meta = answer.get("meta");
		assertThat(meta.get("fields").get("p95(transaction.duration)").asString()).isEqualTo("duration");
		assertThat(meta.get("units").get("p75(measurements.lcp)").asString()).isEqualTo("millisecond");
		assertThat(meta.get("fields").get("apdex(300)").asString()).isEqualTo("number");
	}

	/** Exact percentile, linear between the two nearest values at rank (n − 1)·q. */
	private static double percentile(List<Double> values, double quantile) {
		List<Double> sorted = values.stream().sorted().toList();
		double rank = (sorted.size() - 1) * quantile;
		int below = (int) Math.floor(rank);
		int above = Math.min(below + 1, sorted.size() - 1);
		return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (rank - below);
	}

	private static String fields(String... fields) {
		StringBuilder query = new StringBuilder();
		for (String field : fields) {
			query.append("&field=").append(URLEncoder.encode(field, StandardCharsets.UTF_8));
		}
		return query.toString();
	}

}
