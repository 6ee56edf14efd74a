package dev.faultline.api.issue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Project;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merge (with the redirect of merged-away ids), unmerge by hash, delete, and discard with
 * its tombstones.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + MergeIT.TOKEN, "faultline.admin.password=admin-password" })
class MergeIT extends IssueApiTest {

	static final String TOKEN = "merge-token-0123456789abcdef";

	@Override
	String token() {
		return TOKEN;
	}

	@Test
	void mergeMovesEventsAndRedirects() {
		Project project = project(faultline(), "merged");
		Issue small = seeded(project, "a", 1);
		Issue big = seeded(project, "b", 3);
		Issue other = seeded(project, "c", 1);

		JsonNode merged = put(
				"/api/0/projects/faultline/merged/issues/?id=" + small.id() + "&id=" + big.id() + "&id=" + other.id(),
				"""
						{"merge": 1}""");
		assertThat(merged.path("merge").path("parent").asString()).isEqualTo(Long.toString(big.id()));
		assertThat(merged.path("merge").path("children").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(Long.toString(small.id()), Long.toString(other.id()));

		JsonNode parent = get("/api/0/issues/" + big.id() + "/");
		assertThat(parent.path("count").asString()).isEqualTo("5");
		assertThat(parent.path("activity").get(0).path("type").asString()).isEqualTo("merge");
		assertThat(get("/api/0/issues/" + big.id() + "/events/")).hasSize(5);
		assertThat(get("/api/0/issues/" + big.id() + "/hashes/")).hasSize(3);

		HttpResponse<String> redirect = send("GET", "/api/0/issues/" + small.id() + "/", null);
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/api/0/issues/" + big.id() + "/");
		HttpResponse<String> inOrganization = send("GET", "/api/0/organizations/faultline/issues/" + other.id() + "/",
				null);
		assertThat(inOrganization.statusCode()).isEqualTo(302);
		assertThat(inOrganization.headers().firstValue("Location").orElseThrow())
			.endsWith("/api/0/organizations/faultline/issues/" + big.id() + "/");
		assertThat(ids(get("/api/0/projects/faultline/merged/issues/"))).containsExactly(big.id());
	}

	@Test
	void mergeNeedsTwoIssuesOfOneProject() {
		Project first = project(faultline(), "merge-one");
		Project second = project(faultline(), "merge-two");
		Issue a = seeded(first, "d", 1);
		Issue b = seeded(second, "e", 1);
		assertThat(badRequest(send("PUT", "/api/0/organizations/faultline/issues/?id=" + a.id() + "&id=" + b.id(), """
				{"merge": 1}"""))).startsWith("merge:");
		assertThat(badRequest(send("PUT", "/api/0/projects/faultline/merge-one/issues/?id=" + a.id(), """
				{"merge": 1}"""))).startsWith("merge:");
		assertThat(badRequest(send("PUT", "/api/0/issues/" + a.id() + "/", """
				{"merge": 1}"""))).startsWith("merge:");
		assertThat(this.issues.findById(a.id())).isPresent();
		assertThat(this.issues.findById(b.id())).isPresent();
	}

	@Test
	void unmergeSplitsHashesIntoANewIssue() {
		Project project = project(faultline(), "unmerged");
		Issue parent = seeded(project, "f", 2);
		Issue child = seeded(project, "g", 1);
		put("/api/0/projects/faultline/unmerged/issues/?id=" + parent.id() + "&id=" + child.id(), """
				{"merge": true}""");

		JsonNode hashes = get("/api/0/issues/" + parent.id() + "/hashes/");
		assertThat(hashes).hasSize(2);
		assertThat(hashes.get(0).path("id").asString()).isEqualTo("f".repeat(32));
		assertThat(hashes.get(0).path("eventCount").asLong()).isEqualTo(2);
		assertThat(hashes.get(0).path("latestEvent").path("eventID").asString()).hasSize(32);

		assertThat(send("PUT", "/api/0/issues/" + parent.id() + "/hashes/?id=" + "g".repeat(32), null).statusCode())
			.isEqualTo(202);
		JsonNode remaining = get("/api/0/issues/" + parent.id() + "/");
		assertThat(remaining.path("count").asString()).isEqualTo("2");
		assertThat(remaining.path("activity").get(0).path("type").asString()).isEqualTo("unmerge_source");
		assertThat(get("/api/0/issues/" + parent.id() + "/events/")).hasSize(2);
		List<Long> listed = ids(get("/api/0/projects/faultline/unmerged/issues/"));
		assertThat(listed).hasSize(2).contains(parent.id());
		long created = listed.stream().filter((id) -> id != parent.id()).findFirst().orElseThrow();
		assertThat(get("/api/0/issues/" + created + "/events/")).hasSize(1);
		assertThat(get("/api/0/issues/" + created + "/").path("activity").get(0).path("type").asString())
			.isEqualTo("unmerge_destination");

		assertThat(badRequest(send("DELETE", "/api/0/issues/" + parent.id() + "/hashes/?id=" + "f".repeat(32), null)))
			.startsWith("id:");
		assertThat(badRequest(send("PUT", "/api/0/issues/" + parent.id() + "/hashes/", null))).startsWith("id:");
		assertThat(badRequest(send("PUT", "/api/0/issues/" + parent.id() + "/hashes/?id=nope", null)))
			.startsWith("id:");
	}

	@Test
	void deleteRemovesIssuesAndEvents() {
		Project project = project(faultline(), "deleted");
		Issue single = seeded(project, "h", 2);
		Issue bulkOne = seeded(project, "i", 1);
		Issue bulkTwo = seeded(project, "j", 1);
		Issue kept = seeded(project, "k", 1);

		assertThat(send("DELETE", "/api/0/issues/" + single.id() + "/", null).statusCode()).isEqualTo(202);
		assertThat(send("GET", "/api/0/issues/" + single.id() + "/", null).statusCode()).isEqualTo(404);
		assertThat(this.events.listByIssue(project.id(), single.id(), 0, 10)).isEmpty();

		assertThat(
				send("DELETE", "/api/0/projects/faultline/deleted/issues/?id=" + bulkOne.id() + "&id=" + bulkTwo.id(),
						null)
					.statusCode())
			.isEqualTo(204);
		assertThat(ids(get("/api/0/projects/faultline/deleted/issues/"))).containsExactly(kept.id());

		// The next event with a deleted issue's hash makes a new issue.
		Issue again = this.issues
			.findOrCreate(
					new NewIssue(project.id(), "h".repeat(32), "Again", "", "error", "error", Map.of(), Instant.now()))
			.orElseThrow();
		assertThat(again.id()).isNotEqualTo(single.id());
	}

	@Test
	void discardTombstonesHashes() {
		Project project = project(faultline(), "discarded");
		Issue discarded = seeded(project, "l", 2);
		Issue kept = seeded(project, "m", 1);

		assertThat(send("PUT", "/api/0/projects/faultline/discarded/issues/?id=" + discarded.id(), """
				{"discard": true}""").statusCode()).isEqualTo(204);
		assertThat(ids(get("/api/0/projects/faultline/discarded/issues/"))).containsExactly(kept.id());
		assertThat(this.events.listByIssue(project.id(), discarded.id(), 0, 10)).isEmpty();
		assertThat(this.issues.findOrCreate(
				new NewIssue(project.id(), "l".repeat(32), "Dropped", "", "error", "error", Map.of(), Instant.now())))
			.isEmpty();

		JsonNode tombstones = get("/api/0/projects/faultline/discarded/tombstones/");
		assertThat(tombstones).hasSize(1);
		JsonNode tombstone = tombstones.get(0);
		assertThat(tombstone.path("metadata").path("title").asString()).isEqualTo("Error l");
		assertThat(tombstone.path("level").asString()).isEqualTo("error");
		assertThat(tombstone.path("type").asString()).isEqualTo("error");
		assertThat(tombstone.path("actor").path("email").asString()).isEqualTo("admin@localhost");
		assertThat(tombstone.path("dateAdded").asString()).endsWith("Z");

		String path = "/api/0/projects/faultline/discarded/tombstones/" + tombstone.path("id").asString() + "/";
		assertThat(send("DELETE", path, null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", path, null).statusCode()).isEqualTo(404);
		assertThat(get("/api/0/projects/faultline/discarded/tombstones/")).isEmpty();
		assertThat(this.issues.findOrCreate(new NewIssue(project.id(), "l".repeat(32), "Grouped again", "", "error",
				"error", Map.of(), Instant.now())))
			.isPresent();
	}

	private Issue seeded(Project project, String letter, int count) {
		String hash = letter.repeat(32);
		Issue issue = this.issues
			.findOrCreate(new NewIssue(project.id(), hash, "Error " + letter, "shop.Orders", "error", "error", Map.of(),
					Instant.now()))
			.orElseThrow();
		for (int i = 0; i < count; i++) {
			event(project, issue.id(), hash, Instant.now().minusSeconds(60 - i), null, Map.of(), null);
		}
		return reload(issue.id());
	}

}
