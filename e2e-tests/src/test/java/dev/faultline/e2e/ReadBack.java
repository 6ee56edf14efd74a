package dev.faultline.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reading what an SDK sent back through the Web API: waiting for issues to be counted,
 * picking one by title, and the parts of Sentry's event JSON the tests look at.
 */
final class ReadBack {

	private ReadBack() {
	}

	/**
	 * Waits until the project's unresolved issues count at least {@code events} events in
	 * all, then returns them.
	 */
	static List<JsonNode> awaitIssues(FaultlineApi api, String organization, String project, int events) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> api.issues(organization, project)
				.stream()
				.mapToLong((issue) -> Long.parseLong(issue.get("count").asString()))
				.sum() >= events);
		return api.issues(organization, project);
	}

	static Predicate<JsonNode> titled(String prefix) {
		return (issue) -> issue.get("title").asString().startsWith(prefix);
	}

	/**
	 * The one issue that matches, failing the test when there are none or several.
	 */
	static JsonNode onlyIssue(List<JsonNode> issues, Predicate<JsonNode> predicate) {
		List<JsonNode> matching = issues.stream().filter(predicate).toList();
		assertThat(matching).as("issues matching in %s", issues.stream().map((i) -> i.get("title")).toList())
			.hasSize(1);
		return matching.get(0);
	}

	/**
	 * Function names of every frame of every exception, in the event's order.
	 */
	static List<String> functionNames(JsonNode event) {
		List<String> names = new ArrayList<>();
		entries(event, "exception").forEach((data) -> data.get("values")
			.forEach((value) -> value.path("stacktrace")
				.path("frames")
				.forEach((frame) -> names.add(frame.path("function").asString("")))));
		return names;
	}

	/**
	 * Exception types, innermost cause first (as Sentry's API returns them).
	 */
	static List<String> exceptionTypes(JsonNode event) {
		List<String> types = new ArrayList<>();
		entries(event, "exception")
			.forEach((data) -> data.get("values").forEach((value) -> types.add(value.get("type").asString())));
		return types;
	}

	static List<String> breadcrumbMessages(JsonNode event) {
		List<String> messages = new ArrayList<>();
		entries(event, "breadcrumbs")
			.forEach((data) -> data.get("values").forEach((crumb) -> messages.add(crumb.path("message").asString(""))));
		return messages;
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

}
