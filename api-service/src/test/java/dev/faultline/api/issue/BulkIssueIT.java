package dev.faultline.api.issue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk changes on issue lists (by ids and by query), assignment, bookmarks and
 * subscriptions with the searches over them, and authorization of changes.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + BulkIssueIT.TOKEN, "faultline.admin.password=admin-password" })
class BulkIssueIT extends IssueApiTest {

	static final String TOKEN = "bulk-token-0123456789abcdef";

	private Project project;

	private Issue first;

	private Issue second;

	private Issue third;

	private String slug;

	@Override
	String token() {
		return TOKEN;
	}

	@BeforeEach
	void seed(TestInfo test) {
		this.slug = test.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
		this.project = project(faultline(), this.slug);
		this.first = seeded("a");
		this.second = seeded("b");
		this.third = seeded("c");
	}

	@Test
	void bulkByIds() {
		JsonNode changed = put(list() + "?id=" + this.first.id() + "&id=" + this.second.id(), """
				{"status": "resolved", "statusDetails": {"inRelease": "2.0"}}""");
		assertThat(changed.path("status").asString()).isEqualTo("resolved");
		assertThat(changed.path("statusDetails").path("inRelease").asString()).isEqualTo("2.0");
		assertThat(changed.path("statusDetails").path("actor").path("email").asString()).isEqualTo("admin@localhost");
		assertThat(reload(this.first.id()).status()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(reload(this.second.id()).status()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(reload(this.third.id()).status()).isEqualTo(IssueStatus.UNRESOLVED);

		// The organization list takes the same ids.
		JsonNode ignored = put("/api/0/organizations/faultline/issues/?id=" + this.third.id(), """
				{"status": "ignored"}""");
		assertThat(ignored.path("status").asString()).isEqualTo("ignored");
		assertThat(reload(this.third.id()).status()).isEqualTo(IssueStatus.IGNORED);
	}

	@Test
	void bulkByQuery() {
		this.issues.updateStatus(this.third.id(), IssueStatus.RESOLVED);
		// Without ids and query: the unresolved issues of the project.
		put(list(), """
				{"status": "ignored"}""");
		assertThat(reload(this.first.id()).status()).isEqualTo(IssueStatus.IGNORED);
		assertThat(reload(this.second.id()).status()).isEqualTo(IssueStatus.IGNORED);
		assertThat(reload(this.third.id()).status()).isEqualTo(IssueStatus.RESOLVED);

		put(list() + "?query=" + encode("is:ignored browser:b"), """
				{"status": "unresolved"}""");
		assertThat(reload(this.first.id()).status()).isEqualTo(IssueStatus.IGNORED);
		assertThat(reload(this.second.id()).status()).isEqualTo(IssueStatus.UNRESOLVED);

		// Nothing matches: 204.
		assertThat(send("PUT", list() + "?query=" + encode("browser:none"), """
				{"status": "resolved"}""").statusCode()).isEqualTo(204);
	}

	@Test
	void unknownOrForeignIdsChangeNothing() {
		Project other = project(faultline(), this.slug + "-other");
		Issue elsewhere = issue(other, "f".repeat(32), "Elsewhere");
		assertThat(send("PUT", list() + "?id=" + this.first.id() + "&id=" + elsewhere.id(), """
				{"status": "resolved"}""").statusCode()).isEqualTo(404);
		assertThat(send("PUT", list() + "?id=999999", """
				{"status": "resolved"}""").statusCode()).isEqualTo(404);
		assertThat(badRequest(send("PUT", list() + "?id=abc", """
				{"status": "resolved"}"""))).isEqualTo("id: \"abc\" is not an issue id");
		assertThat(badRequest(send("PUT", list() + "?id=" + this.first.id(), """
				{"status": "resolved", "statusDetails": {"ignoreCount": -1}}"""))).startsWith("statusDetails.");
		assertThat(reload(this.first.id()).status()).isEqualTo(IssueStatus.UNRESOLVED);
	}

	@Test
	void assignToUsersAndTeams() {
		Organization organization = faultline();
		member(organization, this.slug + "@example.com", "member", Set.of("event:read"));
		long memberId = this.users.findByEmail(this.slug + "@example.com").orElseThrow().id();
		Team team = this.organizations.listTeams(organization.id()).get(0);

		JsonNode toUser = put(issue(this.first), """
				{"assignedTo": "user:%d"}""".formatted(memberId));
		assertThat(toUser.path("assignedTo").path("type").asString()).isEqualTo("user");
		assertThat(toUser.path("assignedTo").path("id").asString()).isEqualTo(Long.toString(memberId));
		assertThat(toUser.path("assignedTo").path("email").asString()).isEqualTo(this.slug + "@example.com");
		assertThat(toUser.path("activity").get(0).path("type").asString()).isEqualTo("assigned");

		JsonNode byEmail = put(issue(this.second), """
				{"assignedTo": "%s@example.com"}""".formatted(this.slug));
		assertThat(byEmail.path("assignedTo").path("id").asString()).isEqualTo(Long.toString(memberId));

		JsonNode toTeam = put(list() + "?id=" + this.third.id(), """
				{"assignedTo": "team:%d"}""".formatted(team.id()));
		assertThat(toTeam.path("assignedTo").path("type").asString()).isEqualTo("team");
		assertThat(toTeam.path("assignedTo").path("name").asString()).isEqualTo(team.slug());
		assertThat(reload(this.third.id()).assignee()).isEqualTo(new Assignee.Team(team.id()));

		JsonNode unassigned = put(issue(this.first), """
				{"assignedTo": ""}""");
		assertThat(unassigned.path("assignedTo").isNull()).isTrue();
		assertThat(unassigned.path("activity").get(0).path("type").asString()).isEqualTo("unassigned");
	}

	@Test
	void unknownAndForeignAssigneesAreBadRequests() {
		Organization other = this.organizations.create(this.slug + "-org", "Other");
		member(other, this.slug + "-stranger@example.com", "owner", Set.of("event:read"));
		long strangerId = this.users.findByEmail(this.slug + "-stranger@example.com").orElseThrow().id();
		Team foreignTeam = this.organizations.createTeam(other.id(), "strangers", "Strangers");

		assertThat(badRequest(send("PUT", issue(this.first), """
				{"assignedTo": "nobody@example.com"}""")))
			.isEqualTo("assignedTo: \"nobody@example.com\" is no member or team of this organization");
		assertThat(badRequest(send("PUT", issue(this.first), """
				{"assignedTo": "user:%d"}""".formatted(strangerId)))).startsWith("assignedTo:");
		assertThat(badRequest(send("PUT", issue(this.first), """
				{"assignedTo": "%s-stranger@example.com"}""".formatted(this.slug)))).startsWith("assignedTo:");
		assertThat(badRequest(send("PUT", list() + "?id=" + this.first.id(), """
				{"assignedTo": "team:%d"}""".formatted(foreignTeam.id())))).startsWith("assignedTo:");
		assertThat(reload(this.first.id()).assignee()).isNull();
	}

	@Test
	void assignedSearches() {
		Team team = this.organizations.listTeams(faultline().id()).get(0);
		put(issue(this.first), """
				{"assignedTo": "me"}""");
		put(issue(this.second), """
				{"assignedTo": "#%s"}""".formatted(team.slug()));
		assertThat(search("assigned:me")).containsExactly(this.first.id());
		assertThat(search("assigned:admin@localhost")).containsExactly(this.first.id());
		assertThat(search("assigned:#" + team.slug())).containsExactly(this.second.id());
		assertThat(search("assigned:[me, #" + team.slug() + "]")).containsExactlyInAnyOrder(this.first.id(),
				this.second.id());
		assertThat(search("is:assigned")).containsExactlyInAnyOrder(this.first.id(), this.second.id());
		assertThat(search("is:unassigned")).containsExactly(this.third.id());
		assertThat(search("!assigned:me")).containsExactlyInAnyOrder(this.second.id(), this.third.id());
		assertThat(badRequest(send("GET", list() + "?query=" + encode("assigned:#no-such-team"), null)))
			.contains("#no-such-team");
	}

	@Test
	void bookmarksAndSubscriptionsAreTheCallers() {
		JsonNode bookmarked = put(list() + "?id=" + this.first.id() + "&id=" + this.second.id(), """
				{"isBookmarked": true, "isSubscribed": true, "hasSeen": true}""");
		assertThat(bookmarked.path("isBookmarked").asBoolean()).isTrue();
		assertThat(bookmarked.path("isSubscribed").asBoolean()).isTrue();
		assertThat(search("is:bookmarked")).containsExactlyInAnyOrder(this.first.id(), this.second.id());
		assertThat(search("bookmarks:me")).containsExactlyInAnyOrder(this.first.id(), this.second.id());
		JsonNode row = get(list() + "?query=" + encode("bookmarks:me")).get(0);
		assertThat(row.path("isBookmarked").asBoolean()).isTrue();
		assertThat(row.path("isSubscribed").asBoolean()).isTrue();

		// Another member sees its own bookmarks only.
		String otherToken = member(faultline(), this.slug + "-reader@example.com", "member",
				Set.of("event:read", "event:write"));
		JsonNode seenByOther = json(send("GET", issue(this.first), otherToken, null), 200);
		assertThat(seenByOther.path("isBookmarked").asBoolean()).isFalse();
		assertThat(json(send("GET", list() + "?query=" + encode("is:bookmarked"), otherToken, null), 200)).isEmpty();

		JsonNode removed = put(issue(this.first), """
				{"isBookmarked": false}""");
		assertThat(removed.path("isBookmarked").asBoolean()).isFalse();
		assertThat(search("is:bookmarked")).containsExactly(this.second.id());
		assertThat(badRequest(send("PUT", issue(this.first), """
				{"isBookmarked": "yes"}"""))).isEqualTo("isBookmarked: must be a boolean");
	}

	@Test
	void changesAreAuthorized() {
		Organization other = this.organizations.create(this.slug + "-org", "Other");
		Project foreign = project(other, "foreign");
		Issue theirs = issue(foreign, "e".repeat(32), "Theirs");
		assertThat(send("GET", "/api/0/issues/" + theirs.id() + "/", null).statusCode()).isEqualTo(404);
		assertThat(send("PUT", "/api/0/issues/" + theirs.id() + "/", """
				{"status": "resolved"}""").statusCode()).isEqualTo(404);
		assertThat(send("PUT", "/api/0/projects/faultline/" + this.slug + "/issues/?id=" + theirs.id(), """
				{"status": "resolved"}""").statusCode()).isEqualTo(404);
		assertThat(send("PUT", "/api/0/projects/" + other.slug() + "/foreign/issues/?id=" + theirs.id(), """
				{"status": "resolved"}""").statusCode()).isEqualTo(404);
		assertThat(reload(theirs.id()).status()).isEqualTo(IssueStatus.UNRESOLVED);

		String reader = member(faultline(), this.slug + "-ro@example.com", "member", Set.of("event:read"));
		assertThat(send("GET", issue(this.first), reader, null).statusCode()).isEqualTo(200);
		assertThat(send("PUT", issue(this.first), reader, """
				{"status": "resolved"}""").statusCode()).isEqualTo(403);
		assertThat(send("PUT", list() + "?id=" + this.first.id(), reader, """
				{"status": "resolved"}""").statusCode()).isEqualTo(403);
		assertThat(send("DELETE", issue(this.first), reader, null).statusCode()).isEqualTo(403);
		assertThat(reload(this.first.id()).status()).isEqualTo(IssueStatus.UNRESOLVED);
	}

	private Issue seeded(String letter) {
		String hash = letter.repeat(32);
		Issue issue = issue(this.project, hash, "Error " + letter);
		event(this.project, issue.id(), hash, Instant.now(), null, Map.of("browser", letter), null);
		return reload(issue.id());
	}

	private java.util.List<Long> search(String query) {
		HttpResponse<String> response = send("GET", list() + "?query=" + encode(query), null);
		return ids(json(response, 200));
	}

	private String list() {
		return "/api/0/projects/faultline/" + this.slug + "/issues/";
	}

	private static String issue(Issue issue) {
		return "/api/0/issues/" + issue.id() + "/";
	}

}
