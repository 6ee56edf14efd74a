package dev.faultline.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.faultline.e2e.FaultlineApi.Project;
import io.sentry.SentryLevel;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issue workflow of docs/issue-workflow.md as a user drives it through the Web API
 * while the official Java SDK keeps sending events: resolutions and their regressions,
 * ignores that wake up, discarding, merging and searching. Processing is asynchronous, so
 * every read after sending waits for the event to be counted. Each test uses a project of
 * its own. Subclasses expose a running Faultline of one shape.
 */
abstract class IssueWorkflowContract {

	static final String ORGANIZATION = "faultline";

	private static final String ADMIN_EMAIL = StandaloneFaultline.ADMIN_EMAIL;

	/**
	 * A client of the running Faultline's Web API, authenticated as the bootstrapped
	 * admin.
	 */
	abstract FaultlineApi api();

	@Test
	void anIssueResolvedInAReleaseStaysResolvedForItAndRegressesOnALaterRelease() {
		Project project = project("Workflow In Release");
		String title = "Payment provider answered 503";
		send(project, "1.0", title);
		String id = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), title).get("id").asString();

		JsonNode resolved = api().put(issuePath(id),
				Map.of("status", "resolved", "statusDetails", Map.of("inRelease", "1.0")));
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("statusDetails").get("inRelease").asString()).isEqualTo("1.0");

		send(project, "1.0", title);
		JsonNode sameRelease = ReadBack.awaitCount(api(), id, 2);
		assertThat(sameRelease.get("status").asString()).isEqualTo("resolved");

		send(project, "2.0", title);
		JsonNode regressed = ReadBack.awaitCount(api(), id, 3);
		assertThat(regressed.get("status").asString()).isEqualTo("unresolved");
		assertThat(regressed.get("statusDetails").isEmpty()).as("statusDetails %s", regressed.get("statusDetails"))
			.isTrue();
		assertThat(ReadBack.activityTypes(regressed)).contains("set_regression", "set_resolved_in_release",
				"first_seen");
	}

	@Test
	void anIssueResolvedInTheNextReleaseRegressesOnAnEventOfANewRelease() {
		Project project = project("Workflow Next Release");
		String title = "Inventory sync lost its lock";
		send(project, "4.2.0", title);
		String id = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), title).get("id").asString();

		JsonNode resolved = api().put(issuePath(id), Map.of("status", "resolvedInNextRelease"));
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("statusDetails").get("inNextRelease").asBoolean()).isTrue();

		// The release it was resolved in is not the next one.
		send(project, "4.2.0", title);
		assertThat(ReadBack.awaitCount(api(), id, 2).get("status").asString()).isEqualTo("resolved");

		send(project, "4.3.0", title);
		JsonNode regressed = ReadBack.awaitCount(api(), id, 3);
		assertThat(regressed.get("status").asString()).isEqualTo("unresolved");
		assertThat(ReadBack.activityTypes(regressed)).contains("set_regression");
	}

	@Test
	void anIssueIgnoredUntilThreeMoreEventsIsUnresolvedAfterTheThird() {
		Project project = project("Workflow Ignore");
		String title = "Thumbnail cache miss storm";
		send(project, "1.0", title);
		String id = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), title).get("id").asString();

		JsonNode ignored = api().put(issuePath(id),
				Map.of("status", "ignored", "statusDetails", Map.of("ignoreCount", 3)));
		assertThat(ignored.get("status").asString()).isEqualTo("ignored");
		assertThat(ignored.get("statusDetails").get("ignoreCount").asLong()).isEqualTo(3);
		assertThat(ReadBack.titles(api().issues(ORGANIZATION, project.slug(), "is:ignored"))).containsExactly(title);

		send(project, "1.0", title, title);
		assertThat(ReadBack.awaitCount(api(), id, 3).get("status").asString()).isEqualTo("ignored");

		send(project, "1.0", title);
		JsonNode woken = ReadBack.awaitCount(api(), id, 4);
		assertThat(woken.get("status").asString()).isEqualTo("unresolved");
		assertThat(ReadBack.activityTypes(woken)).contains("set_ignored", "set_unresolved");
		assertThat(ReadBack.titles(api().issues(ORGANIZATION, project.slug()))).containsExactly(title);
	}

	@Test
	void aDiscardedIssueDropsLaterEventsAsFilteredUntilItsTombstoneIsDeleted() {
		Project project = project("Workflow Discard");
		String title = "Legacy export endpoint called";
		send(project, "1.0", title);
		String id = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), title).get("id").asString();

		api().send("PUT", projectIssuesPath(project) + "?id=" + id, Map.of("discard", true), 204);
		assertThat(api().status(issuePath(id), StandaloneFaultline.TOKEN)).isEqualTo(404);

		send(project, "1.0", title);
		// The dropped event shows as a filtered outcome; then it surely was processed.
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(filteredAsDiscarded(project)).isEqualTo(1));
		assertThat(ReadBack.titles(api().issues(ORGANIZATION, project.slug(), ""))).doesNotContain(title);

		JsonNode tombstones = api().get("/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/tombstones/");
		assertThat(tombstones).hasSize(1);
		JsonNode tombstone = tombstones.get(0);
		assertThat(tombstone.get("metadata").get("title").asString()).isEqualTo(title);
		api().send("DELETE", "/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/tombstones/"
				+ tombstone.get("id").asString() + "/", null, 204);

		send(project, "1.0", title);
		JsonNode again = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), title);
		assertThat(again.get("id").asString()).isNotEqualTo(id);
		assertThat(ReadBack.count(again)).isEqualTo(1);
		assertThat(filteredAsDiscarded(project)).isEqualTo(1);
	}

	@Test
	void mergedIssuesBecomeOneThatCountsAndListsTheEventsOfBoth() {
		Project project = project("Workflow Merge");
		String declined = "Card declined by issuer";
		String expired = "Card expired before capture";
		List<String> eventIds = new ArrayList<>(send(project, "1.0", declined, declined, expired));
		String parent = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), declined).get("id").asString();
		String child = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), expired).get("id").asString();
		ReadBack.awaitCount(api(), parent, 2);
		ReadBack.awaitCount(api(), child, 1);

		// The issue with most events is the parent, whatever the order of the ids.
		JsonNode merged = api().put(projectIssuesPath(project) + "?id=" + child + "&id=" + parent, Map.of("merge", 1));
		assertThat(merged.get("merge").get("parent").asString()).isEqualTo(parent);
		assertThat(merged.get("merge").get("children")).extracting(JsonNode::asString).containsExactly(child);

		List<JsonNode> issues = api().issues(ORGANIZATION, project.slug(), "");
		assertThat(issues).extracting((issue) -> issue.get("id").asString()).containsExactly(parent);
		assertThat(ReadBack.count(issues.get(0))).isEqualTo(3);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(
					() -> assertThat(ReadBack.eventIds(api(), parent)).containsExactlyInAnyOrderElementsOf(eventIds));
		assertThat(ReadBack.activityTypes(ReadBack.issue(api(), parent))).contains("merge");

		HttpResponse<String> redirect = api().exchange(issuePath(child));
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith(issuePath(parent)));

		eventIds.addAll(send(project, "1.0", expired));
		ReadBack.awaitCount(api(), parent, 4);
		assertThat(api().issues(ORGANIZATION, project.slug(), "")).extracting((issue) -> issue.get("id").asString())
			.containsExactly(parent);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(
					() -> assertThat(ReadBack.eventIds(api(), parent)).containsExactlyInAnyOrderElementsOf(eventIds));
	}

	@Test
	void theProjectIssueListAnswersSearchQueries() {
		Project project = project("Workflow Search");
		String checkout = "Checkout timed out";
		String login = "Login refused";
		String cart = "Cart is stale";
		try (JavaSdkSession sdk = JavaSdkSession.start(project.dsn(), "1.0", "production")) {
			sdk.user("user-1", "alice@example.com").tag("feature", "checkout");
			sdk.error(checkout);
			sdk.error(checkout);
			sdk.error(checkout);
			sdk.tag("feature", "login").error(login);
		}
		try (JavaSdkSession sdk = JavaSdkSession.start(project.dsn(), "1.1", "staging")) {
			sdk.user("user-2", "bob@example.com").tag("feature", "cart").capture(cart, SentryLevel.WARNING);
		}
		String checkoutId = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), checkout).get("id").asString();
		String loginId = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), login).get("id").asString();
		String cartId = ReadBack.awaitIssue(api(), ORGANIZATION, project.slug(), cart).get("id").asString();
		ReadBack.awaitCount(api(), checkoutId, 3);
		ReadBack.awaitCount(api(), loginId, 1);
		ReadBack.awaitCount(api(), cartId, 1);

		api().put(issuePath(loginId), Map.of("status", "resolved"));
		JsonNode assigned = api().put(issuePath(cartId), Map.of("assignedTo", ADMIN_EMAIL));
		assertThat(assigned.get("assignedTo").get("type").asString()).isEqualTo("user");
		assertThat(assigned.get("assignedTo").get("email").asString()).isEqualTo(ADMIN_EMAIL);

		assertSearch(project, "feature:checkout", checkout);
		assertSearch(project, "tags[feature]:login", login);
		assertSearch(project, "level:warning", cart);
		assertSearch(project, "environment:staging", cart);
		assertSearch(project, "release:1.0", checkout, login);
		assertSearch(project, "user.email:alice@example.com", checkout, login);
		assertSearch(project, "!feature:checkout", login, cart);
		assertSearch(project, "is:unresolved !level:warning", checkout);
		assertSearch(project, "times-seen:>2", checkout);
		assertSearch(project, "is:unresolved", checkout, cart);
		assertSearch(project, "is:resolved", login);
		assertSearch(project, "assigned:me", cart);
		assertSearch(project, "is:unresolved is:unassigned", checkout);
		assertSearch(project, "is:unresolved feature:login");
		assertSearch(project, "feature:check*", checkout);
		assertSearch(project, "feature:[cart, login]", login, cart);
		assertSearch(project, "stale", cart);
		assertSearch(project, "\"Login refused\"", login);

		// The organization's issue stream answers the same syntax.
		assertThat(ReadBack.titles(api().organizationIssues(ORGANIZATION, project.id(), "is:unresolved level:error")))
			.containsExactly(checkout);
	}

	private void assertSearch(Project project, String query, String... titles) {
		assertThat(ReadBack.titles(api().issues(ORGANIZATION, project.slug(), query))).as("query %s", query)
			.containsExactlyInAnyOrder(titles);
	}

	private Project project(String name) {
		return api().createProject(ORGANIZATION, ORGANIZATION, name, "java");
	}

	/**
	 * Sends error messages of one release (environment {@code production}) and returns
	 * their event ids once the SDK flushed them.
	 */
	private static List<String> send(Project project, String release, String... messages) {
		List<String> ids = new ArrayList<>();
		try (JavaSdkSession sdk = JavaSdkSession.start(project.dsn(), release, "production")) {
			sdk.user("user-1", "alice@example.com").tag("feature", "workflow");
			for (String message : messages) {
				ids.add(sdk.error(message));
			}
		}
		return ids;
	}

	/**
	 * Errors the processor dropped for a discarded hash, through Sentry's stats API.
	 */
	private long filteredAsDiscarded(Project project) {
		JsonNode stats = api()
			.get("/api/0/organizations/" + ORGANIZATION + "/stats_v2/?field=sum(quantity)&groupBy=outcome"
					+ "&groupBy=category&groupBy=reason&interval=1h&statsPeriod=24h&project=" + project.id());
		long total = 0;
		for (JsonNode group : stats.get("groups")) {
			JsonNode by = group.get("by");
			if (by.get("outcome").asString().equals("filtered") && by.get("reason").asString().equals("discarded-hash")
					&& by.get("category").asString().equals("error")) {
				total += group.get("totals").get("sum(quantity)").asLong();
			}
		}
		return total;
	}

	private static String issuePath(String id) {
		return "/api/0/issues/" + id + "/";
	}

	private static String projectIssuesPath(Project project) {
		return "/api/0/projects/" + ORGANIZATION + "/" + project.slug() + "/issues/";
	}

}
