package dev.faultline.api.issue;

import java.util.Map;
import java.util.Set;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.Project;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments on issues: markdown kept verbatim, counted on the issue, edited and deleted by
 * their author only.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + IssueCommentIT.TOKEN, "faultline.admin.password=admin-password" })
class IssueCommentIT extends IssueApiTest {

	static final String TOKEN = "comment-token-0123456789abcdef";

	private static final String MARKDOWN = "**Fixed** in `checkout` <script>alert(1)</script>\n\n- [x] \"quoted\" & done";

	@Override
	String token() {
		return TOKEN;
	}

	@Test
	void commentsAreKeptVerbatimAndCounted() {
		Project project = project(faultline(), "commented");
		Issue issue = issue(project, "a".repeat(32), "Commented");
		String path = "/api/0/issues/" + issue.id() + "/";

		JsonNode created = json(send("POST", path + "comments/", JSON.writeValueAsString(Map.of("text", MARKDOWN))),
				201);
		assertThat(created.path("type").asString()).isEqualTo("note");
		assertThat(created.path("data").path("text").asString()).isEqualTo(MARKDOWN);
		assertThat(created.path("user").path("email").asString()).isEqualTo("admin@localhost");
		assertThat(created.path("dateCreated").asString()).endsWith("Z");
		json(send("POST", path + "notes/", """
				{"text": "second"}"""), 201);

		JsonNode detail = get(path);
		assertThat(detail.path("numComments").asInt()).isEqualTo(2);
		assertThat(detail.path("isSubscribed").asBoolean()).isTrue();
		assertThat(detail.path("activity").get(1).path("data").path("text").asString()).isEqualTo(MARKDOWN);
		assertThat(get("/api/0/projects/faultline/commented/issues/").get(0).path("numComments").asInt()).isEqualTo(2);
		assertThat(activityTypes(get(path + "activities/").path("activity"))).containsExactly("note", "note",
				"first_seen");

		String comment = path + "comments/" + created.path("id").asString() + "/";
		JsonNode edited = put(comment, """
				{"text": "edited _text_"}""");
		assertThat(edited.path("data").path("text").asString()).isEqualTo("edited _text_");
		assertThat(edited.path("id").asString()).isEqualTo(created.path("id").asString());

		assertThat(send("DELETE", comment, null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", comment, null).statusCode()).isEqualTo(404);
		assertThat(get(path).path("numComments").asInt()).isEqualTo(1);
	}

	@Test
	void onlyTheAuthorEditsOrDeletes() {
		Project project = project(faultline(), "guarded");
		Issue issue = issue(project, "b".repeat(32), "Guarded");
		String path = "/api/0/issues/" + issue.id() + "/";
		JsonNode created = json(send("POST", path + "comments/", """
				{"text": "mine"}"""), 201);
		String comment = path + "comments/" + created.path("id").asString() + "/";

		String other = member(faultline(), "colleague@example.com", "member", Set.of("event:read", "event:write"));
		assertThat(send("PUT", comment, other, """
				{"text": "theirs"}""").statusCode()).isEqualTo(404);
		assertThat(send("DELETE", comment, other, null).statusCode()).isEqualTo(404);
		JsonNode theirs = json(send("POST", path + "comments/", other, """
				{"text": "theirs"}"""), 201);
		assertThat(theirs.path("user").path("email").asString()).isEqualTo("colleague@example.com");
		assertThat(get(path).path("activity").get(1).path("data").path("text").asString()).isEqualTo("mine");
	}

	@Test
	void invalidCommentsAreBadRequests() {
		Project project = project(faultline(), "validated");
		Issue issue = issue(project, "c".repeat(32), "Validated");
		String comments = "/api/0/issues/" + issue.id() + "/comments/";
		assertThat(badRequest(send("POST", comments, "{}"))).startsWith("text:");
		assertThat(badRequest(send("POST", comments, """
				{"text": "   "}"""))).isEqualTo("text: may not be blank");
		assertThat(badRequest(send("POST", comments, """
				{"text": 5}"""))).startsWith("text:");
		assertThat(badRequest(send("POST", comments, "{\"text\": \"" + "x".repeat(10_001) + "\"}")))
			.isEqualTo("text: at most 10000 characters");
		assertThat(json(send("POST", comments, "{\"text\": \"" + "x".repeat(10_000) + "\"}"), 201)).isNotNull();
		assertThat(send("POST", "/api/0/issues/999999/comments/", """
				{"text": "nowhere"}""").statusCode()).isEqualTo(404);
	}

}
