package dev.faultline.api.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;

import java.util.Map;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.bootstrap.Passwords;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal and organization tokens through the Web API, on Sentry's paths: created from a
 * signed-in session (personal) or by any member (organization), shown once, accepted as
 * bearer tokens with their scopes and only within their reach, their last use recorded,
 * and refused as soon as they are revoked.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + TokenApiIT.ADMIN_TOKEN, "faultline.admin.password=admin-password",
				"faultline.public-url=https://errors.example.com/" })
class TokenApiIT extends EmbeddedApplicationTest {

	static final String ADMIN_TOKEN = "token-api-admin-0123456789";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	UserStore users;

	@Autowired
	OrganizationStore organizations;

	@Test
	void personalTokensAreManagedFromASessionAndShownOnce() throws Exception {
		Session session = signIn("admin@localhost", "admin-password");

		JsonNode created = jsonBody(session.send("POST", "/api/0/api-tokens/",
				"{\"name\":\"laptop\",\"scopes\":[\"org:read\",\"event:read\"]}"), 201);
		String secret = created.path("token").asString();
		assertThat(secret).matches("sntryu_[0-9a-f]{64}");
		assertThat(created.path("scopes").values()).extracting(JsonNode::asString)
			.containsExactly("event:read", "org:read");
		assertThat(created.path("tokenLastCharacters").asString()).isEqualTo(secret.substring(secret.length() - 4));
		assertThat(created.path("dateLastUsed").isNull()).isTrue();

		// Listed without the secret.
		JsonNode list = jsonBody(session.send("GET", "/api/0/api-tokens/", null), 200);
		JsonNode listed = find(list, created.path("id").asString());
		assertThat(listed.path("name").asString()).isEqualTo("laptop");
		assertThat(listed.path("token").isNull()).isTrue();

		// The token works with its scopes, and records its use.
		JsonNode info = jsonBody(request("GET", "/api/0/", secret), 200);
		assertThat(info.path("auth").path("scopes").values()).extracting(JsonNode::asString)
			.containsExactly("event:read", "org:read");
		assertThat(request("GET", "/api/0/organizations/faultline/", secret).statusCode()).isEqualTo(200);
		assertThat(request("POST", "/api/0/teams/faultline/faultline/projects/", secret, "{\"name\":\"Nope\"}")
			.statusCode()).isEqualTo(403);
		JsonNode used = find(jsonBody(session.send("GET", "/api/0/api-tokens/", null), 200),
				created.path("id").asString());
		assertThat(used.path("dateLastUsed").asString()).endsWith("Z");

		// A token cannot manage tokens.
		assertThat(request("GET", "/api/0/api-tokens/", secret).statusCode()).isEqualTo(403);
		assertThat(request("POST", "/api/0/api-tokens/", ADMIN_TOKEN, "{\"scopes\":[\"org:read\"]}").statusCode())
			.isEqualTo(403);

		// Bad scopes are refused.
		assertThat(session.send("POST", "/api/0/api-tokens/", "{\"scopes\":[]}").statusCode()).isEqualTo(400);
		assertThat(session.send("POST", "/api/0/api-tokens/", "{\"scopes\":[\"org:everything\"]}").statusCode())
			.isEqualTo(400);

		// Revoked: refused at once.
		assertThat(
				session.send("DELETE", "/api/0/api-tokens/", "{\"tokenId\":\"" + created.path("id").asString() + "\"}")
					.statusCode())
			.isEqualTo(204);
		HttpResponse<String> revoked = request("GET", "/api/0/", secret);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(
				session.send("DELETE", "/api/0/api-tokens/" + created.path("id").asString() + "/", null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aPersonalTokenDoesNoMoreThanItsUsersRole() throws Exception {
		Organization faultline = this.organizations.findBySlug("faultline").orElseThrow();
		User member = this.users.create("member@example.com", "Member", Passwords.encoder().encode("member-pass"));
		this.organizations.addMember(faultline.id(), member.id(), "member");
		Session session = signIn("member@example.com", "member-pass");
		String secret = jsonBody(session.send("POST", "/api/0/api-tokens/",
				"{\"name\":\"greedy\",\"scopes\":[\"org:read\",\"project:write\"]}"), 201)
			.path("token")
			.asString();
		assertThat(request("GET", "/api/0/organizations/faultline/projects/", secret).statusCode()).isEqualTo(200);
		assertThat(request("POST", "/api/0/teams/faultline/faultline/projects/", secret, "{\"name\":\"Nope\"}")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void organizationTokensCarrySentrysPayloadAndStayInTheirOrganization() throws Exception {
		JsonNode created = jsonBody(request("POST", "/api/0/organizations/faultline/org-auth-tokens/", ADMIN_TOKEN,
				"{\"name\":\"deploys\"}"), 201);
		String secret = created.path("token").asString();
		assertThat(created.path("scopes").values()).extracting(JsonNode::asString).containsExactly("org:ci");
		String[] parts = secret.split("_");
		assertThat(parts).hasSize(3);
		assertThat(parts[0]).isEqualTo("sntrys");
		JsonNode payload = JSON.readTree(new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		assertThat(payload.path("org").asString()).isEqualTo("faultline");
		assertThat(payload.path("url").asString()).isEqualTo("https://errors.example.com");
		assertThat(payload.path("region_url").asString()).isEqualTo("https://errors.example.com");
		assertThat(payload.path("iat").isNumber()).isTrue();
		assertThat(parts[2]).doesNotEndWith("=");
		assertThat(Base64.getDecoder().decode(parts[2])).hasSize(32);

		// What CI does: releases in its organization.
		jsonBody(request("POST", "/api/0/teams/faultline/faultline/projects/", ADMIN_TOKEN, "{\"name\":\"ci-web\"}"),
				201);
		assertThat(request("POST", "/api/0/organizations/faultline/releases/", secret,
				"{\"version\":\"ci@1.0.0\",\"projects\":[\"ci-web\"]}")
			.statusCode()).isEqualTo(201);
		JsonNode info = jsonBody(request("GET", "/api/0/", secret), 200);
		assertThat(info.path("user").isNull()).isTrue();
		assertThat(info.path("auth").path("scopes").values()).extracting(JsonNode::asString).containsExactly("org:ci");
		// Nothing beyond: no issues, no settings, no tokens, no other organization.
		assertThat(request("GET", "/api/0/organizations/faultline/issues/", secret).statusCode()).isEqualTo(403);
		assertThat(request("GET", "/api/0/organizations/faultline/org-auth-tokens/", secret).statusCode())
			.isEqualTo(403);
		Organization other = this.organizations.create("elsewhere", "Elsewhere");
		User admin = this.users.findByEmail("admin@localhost").orElseThrow();
		this.organizations.addMember(other.id(), admin.id(), "owner");
		assertThat(request("POST", "/api/0/organizations/elsewhere/releases/", secret,
				"{\"version\":\"ci@1.0.0\",\"projects\":[\"ci-web\"]}")
			.statusCode()).isEqualTo(404);

		// Listed without the secret, with its last use.
		JsonNode listed = find(
				jsonBody(request("GET", "/api/0/organizations/faultline/org-auth-tokens/", ADMIN_TOKEN), 200),
				created.path("id").asString());
		assertThat(listed.path("token").isNull()).isTrue();
		assertThat(listed.path("tokenLastCharacters").asString()).isEqualTo(secret.substring(secret.length() - 4));
		assertThat(listed.path("dateLastUsed").asString()).endsWith("Z");
		// Not visible from another organization.
		assertThat(
				request("GET", "/api/0/organizations/elsewhere/org-auth-tokens/" + created.path("id").asString() + "/",
						ADMIN_TOKEN)
					.statusCode())
			.isEqualTo(404);

		assertThat(
				request("PUT", "/api/0/organizations/faultline/org-auth-tokens/" + created.path("id").asString() + "/",
						ADMIN_TOKEN, "{\"name\":\"releases\"}")
					.statusCode())
			.isEqualTo(204);
		assertThat(request("DELETE",
				"/api/0/organizations/faultline/org-auth-tokens/" + created.path("id").asString() + "/", ADMIN_TOKEN)
			.statusCode()).isEqualTo(204);
		assertThat(request("GET", "/api/0/", secret).statusCode()).isEqualTo(401);
	}

	@Test
	void membersCreateOrganizationTokensButRevokeOnlyTheirOwnWithoutOrgWrite() throws Exception {
		Organization faultline = this.organizations.findBySlug("faultline").orElseThrow();
		User member = this.users.create("ci-member@example.com", "CI", Passwords.encoder().encode("ci-member-pass"));
		this.organizations.addMember(faultline.id(), member.id(), "member");
		Session session = signIn("ci-member@example.com", "ci-member-pass");
		String own = jsonBody(
				session.send("POST", "/api/0/organizations/faultline/org-auth-tokens/", "{\"name\":\"mine\"}"), 201)
			.path("id")
			.asString();
		String admins = jsonBody(request("POST", "/api/0/organizations/faultline/org-auth-tokens/", ADMIN_TOKEN,
				"{\"name\":\"admins\"}"), 201)
			.path("id")
			.asString();
		assertThat(session.send("POST", "/api/0/organizations/faultline/org-auth-tokens/", "{\"name\":\" \"}")
			.statusCode()).isEqualTo(400);
		assertThat(session.send("DELETE", "/api/0/organizations/faultline/org-auth-tokens/" + admins + "/", null)
			.statusCode()).isEqualTo(403);
		assertThat(session.send("DELETE", "/api/0/organizations/faultline/org-auth-tokens/" + own + "/", null)
			.statusCode()).isEqualTo(204);
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode item : list.values()) {
			if (item.path("id").asString().equals(id)) {
				return item;
			}
		}
		throw new AssertionError("no " + id + " in " + list);
	}

	private Session signIn(String email, String password) throws Exception {
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(url("/api/0/auth/login/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("email", email, "password", password))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		Map<String, String> cookies = new HashMap<>();
		for (String header : login.headers().allValues("Set-Cookie")) {
			String pair = header.substring(0, header.indexOf(';'));
			cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
		}
		return new Session(cookies.get("faultline_session"), cookies.get("faultline_csrf"));
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private final class Session {

		private final String session;

		private final String csrf;

		Session(String session, String csrf) {
			this.session = session;
			this.csrf = csrf;
		}

		HttpResponse<String> send(String method, String path, @Nullable String json) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
				.method(method,
						(json != null) ? HttpRequest.BodyPublishers.ofString(json)
								: HttpRequest.BodyPublishers.noBody())
				.header("Cookie", "faultline_session=" + this.session)
				.header("X-CSRFToken", this.csrf);
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			return TokenApiIT.this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
