package dev.faultline.api.issue;

import java.util.Set;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.storage.metadata.Organization;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved searches (owner-only and shared) and the organization's member list.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + SavedSearchIT.TOKEN, "faultline.admin.password=admin-password" })
class SavedSearchIT extends IssueApiTest {

	static final String TOKEN = "saved-token-0123456789abcdef";

	@Override
	String token() {
		return TOKEN;
	}

	@Test
	void visibilityIsOwnerOrOrganization() {
		String searches = "/api/0/organizations/faultline/searches/";
		String colleague = member(faultline(), "peer@example.com", "member", Set.of("org:read", "event:read"));

		JsonNode mine = json(send("POST", searches, """
				{"type": 0, "name": "Mine", "query": "is:unresolved assigned:me"}"""), 201);
		assertThat(mine.path("visibility").asString()).isEqualTo("owner");
		assertThat(mine.path("sort").asString()).isEqualTo("date");
		assertThat(mine.path("type").asInt()).isZero();
		assertThat(mine.path("isGlobal").asBoolean()).isFalse();
		assertThat(mine.path("isPinned").asBoolean()).isFalse();
		assertThat(mine.path("dateCreated").asString()).endsWith("Z");
		JsonNode shared = json(send("POST", searches, """
				{"type": 0, "name": "Shared", "query": "level:error", "sort": "freq", "visibility": "organization"}"""),
				201);
		assertThat(shared.path("visibility").asString()).isEqualTo("organization");

		assertThat(get(searches).valueStream().map((search) -> search.path("name").asString())).containsExactly("Mine",
				"Shared");
		JsonNode seenByColleague = json(send("GET", searches, colleague, null), 200);
		assertThat(seenByColleague.valueStream().map((search) -> search.path("name").asString()))
			.containsExactly("Shared");

		// Only the owner deletes.
		String sharedPath = searches + shared.path("id").asString() + "/";
		assertThat(send("DELETE", sharedPath, colleague, null).statusCode()).isEqualTo(404);
		assertThat(send("DELETE", sharedPath, null).statusCode()).isEqualTo(204);
		assertThat(json(send("GET", searches, colleague, null), 200)).isEmpty();
	}

	@Test
	void invalidSearchesAreBadRequests() {
		String searches = "/api/0/organizations/faultline/searches/";
		assertThat(badRequest(send("POST", searches, """
				{"type": 0, "query": "is:resolved"}"""))).startsWith("name:");
		assertThat(badRequest(send("POST", searches, """
				{"type": 0, "name": "Broken", "query": "level:\\"open"}"""))).contains("at position");
		assertThat(badRequest(send("POST", searches, """
				{"type": 0, "name": "Sorted", "query": "", "sort": "random"}"""))).startsWith("sort:");
		assertThat(badRequest(send("POST", searches, """
				{"type": 0, "name": "Seen", "query": "", "visibility": "everyone"}"""))).startsWith("visibility:");
		assertThat(badRequest(send("POST", searches, """
				{"type": 1, "name": "Events", "query": ""}"""))).startsWith("type:");
		json(send("POST", searches, """
				{"type": 0, "name": "Twice", "query": ""}"""), 201);
		assertThat(badRequest(send("POST", searches, """
				{"type": 0, "name": "Twice", "query": "is:resolved"}"""))).startsWith("name:");
	}

	// Request bodies are parsed under ClientJson's limits: the parser stops at depth 129
	// with a 400 that says why, before 10,000 levels cost stack or memory.
	@Test
	void deeplyNestedBodiesAreBadRequests() {
		String nested = "{\"type\": 0, \"name\": \"Deep\", \"query\": \"\", \"extra\": " + "[".repeat(10_000)
				+ "]".repeat(10_000) + "}";
		assertThat(badRequest(send("POST", "/api/0/organizations/faultline/searches/", nested)))
			.contains("nests deeper than 128");
	}

	@Test
	void membersListTheOrganization() {
		Organization other = this.organizations.create("elsewhere", "Elsewhere");
		member(other, "outsider@example.com", "owner", Set.of("org:read"));
		member(faultline(), "insider@example.com", "admin", Set.of("org:read"));
		JsonNode members = get("/api/0/organizations/faultline/members/");
		assertThat(members.valueStream().map((member) -> member.path("email").asString()))
			.contains("admin@localhost", "insider@example.com")
			.doesNotContain("outsider@example.com");
		JsonNode insider = members.valueStream()
			.filter((member) -> member.path("email").asString().equals("insider@example.com"))
			.findFirst()
			.orElseThrow();
		assertThat(insider.path("role").asString()).isEqualTo("admin");
		assertThat(insider.path("user").path("email").asString()).isEqualTo("insider@example.com");
		assertThat(insider.path("user").path("username").asString()).isEqualTo("insider@example.com");
		assertThat(insider.path("id").asString()).isEqualTo(insider.path("user").path("id").asString());
		assertThat(send("GET", "/api/0/organizations/elsewhere/members/", null).statusCode()).isEqualTo(404);
	}

}
