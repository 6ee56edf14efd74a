package dev.faultline.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.faultline.e2e.FaultlineApi.Project;
import io.sentry.Sentry;
import io.sentry.SentryLevel;
import io.sentry.protocol.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Inbound data filters end to end, as a user sets them up: the {@code localhost} filter
 * turned on and an error message glob written through Sentry's Web API, then events sent
 * by the official Java SDK. The events each filter matches are neither stored nor grouped
 * and show in {@code stats_v2} as {@code filtered} with Relay's reason; the ordinary ones
 * are stored and queryable. Subclasses expose a running Faultline of one shape.
 */
abstract class InboundFiltersContract {

	private static final String ORGANIZATION = IssueWorkflowContract.ORGANIZATION;

	abstract FaultlineApi api();

	@Test
	void filteredEventsAreDroppedWithTheirReasonAndTheOthersStored() {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Inbound Filters", "java");
		String projectPath = "/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/";
		// Set before the first event, so the processor's settings cache reads them.
		api().send("PUT", projectPath + "filters/localhost/", Map.of("active", true), 204);
		api().put(projectPath, Map.of("options", Map.of("filters:error_messages", "*ConnectionTimeout*")));
		JsonNode filters = api().get(projectPath + "filters/");
		assertThat(filters.findValues("id").stream().map(JsonNode::asString).toList()).contains("localhost",
				"browser-extensions", "legacy-browsers", "web-crawlers", "filtered-transaction");
		for (JsonNode filter : filters) {
			assertThat(filter.get("active").asBoolean()).as(filter.get("id").asString())
				.isEqualTo(filter.get("id").asString().equals("localhost"));
		}

		String fromLocalhost;
		String timeout;
		String declined;
		String outOfSync;
		Sentry.init((options) -> {
			options.setDsn(project.dsn());
			options.setRelease("shop@1.4.0");
			options.setEnableUncaughtExceptionHandler(false);
		});
		try {
			fromLocalhost = Sentry
				.captureMessage("Checkout failed on a developer machine", SentryLevel.ERROR, (scope) -> {
					User user = new User();
					user.setId("dev-1");
					user.setIpAddress("127.0.0.1");
					scope.setUser(user);
				})
				.toString();
			timeout = Sentry.captureException(new IllegalStateException("Upstream ConnectionTimeout after 3000 ms"))
				.toString();
			declined = Sentry.captureMessage("Payment declined for order 17", SentryLevel.ERROR).toString();
			outOfSync = Sentry.captureException(new IllegalArgumentException("Inventory out of sync")).toString();
		}
		finally {
			Sentry.flush(20_000);
			Sentry.close();
		}

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(stats(project))
				.isEqualTo(Map.of("accepted/", 2L, "filtered/localhost", 1L, "filtered/error-message", 1L)));
		for (String kept : List.of(declined, outOfSync)) {
			JsonNode event = api().get(projectPath + "events/" + kept + "/");
			assertThat(event.get("eventID").asString()).isEqualTo(kept);
		}
		for (String dropped : List.of(fromLocalhost, timeout)) {
			assertThat(api().status(projectPath + "events/" + dropped + "/", StandaloneFaultline.TOKEN)).as(dropped)
				.isEqualTo(404);
		}
		assertThat(api().issues(ORGANIZATION, project.slug())).hasSize(2)
			.noneMatch((issue) -> issue.get("title").asString().contains("ConnectionTimeout"))
			.noneMatch((issue) -> issue.get("title").asString().contains("developer machine"));
	}

	/** {@code outcome/reason} → items, for the error category of the project. */
	private Map<String, Long> stats(Project project) {
		JsonNode body = api().get("/api/0/organizations/" + ORGANIZATION
				+ "/stats_v2/?field=sum(quantity)&statsPeriod=2h&interval=1h&category=error&groupBy=outcome"
				+ "&groupBy=reason&project=" + project.id());
		Map<String, Long> totals = new TreeMap<>();
		for (JsonNode group : body.get("groups")) {
			totals.put(group.get("by").get("outcome").asString() + "/" + group.get("by").get("reason").asString(),
					group.get("totals").get("sum(quantity)").asLong());
		}
		return totals;
	}

}
