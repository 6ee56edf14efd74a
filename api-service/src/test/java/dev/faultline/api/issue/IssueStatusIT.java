package dev.faultline.api.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status transition through {@code PUT /api/0/issues/{id}/}, and the regressions
 * and wake-ups the processor causes through the stores afterwards.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + IssueStatusIT.TOKEN, "faultline.admin.password=admin-password" })
class IssueStatusIT extends IssueApiTest {

	static final String TOKEN = "status-token-0123456789abcdef";

	private Project project;

	private Issue issue;

	private String hash;

	@Override
	String token() {
		return TOKEN;
	}

	@BeforeEach
	void seed(TestInfo test) {
		String slug = test.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
		this.project = project(faultline(), slug.substring(0, Math.min(40, slug.length())));
		this.hash = String.format("%032x", slug.hashCode());
		this.issue = issue(this.project, this.hash, "IllegalStateException: " + slug);
	}

	@Test
	void resolveAndReopen() {
		JsonNode resolved = put(path(), """
				{"status": "resolved"}""");
		assertThat(resolved.path("status").asString()).isEqualTo("resolved");
		assertThat(resolved.path("statusDetails").isEmpty()).isTrue();
		assertThat(resolved.path("activity").get(0).path("type").asString()).isEqualTo("set_resolved");
		assertThat(resolved.path("activity").get(0).path("user").path("email").asString()).isEqualTo("admin@localhost");

		JsonNode reopened = put(path(), """
				{"status": "unresolved", "statusDetails": {}}""");
		assertThat(reopened.path("status").asString()).isEqualTo("unresolved");
		assertThat(activityTypes(reopened.path("activity"))).containsExactly("set_unresolved", "set_resolved",
				"first_seen");
		assertThat(activityTypes(get(path() + "activities/").path("activity"))).containsExactly("set_unresolved",
				"set_resolved", "first_seen");
	}

	@Test
	void plainResolutionRegressesOnAnyEvent() {
		put(path(), """
				{"status": "resolved"}""");
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), null);
		JsonNode detail = get(path());
		assertThat(detail.path("status").asString()).isEqualTo("unresolved");
		assertThat(detail.path("activity").get(0).path("type").asString()).isEqualTo("set_regression");
		assertThat(detail.path("activity").get(0).path("user").isNull()).isTrue();
	}

	@Test
	void resolveInNextRelease() {
		event(this.project, this.issue.id(), this.hash, Instant.now(), "1.0.0", Map.of(), null);
		JsonNode resolved = put(path(), """
				{"status": "resolvedInNextRelease"}""");
		assertThat(resolved.path("status").asString()).isEqualTo("resolved");
		assertThat(resolved.path("statusDetails").path("inNextRelease").asBoolean()).isTrue();
		assertThat(resolved.path("statusDetails").path("actor").path("email").asString()).isEqualTo("admin@localhost");
		assertThat(resolved.path("activity").get(0).path("type").asString()).isEqualTo("set_resolved_in_release");

		// The release current at the resolution keeps it resolved…
		event(this.project, this.issue.id(), this.hash, Instant.now(), "1.0.0", Map.of(), null);
		assertThat(reload(this.issue.id()).status()).isEqualTo(IssueStatus.RESOLVED);
		// …a release first seen afterwards reopens it.
		event(this.project, this.issue.id(), this.hash, Instant.now(), "1.1.0", Map.of(), null);
		JsonNode regressed = get(path());
		assertThat(regressed.path("status").asString()).isEqualTo("unresolved");
		assertThat(regressed.path("statusDetails").isEmpty()).isTrue();
		assertThat(regressed.path("activity").get(0).path("type").asString()).isEqualTo("set_regression");
		assertThat(regressed.path("activity").get(0).path("data").path("version").asString()).isEqualTo("1.1.0");
	}

	@Test
	void resolveInNextReleaseThroughStatusDetails() {
		JsonNode resolved = put(path(), """
				{"status": "resolved", "statusDetails": {"inNextRelease": true}}""");
		assertThat(resolved.path("status").asString()).isEqualTo("resolved");
		assertThat(resolved.path("statusDetails").path("inNextRelease").asBoolean()).isTrue();
	}

	@Test
	void resolveInReleaseRegressesOnlyOnALaterRelease() {
		JsonNode resolved = put(path(), """
				{"status": "resolved", "statusDetails": {"inRelease": "1.2.0"}}""");
		assertThat(resolved.path("status").asString()).isEqualTo("resolved");
		assertThat(resolved.path("statusDetails").path("inRelease").asString()).isEqualTo("1.2.0");
		assertThat(resolved.path("statusDetails").path("actor").path("id").asString())
			.isEqualTo(Long.toString(admin().id()));

		event(this.project, this.issue.id(), this.hash, Instant.now(), "1.1.9", Map.of(), null);
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), null);
		assertThat(get(path()).path("status").asString()).isEqualTo("resolved");
		String regression = event(this.project, this.issue.id(), this.hash, Instant.now(), "1.10.0", Map.of(), null);
		JsonNode regressed = get(path());
		assertThat(regressed.path("status").asString()).isEqualTo("unresolved");
		JsonNode activity = regressed.path("activity").get(0);
		assertThat(activity.path("type").asString()).isEqualTo("set_regression");
		assertThat(activity.path("data").path("version").asString()).isEqualTo("1.10.0");
		assertThat(activity.path("data").path("event_id").asString()).isEqualTo(regression);
	}

	@Test
	void ignoreForever() {
		JsonNode ignored = put(path(), """
				{"status": "ignored", "statusDetails": {}, "substatus": "archived_forever"}""");
		assertThat(ignored.path("status").asString()).isEqualTo("ignored");
		assertThat(ignored.path("statusDetails").isEmpty()).isTrue();
		assertThat(ignored.path("activity").get(0).path("type").asString()).isEqualTo("set_ignored");
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), null);
		assertThat(get(path()).path("status").asString()).isEqualTo("ignored");
	}

	@Test
	void ignoreForADuration() {
		Instant before = Instant.now();
		JsonNode ignored = put(path(), """
				{"status": "archived", "statusDetails": {"ignoreDuration": 30}}""");
		assertThat(ignored.path("status").asString()).isEqualTo("ignored");
		Instant until = Instant.parse(ignored.path("statusDetails").path("ignoreUntil").asString());
		assertThat(until).isBetween(before.plus(Duration.ofMinutes(30)).minusSeconds(1),
				Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(1));
		assertThat(ignored.path("statusDetails").path("actor").path("email").asString()).isEqualTo("admin@localhost");

		assertThat(this.issues.wakeExpiredIgnores(Instant.now())).isZero();
		assertThat(this.issues.wakeExpiredIgnores(until.plusSeconds(1))).isGreaterThanOrEqualTo(1);
		JsonNode woken = get(path());
		assertThat(woken.path("status").asString()).isEqualTo("unresolved");
		assertThat(woken.path("activity").get(0).path("type").asString()).isEqualTo("set_unresolved");
	}

	@Test
	void ignoreUntilAnInstant() {
		JsonNode ignored = put(path(), """
				{"status": "ignored", "statusDetails": {"ignoreUntil": "2099-01-01T00:00:00Z"}}""");
		assertThat(ignored.path("statusDetails").path("ignoreUntil").asString()).isEqualTo("2099-01-01T00:00:00.000Z");
	}

	@Test
	void ignoreUntilNEventsWakesUp() {
		JsonNode ignored = put(path(), """
				{"status": "ignored", "statusDetails": {"ignoreCount": 2}}""");
		assertThat(ignored.path("statusDetails").path("ignoreCount").asLong()).isEqualTo(2);
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), null);
		assertThat(reload(this.issue.id()).status()).isEqualTo(IssueStatus.IGNORED);
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), null);
		JsonNode woken = get(path());
		assertThat(woken.path("status").asString()).isEqualTo("unresolved");
		assertThat(woken.path("activity").get(0).path("type").asString()).isEqualTo("set_unresolved");
		assertThat(woken.path("activity").get(0).path("data").path("reason").asString()).isNotEmpty();
	}

	@Test
	void ignoreUntilNEventsWithinAWindow() {
		JsonNode ignored = put(path(), """
				{"status": "ignored", "statusDetails": {"ignoreCount": 5, "ignoreWindow": 60}}""");
		assertThat(ignored.path("statusDetails").path("ignoreCount").asLong()).isEqualTo(5);
		assertThat(ignored.path("statusDetails").path("ignoreWindow").asInt()).isEqualTo(60);
	}

	@Test
	void ignoreUntilNUsersWakesUp() {
		JsonNode ignored = put(path(), """
				{"status": "ignored", "statusDetails": {"ignoreUserCount": 2, "ignoreUserWindow": 60}}""");
		assertThat(ignored.path("statusDetails").path("ignoreUserCount").asLong()).isEqualTo(2);
		assertThat(ignored.path("statusDetails").path("ignoreUserWindow").asInt()).isEqualTo(60);
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), "ann@example.com");
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), "ann@example.com");
		assertThat(reload(this.issue.id()).status()).isEqualTo(IssueStatus.IGNORED);
		event(this.project, this.issue.id(), this.hash, Instant.now(), null, Map.of(), "ben@example.com");
		assertThat(get(path()).path("status").asString()).isEqualTo("unresolved");
	}

	@Test
	void invalidChangesAreBadRequestsAndChangeNothing() {
		assertThat(badRequest(send("PUT", path(), """
				{"status": "ignored", "statusDetails": {"ignoreCount": 0}}""")))
			.isEqualTo("statusDetails.ignoreCount: must be a positive integer");
		assertThat(badRequest(send("PUT", path(), """
				{"status": "ignored", "statusDetails": {"ignoreCount": "5"}}""")))
			.isEqualTo("statusDetails.ignoreCount: must be a positive integer");
		assertThat(badRequest(send("PUT", path(), """
				{"status": "ignored", "statusDetails": {"ignoreUserCount": 1.5}}""")))
			.isEqualTo("statusDetails.ignoreUserCount: must be a positive integer");
		assertThat(badRequest(send("PUT", path(), """
				{"status": "closed"}"""))).isEqualTo("status: \"closed\" is not a valid choice.");
		assertThat(badRequest(send("PUT", path(), """
				{"status": "ignored", "statusDetails": {"inRelease": "1.0"}}""")))
			.startsWith("statusDetails.inRelease:");
		assertThat(badRequest(send("PUT", path(), """
				{"status": "ignored", "statusDetails": {"ignoreUntil": "tomorrow"}}""")))
			.startsWith("statusDetails.ignoreUntil:");
		// Validated together: a bad assignee leaves the valid status change undone.
		assertThat(badRequest(send("PUT", path(), """
				{"status": "resolved", "assignedTo": "nobody@example.com"}"""))).startsWith("assignedTo:");
		assertThat(badRequest(send("PUT", path(), "[1]"))).isEqualTo("Malformed request body");
		assertThat(reload(this.issue.id()).status()).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(get(path() + "activities/").path("activity")).hasSize(1);
	}

	private String path() {
		return "/api/0/issues/" + this.issue.id() + "/";
	}

}
