package dev.faultline.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.faultline.e2e.FaultlineApi.Project;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Performance issues from a real instrumented program: a Node handler that reads authors
 * and then each author's books from PostgreSQL through {@code pg}, traced by the official
 * {@code @sentry/node} SDK's automatic instrumentation and sent as a span stream. The
 * loop becomes one N+1 issue, searchable as {@code issue.category:performance}, whose
 * event names the repeated query and carries the repeated spans as evidence; the fixed
 * program (one query for all authors) adds none. Subclasses expose a running Faultline of
 * one shape.
 */
abstract class PerformanceIssueContract {

	private static final String ORGANIZATION = IssueWorkflowContract.ORGANIZATION;

	abstract FaultlineApi api();

	@Test
	void anNPlusOneOfARealProgramIsOneIssueWithItsSpansAndTheFixIsNone() throws Exception {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Library", "node");
		String loopTrace = run(project, "loop");
		List<JsonNode> issues;
		try {
			issues = await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> api().issues(ORGANIZATION, project.slug(), "issue.category:performance"),
						(found) -> !found.isEmpty());
		}
		catch (ConditionTimeoutException ex) {
			// What became of the spans says where they stopped.
			throw new AssertionError("no performance issue; outcomes: " + api().get("/api/0/organizations/"
					+ ORGANIZATION + "/stats_v2/?field=sum(quantity)&statsPeriod=2h&interval=1h&groupBy=category"
					+ "&groupBy=outcome&groupBy=reason&project=" + project.id()), ex);
		}
		assertThat(issues).singleElement().satisfies((issue) -> {
			assertThat(issue.get("issueType").asString()).isEqualTo("performance_n_plus_one_db_queries");
			assertThat(issue.get("issueCategory").asString()).isEqualTo("performance");
			assertThat(issue.get("title").asString()).isEqualTo("N+1 Query");
			assertThat(issue.get("culprit").asString()).isEqualTo("GET /authors");
		});
		JsonNode event = api().get("/api/0/issues/" + issues.get(0).get("id").asString() + "/events/latest/");
		JsonNode occurrence = event.get("occurrence");
		assertThat(occurrence.get("subtitle").asString())
			.startsWith("SELECT pg_sleep(%s), title FROM books WHERE author_id = ");
		assertThat(occurrence.get("evidenceData").get("offenderSpanIds")).hasSize(8);
		assertThat(occurrence.get("evidenceData").get("causeSpanIds")).hasSize(1);
		assertThat(event.get("contexts").get("trace").get("trace_id").asString()).isEqualTo(loopTrace);
		assertThat(event.get("entries")).as("the evidence spans").anySatisfy((entry) -> {
			assertThat(entry.get("type").asString()).isEqualTo("spans");
			assertThat(entry.get("data").size()).isGreaterThanOrEqualTo(9);
		});
		assertThat(api().issues(ORGANIZATION, project.slug(), "issue.category:error")).isEmpty();

		String fixedTrace = run(project, "fixed");
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> api().send("GET", "/api/0/organizations/" + ORGANIZATION + "/trace/" + fixedTrace + "/", null,
					200), (tree) -> tree.isArray() && !tree.isEmpty());
		assertThat(api().issues(ORGANIZATION, project.slug(), "issue.category:performance")).hasSize(1)
			.allSatisfy((issue) -> assertThat(issue.get("count").asString()).isEqualTo("1"));
	}

	private static String run(Project project, String mode) throws Exception {
		String output = NodeSdkScenario.run("n-plus-one.cjs", Map.of("FAULTLINE_DSN", project.dsn(), "MODE", mode));
		String[] lines = output.strip().split("\n");
		return lines[lines.length - 1].strip();
	}

}
