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

	/**
	 * Waits until the project lists exactly one issue (of any status) with this title,
	 * then returns it.
	 */
	static JsonNode awaitIssue(FaultlineApi api, String organization, String project, String title) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> api.issues(organization, project, "").stream().anyMatch(titled(title)));
		return onlyIssue(api.issues(organization, project, ""), titled(title));
	}

	/**
	 * Waits until the issue counts {@code count} events, then returns its detail.
	 */
	static JsonNode awaitCount(FaultlineApi api, String issueId, long count) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(count(issue(api, issueId))).as("times seen of issue %s", issueId)
				.isEqualTo(count));
		return issue(api, issueId);
	}

	static JsonNode issue(FaultlineApi api, String issueId) {
		return api.get("/api/0/issues/" + issueId + "/");
	}

	static long count(JsonNode issue) {
		return Long.parseLong(issue.get("count").asString());
	}

	/**
	 * The types of an issue detail's activity, newest first.
	 */
	static List<String> activityTypes(JsonNode detail) {
		List<String> types = new ArrayList<>();
		detail.get("activity").forEach((activity) -> types.add(activity.get("type").asString()));
		return types;
	}

	static List<String> titles(List<JsonNode> issues) {
		return issues.stream().map((issue) -> issue.get("title").asString()).toList();
	}

	/**
	 * The event ids of the first 100 events of an issue's events tab.
	 */
	static List<String> eventIds(FaultlineApi api, String issueId) {
		List<String> ids = new ArrayList<>();
		api.get("/api/0/issues/" + issueId + "/events/?limit=100")
			.forEach((event) -> ids.add(event.get("eventID").asString()));
		return ids;
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
