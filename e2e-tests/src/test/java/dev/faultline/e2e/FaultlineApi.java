package dev.faultline.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A small client of Faultline's Sentry-compatible Web API, as a tool written for Sentry
 * would use it: bearer token, JSON in and out.
 */
final class FaultlineApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String token;

	FaultlineApi(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/**
	 * The Web API's base URL, e.g. {@code http://127.0.0.1:40123}.
	 */
	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The bearer token requests carry.
	 */
	String token() {
		return this.token;
	}

	JsonNode get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), 200);
	}

	JsonNode post(String path, Map<String, ?> body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), 201);
	}

	/**
	 * A {@code PUT} that must answer 200; returns its JSON.
	 */
	JsonNode put(String path, Map<String, ?> body) {
		return send("PUT", path, body, 200);
	}

	/**
	 * Any request with an optional JSON body that must answer {@code expectedStatus};
	 * returns its JSON, or a missing node when the response has no body.
	 */
	JsonNode send(String method, String path, @Nullable Map<String, ?> body, int expectedStatus) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
		if (body != null) {
			builder.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(builder, expectedStatus);
	}

	/**
	 * A {@code GET} as it is answered, redirects not followed.
	 */
	HttpResponse<String> exchange(String path) {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + this.token)
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	int status(String path, String bearer) {
		HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates a project in the bootstrap organization's default team and returns its
	 * public DSN.
	 */
	String createProjectDsn(String organization, String team, String name, String platform) {
		JsonNode project = post("/api/0/teams/" + organization + "/" + team + "/projects/",
				Map.of("name", name, "platform", platform));
		JsonNode keys = get("/api/0/projects/" + organization + "/" + project.get("slug").asString() + "/keys/");
		return keys.get(0).get("dsn").get("public").asString();
	}

	/**
	 * Creates a project in the bootstrap organization's default team.
	 */
	Project createProject(String organization, String team, String name, String platform) {
		JsonNode project = post("/api/0/teams/" + organization + "/" + team + "/projects/",
				Map.of("name", name, "platform", platform));
		String slug = project.get("slug").asString();
		JsonNode keys = get("/api/0/projects/" + organization + "/" + slug + "/keys/");
		return new Project(slug, Long.parseLong(project.get("id").asString()),
				keys.get(0).get("dsn").get("public").asString());
	}

	List<JsonNode> issues(String organization, String project) {
		return issues(organization, project, "is:unresolved");
	}

	/**
	 * The first 100 issues of the project matching a search query ({@code ""} lists every
	 * status).
	 */
	List<JsonNode> issues(String organization, String project, String query) {
		JsonNode page = get("/api/0/projects/" + organization + "/" + project + "/issues/?query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=100");
		List<JsonNode> issues = new ArrayList<>();
		page.forEach(issues::add);
		return issues;
	}

	/**
	 * The ids of every event of a project, read page by page through Sentry's project
	 * event list (100 a request, following the {@code Link} header's next cursor), in the
	 * order listed: an id that appears twice was listed twice.
	 */
	List<String> eventIds(String organization, String project) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		do {
			String path = "/api/0/projects/" + organization + "/" + project + "/events/?limit=100"
					+ ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
			HttpResponse<String> response = exchange(path);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
			}
			JSON.readTree(response.body()).forEach((event) -> ids.add(event.get("eventID").asString()));
			cursor = nextCursor(response.headers().firstValue("Link").orElse(""));
		}
		while (cursor != null);
		return ids;
	}

	/** The next page's cursor of a {@code Link} header, or null on the last page. */
	private static @Nullable String nextCursor(String link) {
		for (String part : link.split(",\\s*<")) {
			if (part.contains("rel=\"next\"") && part.contains("results=\"true\"")) {
				int start = part.indexOf("cursor=\"") + "cursor=\"".length();
				return part.substring(start, part.indexOf('"', start));
			}
		}
		return null;
	}

	/**
	 * The first 100 issues of one project through the organization's issue stream.
	 */
	List<JsonNode> organizationIssues(String organization, long projectId, String query) {
		JsonNode page = get("/api/0/organizations/" + organization + "/issues/?project=" + projectId + "&query="
				+ URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=100");
		List<JsonNode> issues = new ArrayList<>();
		page.forEach(issues::add);
		return issues;
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private JsonNode send(HttpRequest.Builder builder, int expectedStatus) {
		HttpRequest request = builder.header("Authorization", "Bearer " + this.token).build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expectedStatus) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A project as the tests use it: its slug, id and public DSN.
	 */
	record Project(String slug, long id, String dsn) {

	}

}
