package dev.faultline.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.faultline.e2e.FaultlineApi.Project;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracing end to end with the official SDKs, read back through the trace endpoint: a
 * classic transaction with nested spans from {@code io.sentry:sentry}, and span streams
 * from {@code @sentry/node} services in two projects, one calling the other, with an
 * error inside the called one. Each test uses projects of its own. Subclasses expose a
 * running Faultline of one shape.
 */
abstract class TracingContract {

	private static final String ORGANIZATION = IssueWorkflowContract.ORGANIZATION;

	abstract FaultlineApi api();

	@Test
	void aJavaTransactionReadsBackAsItsSpanTreeWithTheErrorOnItsSpan() throws Exception {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Java Traces", "java");

		String traceId = JavaSdkTransaction.send(project.dsn());

		JsonNode roots = awaitTrace(traceId, (tree) -> nodes(tree).size() == 4 && !errors(tree).isEmpty());
		assertThat(roots).hasSize(1);
		JsonNode root = roots.get(0);
		assertThat(root.path("is_transaction").asBoolean()).isTrue();
		assertThat(root.path("op").asString()).isEqualTo("http.server");
		assertThat(root.path("transaction").asString()).isEqualTo("POST /orders");
		assertThat(root.path("project_slug").asString()).isEqualTo(project.slug());
		assertThat(root.path("transaction_id").asString()).matches("[0-9a-f]{32}");
		assertThat(children(root)).extracting((child) -> child.path("op").asString())
			.containsExactly("db.query", "serialize");
		JsonNode query = children(root).get(0);
		JsonNode connection = children(query).get(0);
		assertThat(connection.path("op").asString()).isEqualTo("db.connection");
		assertParentLinks(root);
		// The SDK names the innermost active span in the error's trace context.
		assertThat(connection.path("errors")).singleElement()
			.satisfies(
					(error) -> assertThat(error.path("description").asString()).contains("Connection pool exhausted"));
		assertThat(root.path("duration").asDouble()).isGreaterThanOrEqualTo(query.path("duration").asDouble());
	}

	@Test
	void nodeSpanStreamsOfTwoServicesFormOneTraceAcrossProjects() throws Exception {
		Project front = api().createProject(ORGANIZATION, ORGANIZATION, "Trace Front", "node");
		Project back = api().createProject(ORGANIZATION, ORGANIZATION, "Trace Back", "node");

		NodeTraceServices.run(front.dsn(), back.dsn());

		String issueId = ReadBack.awaitIssue(api(), ORGANIZATION, back.slug(), "Error: Card declined")
			.get("id")
			.asString();
		String traceId = api().get("/api/0/issues/" + issueId + "/events/latest/")
			.path("contexts")
			.path("trace")
			.path("trace_id")
			.asString();
		JsonNode roots = awaitTrace(traceId,
				(tree) -> nodes(tree).stream().anyMatch((node) -> node.path("op").asString().equals("db.query"))
						&& nodes(tree).stream().filter((node) -> node.path("is_transaction").asBoolean()).count() == 2
						&& !errors(tree).isEmpty());
		// The front service's segment is the root: its caller (the script) was not
		// traced.
		assertThat(roots).singleElement().satisfies((root) -> {
			assertThat(root.path("project_slug").asString()).isEqualTo(front.slug());
			assertThat(root.path("op").asString()).isEqualTo("http.server");
		});
		JsonNode root = roots.get(0);
		assertParentLinks(root);
		JsonNode charge = only(children(root), "function");
		JsonNode call = only(children(charge), "http.client");
		JsonNode backSegment = only(children(call), "http.server");
		assertThat(backSegment.path("project_slug").asString()).isEqualTo(back.slug());
		assertThat(backSegment.path("is_transaction").asBoolean()).isTrue();
		assertThat(backSegment.path("sdk_name").asString()).isEqualTo("sentry.javascript.node");
		JsonNode query = only(children(backSegment), "db.query");
		assertThat(query.path("description").asString()).startsWith("UPDATE balances");
		assertThat(query.path("errors")).singleElement().satisfies((error) -> {
			assertThat(error.path("project_slug").asString()).isEqualTo(back.slug());
			assertThat(error.path("issue_id").asString()).isEqualTo(issueId);
		});
		assertThat(nodes(roots)).extracting((node) -> node.path("project_slug").asString())
			.containsOnly(front.slug(), back.slug());
		JsonNode meta = api().get("/api/0/organizations/" + ORGANIZATION + "/trace-meta/" + traceId + "/");
		assertThat(meta.path("errorsCount").asLong()).isEqualTo(1);
		assertThat(meta.path("projectsCount").asLong()).isEqualTo(2);
	}

	private JsonNode awaitTrace(String traceId, Predicate<JsonNode> complete) {
		String path = "/api/0/organizations/" + ORGANIZATION + "/trace/" + traceId + "/?project=-1";
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> complete.test(api().get(path)));
		return api().get(path);
	}

	/** Every child names its parent node's span as its parent. */
	private static void assertParentLinks(JsonNode node) {
		for (JsonNode child : children(node)) {
			assertThat(child.path("parent_span_id").asString()).isEqualTo(node.path("event_id").asString());
			assertParentLinks(child);
		}
	}

	private static JsonNode only(List<JsonNode> nodes, String op) {
		List<JsonNode> matching = nodes.stream().filter((node) -> node.path("op").asString().equals(op)).toList();
		assertThat(matching).as("children with op %s", op).hasSize(1);
		return matching.get(0);
	}

	private static List<JsonNode> children(JsonNode node) {
		List<JsonNode> children = new ArrayList<>();
		node.path("children").forEach(children::add);
		return children;
	}

	/** Every span node of the trace, depth first. */
	private static List<JsonNode> nodes(JsonNode roots) {
		List<JsonNode> all = new ArrayList<>();
		List<JsonNode> pending = new ArrayList<>();
		roots.forEach(pending::add);
		while (!pending.isEmpty()) {
			JsonNode node = pending.remove(pending.size() - 1);
			if (node.path("event_type").asString().equals("span")) {
				all.add(node);
				node.path("children").forEach(pending::add);
			}
		}
		return all;
	}

	private static List<JsonNode> errors(JsonNode roots) {
		List<JsonNode> errors = new ArrayList<>();
		for (JsonNode node : nodes(roots)) {
			node.path("errors").forEach(errors::add);
		}
		roots.forEach((root) -> {
			if (root.path("event_type").asString().equals("error")) {
				errors.add(root);
			}
		});
		return errors;
	}

}
