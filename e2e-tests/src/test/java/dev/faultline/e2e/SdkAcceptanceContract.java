package dev.faultline.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a Faultline of either shape must do with what the official SDKs send: the
 * acceptance scenario, read back through the Web API. Subclasses start one shape and
 * expose its API.
 */
abstract class SdkAcceptanceContract {

	static final String TOKEN = StandaloneFaultline.TOKEN;

	static final String ORGANIZATION = "faultline";

	/**
	 * A client of the running Faultline's Web API, authenticated as the bootstrapped
	 * admin.
	 */
	abstract FaultlineApi api();

	@Test
	void javaSdkEventsAreGroupedIntoIssuesWithFramesAndBreadcrumbs() {
		String dsn = api().createProjectDsn(ORGANIZATION, ORGANIZATION, "Java Shop", "java");
		JavaSdkScenario.send(dsn);

		List<JsonNode> issues = awaitIssues("java-shop", JavaSdkScenario.EVENTS);

		JsonNode chained = onlyIssue(issues, titled("IllegalStateException: Checkout failed for order ord-1234"));
		assertThat(chained.get("count").asString()).isEqualTo("2");
		assertThat(onlyIssue(issues, titled("IllegalArgumentException: Order")).get("count").asString())
			.isEqualTo("20");
		assertThat(onlyIssue(issues, titled("Cart cart-77 holds 3 items")).get("count").asString()).isEqualTo("1");
		assertThat(issues).hasSize(3);

		JsonNode latest = api().get("/api/0/issues/" + chained.get("id").asString() + "/events/latest/");
		assertThat(functionNames(latest)).contains("chargeCard", "checkout");
		assertThat(breadcrumbMessages(latest)).contains("Clicked checkout");
		assertThat(exceptionTypes(latest)).containsExactly("IOException", "IllegalStateException");
	}

	@Test
	void nodeSdkEventsAreGroupedIntoIssuesWithFramesAndBreadcrumbs() throws Exception {
		String dsn = api().createProjectDsn(ORGANIZATION, ORGANIZATION, "Node Shop", "node");
		NodeSdkScenario.send(dsn);

		List<JsonNode> issues = awaitIssues("node-shop", NodeSdkScenario.EVENTS);

		JsonNode chained = onlyIssue(issues, titled("Error: Checkout failed for order ord-1234"));
		assertThat(chained.get("count").asString()).isEqualTo("2");
		assertThat(onlyIssue(issues, titled("RangeError: Order")).get("count").asString()).isEqualTo("20");
		assertThat(onlyIssue(issues, titled("Cart cart-77 holds 3 items")).get("count").asString()).isEqualTo("1");
		assertThat(issues).hasSize(3);

		JsonNode latest = api().get("/api/0/issues/" + chained.get("id").asString() + "/events/latest/");
		assertThat(functionNames(latest)).contains("chargeCard", "checkout");
		assertThat(breadcrumbMessages(latest)).contains("Clicked checkout");
	}

	@Test
	void theWebApiRefusesRequestsWithoutAValidToken() {
		assertThat(api().status("/api/0/organizations/", "not-a-token")).isEqualTo(401);
	}

	private List<JsonNode> awaitIssues(String project, int events) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> api().issues(ORGANIZATION, project)
				.stream()
				.mapToLong((issue) -> Long.parseLong(issue.get("count").asString()))
				.sum() >= events);
		return api().issues(ORGANIZATION, project);
	}

	private static Predicate<JsonNode> titled(String prefix) {
		return (issue) -> issue.get("title").asString().startsWith(prefix);
	}

	private static JsonNode onlyIssue(List<JsonNode> issues, Predicate<JsonNode> predicate) {
		List<JsonNode> matching = issues.stream().filter(predicate).toList();
		assertThat(matching).as("issues matching in %s", issues.stream().map((i) -> i.get("title")).toList())
			.hasSize(1);
		return matching.get(0);
	}

	private static List<JsonNode> entries(JsonNode event, String type) {
		List<JsonNode> found = new ArrayList<>();
		event.get("entries").forEach((entry) -> {
			if (type.equals(entry.get("type").asString())) {
				found.add(entry.get("data"));
			}
		});
		return found;
	}

	private static List<String> functionNames(JsonNode event) {
		List<String> names = new ArrayList<>();
		entries(event, "exception").forEach((data) -> data.get("values")
			.forEach((value) -> value.path("stacktrace")
				.path("frames")
				.forEach((frame) -> names.add(frame.path("function").asString("")))));
		return names;
	}

	private static List<String> exceptionTypes(JsonNode event) {
		List<String> types = new ArrayList<>();
		entries(event, "exception")
			.forEach((data) -> data.get("values").forEach((value) -> types.add(value.get("type").asString())));
		return types;
	}

	private static List<String> breadcrumbMessages(JsonNode event) {
		List<String> messages = new ArrayList<>();
		entries(event, "breadcrumbs")
			.forEach((data) -> data.get("values").forEach((crumb) -> messages.add(crumb.path("message").asString(""))));
		return messages;
	}

}
