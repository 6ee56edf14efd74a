package dev.faultline.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizations and their people on a running Faultline: a new organization with its
 * first team, a person invited with a copyable link (no SMTP server here) who accepts it
 * by creating an account, a team joined, a role changed, and the member removed while the
 * organization keeps its projects. Subclasses expose a running Faultline of one shape.
 */
abstract class PeopleContract {

	abstract FaultlineApi api();

	@Test
	void anInvitedPersonJoinsAndLeavesAnOrganization() {
		String slug = "people-" + Long.toString(System.nanoTime(), 36);
		JsonNode organization = api().post("/api/0/organizations/", Map.of("name", slug));
		assertThat(organization.path("slug").asString()).isEqualTo(slug);
		String org = "/api/0/organizations/" + slug + "/";
		api().post("/api/0/teams/" + slug + "/" + slug + "/projects/", Map.of("name", "kept"));

		String email = slug + "@example.com";
		JsonNode invited = api().post(org + "members/",
				Map.of("email", email, "orgRole", "admin", "teams", List.of(slug), "sendInvite", false));
		assertThat(invited.path("pending").asBoolean()).isTrue();
		assertThat(invited.path("inviteMailed").asBoolean()).isFalse();
		String link = invited.path("inviteLink").asString();
		String accept = "/api/0/accept-invite" + link.substring(link.indexOf("/accept/") + "/accept".length());
		assertThat(api().send("GET", accept, null, 200).path("email").asString()).isEqualTo(email);
		api().send("POST", accept, Map.of("name", "Newcomer", "password", "newcomer-password"), 200);
		api().send("GET", accept, null, 404);

		JsonNode member = member(org, email);
		assertThat(member.path("pending").asBoolean()).isFalse();
		assertThat(member.path("orgRole").asString()).isEqualTo("admin");
		assertThat(member.path("teams").values()).extracting(JsonNode::asString).containsExactly(slug);
		String id = member.path("id").asString();
		assertThat(api().put(org + "members/" + id + "/", Map.of("orgRole", "member")).path("orgRole").asString())
			.isEqualTo("member");
		JsonNode team = api().post(org + "teams/", Map.of("name", "Night Shift"));
		api().send("POST", org + "members/" + id + "/teams/" + team.path("slug").asString() + "/", null, 201);
		assertThat(member(org, email).path("teams").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder(slug, "night-shift");

		api().send("DELETE", org + "members/" + id + "/", null, 204);
		assertThat(api().get(org + "members/").values()).extracting((m) -> m.path("email").asString())
			.doesNotContain(email);
		assertThat(api().get(org + "projects/").values()).extracting((p) -> p.path("slug").asString()).contains("kept");
	}

	private JsonNode member(String org, String email) {
		for (JsonNode member : api().get(org + "members/").values()) {
			if (member.path("email").asString().equals(email)) {
				return member;
			}
		}
		throw new AssertionError("no member " + email);
	}

}
