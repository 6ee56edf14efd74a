package dev.faultline.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

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

		List<JsonNode> issues = ReadBack.awaitIssues(api(), ORGANIZATION, "java-shop", JavaSdkScenario.EVENTS);

		JsonNode chained = ReadBack.onlyIssue(issues,
				ReadBack.titled("IllegalStateException: Checkout failed for order ord-1234"));
		assertThat(chained.get("count").asString()).isEqualTo("2");
		assertThat(
				ReadBack.onlyIssue(issues, ReadBack.titled("IllegalArgumentException: Order")).get("count").asString())
			.isEqualTo("20");
		assertThat(ReadBack.onlyIssue(issues, ReadBack.titled("Cart cart-77 holds 3 items")).get("count").asString())
			.isEqualTo("1");
		assertThat(issues).hasSize(3);

		JsonNode latest = api().get("/api/0/issues/" + chained.get("id").asString() + "/events/latest/");
		assertThat(ReadBack.functionNames(latest)).contains("chargeCard", "checkout");
		assertThat(ReadBack.breadcrumbMessages(latest)).contains("Clicked checkout");
		assertThat(ReadBack.exceptionTypes(latest)).containsExactly("IOException", "IllegalStateException");
	}

	@Test
	void nodeSdkEventsAreGroupedIntoIssuesWithFramesAndBreadcrumbs() throws Exception {
		String dsn = api().createProjectDsn(ORGANIZATION, ORGANIZATION, "Node Shop", "node");
		NodeSdkScenario.send(dsn);

		List<JsonNode> issues = ReadBack.awaitIssues(api(), ORGANIZATION, "node-shop", NodeSdkScenario.EVENTS);

		JsonNode chained = ReadBack.onlyIssue(issues, ReadBack.titled("Error: Checkout failed for order ord-1234"));
		assertThat(chained.get("count").asString()).isEqualTo("2");
		assertThat(ReadBack.onlyIssue(issues, ReadBack.titled("RangeError: Order")).get("count").asString())
			.isEqualTo("20");
		assertThat(ReadBack.onlyIssue(issues, ReadBack.titled("Cart cart-77 holds 3 items")).get("count").asString())
			.isEqualTo("1");
		assertThat(issues).hasSize(3);

		JsonNode latest = api().get("/api/0/issues/" + chained.get("id").asString() + "/events/latest/");
		assertThat(ReadBack.functionNames(latest)).contains("chargeCard", "checkout");
		assertThat(ReadBack.breadcrumbMessages(latest)).contains("Clicked checkout");
	}

	@Test
	void theWebApiRefusesRequestsWithoutAValidToken() {
		assertThat(api().status("/api/0/organizations/", "not-a-token")).isEqualTo(401);
	}

}
