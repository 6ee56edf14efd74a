package dev.faultline.api.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.faultline.api.member.People;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.StatusChange;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IssueUpdateTest {

	private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final People PEOPLE = new People(
			List.of(new Member(new User(1, "me@example.com", "Me", "x", NOW), "owner"),
					new Member(new User(3, "bob@example.com", "Bob", "x", NOW), "member")),
			List.of(new Team(2, 1, "backend", "Backend", NOW)), (id) -> Optional.empty());

	@Test
	void statuses() {
		assertThat(parse("{\"status\": \"resolved\"}").status()).isEqualTo(new StatusChange.Resolve());
		assertThat(parse("{\"status\": \"unresolved\", \"statusDetails\": {}}").status())
			.isEqualTo(new StatusChange.Unresolve());
		assertThat(parse("{\"status\": \"resolvedInNextRelease\"}").status())
			.isEqualTo(new StatusChange.ResolveInNextRelease());
		assertThat(parse("{\"status\": \"resolved\", \"statusDetails\": {\"inNextRelease\": true}}").status())
			.isEqualTo(new StatusChange.ResolveInNextRelease());
		assertThat(parse("{\"status\": \"resolved\", \"statusDetails\": {\"inRelease\": \"1.2.0\"}}").status())
			.isEqualTo(new StatusChange.ResolveInRelease("1.2.0"));
		assertThat(parse("{\"status\": \"archived\"}").status()).isEqualTo(StatusChange.Ignore.FOREVER);
		assertThat(parse("{\"status\": \"ignored\", \"statusDetails\": {\"ignoreDuration\": 60}}").status())
			.isEqualTo(new StatusChange.Ignore(NOW.plusSeconds(3600), null, null, null, null));
		assertThat(parse("{\"status\": \"ignored\", \"statusDetails\": {\"ignoreCount\": 10, \"ignoreWindow\": 5, "
				+ "\"ignoreUserCount\": 3}}")
			.status()).isEqualTo(new StatusChange.Ignore(null, 10L, 5, 3L, null));
		assertThat(parse("{\"hasSeen\": true}").isEmpty()).isTrue();
	}

	@Test
	void assignees() {
		assertThat(parse("{\"assignedTo\": \"user:3\"}").assignee()).isEqualTo(new Assignee.User(3));
		assertThat(parse("{\"assignedTo\": \"3\"}").assignee()).isEqualTo(new Assignee.User(3));
		assertThat(parse("{\"assignedTo\": \"Bob@Example.com\"}").assignee()).isEqualTo(new Assignee.User(3));
		assertThat(parse("{\"assignedTo\": \"team:2\"}").assignee()).isEqualTo(new Assignee.Team(2));
		assertThat(parse("{\"assignedTo\": \"#backend\"}").assignee()).isEqualTo(new Assignee.Team(2));
		assertThat(parse("{\"assignedTo\": \"me\"}").assignee()).isEqualTo(new Assignee.User(1));
		IssueUpdate unassign = parse("{\"assignedTo\": null}");
		assertThat(unassign.assign()).isTrue();
		assertThat(unassign.assignee()).isNull();
		assertThat(parse("{\"assignedTo\": \"\"}").assignee()).isNull();
	}

	@Test
	void badFieldsAreNamed() {
		assertBad("{\"status\": \"bogus\"}", "status: \"bogus\" is not a valid choice.");
		assertBad("{\"status\": 1}", "status: must be a string");
		assertBad("{\"statusDetails\": {\"ignoreCount\": 1}}", "status: required with statusDetails");
		assertBad("{\"status\": \"ignored\", \"statusDetails\": {\"ignoreCount\": 0}}",
				"statusDetails.ignoreCount: must be a positive integer");
		assertBad("{\"status\": \"ignored\", \"statusDetails\": {\"ignoreWindow\": 5}}",
				"statusDetails.ignoreWindow: requires ignoreCount");
		assertBad("{\"status\": \"resolved\", \"statusDetails\": {\"ignoreCount\": 5}}",
				"statusDetails.ignoreCount: not allowed with status resolved");
		assertBad("{\"status\": \"resolved\", \"statusDetails\": {\"inRelease\": \"\"}}",
				"statusDetails.inRelease: must be a release version (1 to 250 characters)");
		assertBad("{\"status\": \"resolved\", \"statusDetails\": {\"inCommit\": {\"commit\": \"abc\"}}}",
				"statusDetails.inCommit: not supported");
		assertBad("{\"status\": \"unresolved\", \"statusDetails\": {\"inNextRelease\": true}}",
				"statusDetails: not allowed with status unresolved");
		assertBad("{\"assignedTo\": \"team:9\"}", "assignedTo: \"team:9\" is no member or team of this organization");
		assertBad("{\"assignedTo\": \"user:99\"}", "assignedTo: \"user:99\" is no member or team of this organization");
		assertBad("{\"assignedTo\": {}}", "assignedTo: must be a string");
		assertBad("{\"isSubscribed\": \"maybe\"}", "isSubscribed: must be a boolean");
		assertBad("{\"merge\": 1, \"discard\": true}", "merge: cannot be combined with discard");
		assertBad("\"resolved\"", "Malformed request body");
	}

	private static IssueUpdate parse(String body) {
		return IssueUpdate.parse(JSON.readTree(body), PEOPLE, 1, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static void assertBad(String body, String detail) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> parse(body))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.detail()).isEqualTo(detail));
	}

}
