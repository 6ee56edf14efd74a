package dev.faultline.api.member;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Organizations and their people through the Web API, with invitations mailed through a
 * real SMTP server (GreenMail): an organization created by a user, a member invited by
 * email who accepts by the link and gets an account, role changes within the caller's own
 * rank, teams created, renamed, joined, left and deleted, members leaving and the only
 * owner kept.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + PeopleApiIT.ADMIN_TOKEN, "faultline.admin.password=admin-password",
				"faultline.public-url=http://faultline.example" })
class PeopleApiIT extends EmbeddedApplicationTest {

	static final String ADMIN_TOKEN = "people-api-admin-0123456789";

	private static final GreenMail SMTP = startSmtp();

	private final HttpClient http = HttpClient.newHttpClient();

	private static GreenMail startSmtp() {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return smtp;
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("faultline.people.mail.host", () -> "127.0.0.1");
		registry.add("faultline.people.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("faultline.people.mail.from", () -> "faultline@example.com");
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@Test
	void anInvitedPersonJoinsByTheMailedLinkAndRolesStayWithinRank() throws Exception {
		JsonNode organization = jsonBody(
				request("POST", "/api/0/organizations/", ADMIN_TOKEN, "{\"name\":\"Acme Rockets\"}"), 201);
		assertThat(organization.path("slug").asString()).isEqualTo("acme-rockets");
		assertThat(organization.path("role").asString()).isEqualTo("owner");
		assertThat(organization.path("openMembership").asBoolean()).isTrue();
		String org = "/api/0/organizations/acme-rockets/";
		JsonNode teams = jsonBody(request("GET", org + "teams/", ADMIN_TOKEN), 200);
		assertThat(teams).singleElement().satisfies((team) -> {
			assertThat(team.path("slug").asString()).isEqualTo("acme-rockets");
			assertThat(team.path("isMember").asBoolean()).isTrue();
			assertThat(team.path("teamRole").asString()).isEqualTo("admin");
			assertThat(team.path("memberCount").asInt()).isEqualTo(1);
		});

		// Invited by email: the mail carries the link the API hands back.
		JsonNode invited = jsonBody(request("POST", org + "members/", ADMIN_TOKEN,
				"{\"email\":\"carol@example.com\",\"orgRole\":\"manager\",\"teams\":[\"acme-rockets\"]}"), 201);
		assertThat(invited.path("pending").asBoolean()).isTrue();
		assertThat(invited.path("orgRole").asString()).isEqualTo("manager");
		assertThat(invited.path("inviteMailed").asBoolean()).isTrue();
		String link = invited.path("inviteLink").asString();
		assertThat(link)
			.startsWith("http://faultline.example/accept/acme-rockets/" + invited.path("id").asString() + "/");
		assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = SMTP.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("carol@example.com");
		assertThat(mail.getSubject()).contains("Acme Rockets");
		assertThat((String) mail.getContent()).contains(link);
		assertThat(request("POST", org + "members/", ADMIN_TOKEN, "{\"email\":\"carol@example.com\"}").statusCode())
			.isEqualTo(409);
		JsonNode list = jsonBody(request("GET", org + "members/", ADMIN_TOKEN), 200);
		assertThat(list.values())
			.extracting((member) -> member.path("email").asString(), (member) -> member.path("pending").asBoolean())
			.contains(tuple("carol@example.com", true));
		assertThat(list.values()).allSatisfy((member) -> assertThat(member.path("inviteLink").isNull()).isTrue());

		// The link: what it is for, then an account made with it.
		String accept = "/api/0/accept-invite" + link.substring(link.indexOf("/accept") + "/accept".length());
		JsonNode details = jsonBody(request("GET", accept, null), 200);
		assertThat(details.path("email").asString()).isEqualTo("carol@example.com");
		assertThat(details.path("needsAuthentication").asBoolean()).isTrue();
		assertThat(details.path("hasAccount").asBoolean()).isFalse();
		assertThat(request("GET", accept.replace("/i", "/i9"), null).statusCode()).isEqualTo(404);
		assertThat(request("POST", accept, null, "{\"name\":\"Carol\",\"password\":\"short\"}").statusCode())
			.isEqualTo(400);
		HttpResponse<String> joined = request("POST", accept, null,
				"{\"name\":\"Carol\",\"password\":\"carol-password\"}");
		assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
		Session carol = session(joined);
		assertThat(request("POST", accept, null, "{\"name\":\"Carol\",\"password\":\"carol-password\"}").statusCode())
			.isEqualTo(404);
		JsonNode carolInOrg = jsonBody(carol.send("GET", org, null), 200);
		assertThat(carolInOrg.path("role").asString()).isEqualTo("manager");
		JsonNode members = jsonBody(request("GET", org + "members/", ADMIN_TOKEN), 200);
		JsonNode carolMember = members.values()
			.stream()
			.filter((member) -> member.path("email").asString().equals("carol@example.com"))
			.findFirst()
			.orElseThrow();
		assertThat(carolMember.path("pending").asBoolean()).isFalse();
		assertThat(carolMember.path("teams").values()).extracting(JsonNode::asString).containsExactly("acme-rockets");
		String carolId = carolMember.path("id").asString();
		String adminId = members.values()
			.stream()
			.filter((member) -> member.path("orgRole").asString().equals("owner"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();

		// Within rank: a manager cannot make anyone an owner, nor change an owner.
		assertThat(carol.send("PUT", org + "members/" + carolId + "/", "{\"orgRole\":\"owner\"}").statusCode())
			.isEqualTo(403);
		assertThat(carol.send("PUT", org + "members/" + adminId + "/", "{\"orgRole\":\"member\"}").statusCode())
			.isEqualTo(403);
		assertThat(carol.send("DELETE", org + "members/" + adminId + "/", null).statusCode()).isEqualTo(403);
		// The only owner stays one.
		assertThat(
				request("PUT", org + "members/" + adminId + "/", ADMIN_TOKEN, "{\"orgRole\":\"manager\"}").statusCode())
			.isEqualTo(400);
		assertThat(request("DELETE", org + "members/" + adminId + "/", ADMIN_TOKEN).statusCode()).isEqualTo(403);
		JsonNode demoted = jsonBody(
				request("PUT", org + "members/" + carolId + "/", ADMIN_TOKEN, "{\"orgRole\":\"member\"}"), 200);
		assertThat(demoted.path("orgRole").asString()).isEqualTo("member");
		assertThat(carol.send("POST", org + "members/", "{\"email\":\"dave@example.com\"}").statusCode())
			.isEqualTo(403);

		teamsFollowTheirRules(carol, org, carolId);

		// Leaving keeps the organization's data: the project stays; Carol sees nothing.
		assertThat(carol.send("DELETE", org + "members/" + carolId + "/", null).statusCode()).isEqualTo(204);
		assertThat(carol.send("GET", org, null).statusCode()).isEqualTo(404);
		assertThat(jsonBody(request("GET", org + "projects/", ADMIN_TOKEN), 200).values())
			.extracting((project) -> project.path("slug").asString())
			.contains("api");
	}

	@Test
	void anInvitationCanBeSharedByLinkRenewedAndWithdrawn() throws Exception {
		String org = "/api/0/organizations/faultline/";
		JsonNode invited = jsonBody(request("POST", org + "members/", ADMIN_TOKEN,
				"{\"email\":\"erin@example.com\",\"role\":\"admin\",\"sendInvite\":false}"), 201);
		assertThat(invited.path("inviteMailed").asBoolean()).isFalse();
		String first = invited.path("inviteLink").asString();
		String id = invited.path("id").asString();
		assertThat(id).startsWith("i");
		JsonNode renewed = jsonBody(request("PUT", org + "members/" + id + "/", ADMIN_TOKEN, "{\"regenerate\":true}"),
				200);
		String second = renewed.path("inviteLink").asString();
		assertThat(second).isNotEqualTo(first);
		assertThat(request("GET", acceptPath(first), null).statusCode()).isEqualTo(404);
		assertThat(request("GET", acceptPath(second), null).statusCode()).isEqualTo(200);
		assertThat(jsonBody(request("GET", org + "members/" + id + "/", ADMIN_TOKEN), 200).path("orgRole").asString())
			.isEqualTo("admin");
		// Another organization's member id paths do not reach it.
		jsonBody(request("POST", "/api/0/organizations/", ADMIN_TOKEN, "{\"name\":\"Other Org\"}"), 201);
		assertThat(request("DELETE", "/api/0/organizations/other-org/members/" + id + "/", ADMIN_TOKEN).statusCode())
			.isEqualTo(404);
		assertThat(request("DELETE", org + "members/" + id + "/", ADMIN_TOKEN).statusCode()).isEqualTo(204);
		assertThat(request("GET", acceptPath(second), null).statusCode()).isEqualTo(404);
	}

	private void teamsFollowTheirRules(Session carol, String org, String carolId) throws Exception {
		// Teams: created by the owner, joined by a member under open membership, renamed,
		// deleted once empty of projects.
		JsonNode backend = jsonBody(request("POST", org + "teams/", ADMIN_TOKEN, "{\"name\":\"Backend\"}"), 201);
		assertThat(backend.path("slug").asString()).isEqualTo("backend");
		assertThat(carol.send("POST", org + "teams/", "{\"name\":\"Mine\"}").statusCode()).isEqualTo(403);
		assertThat(carol.send("POST", org + "members/" + carolId + "/teams/backend/", null).statusCode())
			.isEqualTo(201);
		assertThat(jsonBody(request("GET", "/api/0/teams/acme-rockets/backend/members/", ADMIN_TOKEN), 200).values())
			.extracting((member) -> member.path("email").asString())
			.contains("carol@example.com");
		assertThat(carol.send("DELETE", org + "members/" + carolId + "/teams/backend/", null).statusCode())
			.isEqualTo(200);
		jsonBody(request("PUT", org, ADMIN_TOKEN, "{\"openMembership\":false}"), 200);
		assertThat(carol.send("POST", org + "members/" + carolId + "/teams/backend/", null).statusCode())
			.isEqualTo(403);
		assertThat(request("POST", org + "members/" + carolId + "/teams/backend/", ADMIN_TOKEN).statusCode())
			.isEqualTo(201);
		assertThat(carol.send("PUT", "/api/0/teams/acme-rockets/backend/", "{\"name\":\"Server\"}").statusCode())
			.isEqualTo(403);
		JsonNode renamed = jsonBody(request("PUT", "/api/0/teams/acme-rockets/backend/", ADMIN_TOKEN,
				"{\"name\":\"Server\",\"slug\":\"server\"}"), 200);
		assertThat(renamed.path("slug").asString()).isEqualTo("server");
		jsonBody(request("POST", "/api/0/teams/acme-rockets/server/projects/", ADMIN_TOKEN, "{\"name\":\"api\"}"), 201);
		assertThat(request("DELETE", "/api/0/teams/acme-rockets/server/", ADMIN_TOKEN).statusCode()).isEqualTo(409);
		jsonBody(request("POST", org + "teams/", ADMIN_TOKEN, "{\"name\":\"Empty\"}"), 201);
		assertThat(request("DELETE", "/api/0/teams/acme-rockets/empty/", ADMIN_TOKEN).statusCode()).isEqualTo(204);
	}

	private static String acceptPath(String link) {
		return "/api/0/accept-invite" + link.substring(link.indexOf("/accept/") + "/accept".length());
	}

	private Session session(HttpResponse<String> signedIn) {
		Map<String, String> cookies = new HashMap<>();
		for (String header : signedIn.headers().allValues("Set-Cookie")) {
			String pair = header.substring(0, header.indexOf(';'));
			cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		assertThat(cookies).containsKeys("faultline_session", "faultline_csrf");
		return new Session(cookies.get("faultline_session"), cookies.get("faultline_csrf"));
	}

	private final class Session {

		private final String session;

		private final String csrf;

		Session(String session, String csrf) {
			this.session = session;
			this.csrf = csrf;
		}

		HttpResponse<String> send(String method, String path, @Nullable String json) throws Exception {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + PeopleApiIT.this.port + path))
				.method(method,
						(json != null) ? HttpRequest.BodyPublishers.ofString(json)
								: HttpRequest.BodyPublishers.noBody())
				.header("Cookie", "faultline_session=" + this.session)
				.header("X-CSRFToken", this.csrf);
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			return PeopleApiIT.this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
