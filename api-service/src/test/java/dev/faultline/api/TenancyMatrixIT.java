package dev.faultline.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.auth.Scopes;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectKey;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api/0/} route, enumerated from Spring's handler mappings, asked about
 * another tenant's objects: without credentials, with a bad token, as the owner of
 * another organization holding a personal token with every scope, and with that
 * organization's CI token. The route's path variables name the victim organization's real
 * objects (organization, team, project, issue, client key, member, organization token),
 * so a route without the tenancy gate would answer them. Expected: 401 without valid
 * credentials (the sign-in paths and the invitation page excepted), and for the outsider
 * never a 2xx that reveals the victim's data, never a 5xx. The table of results is
 * printed.
 *
 * <p>
 * Routes listed in {@code tenancy-matrix-routes.txt} (those on main when this test
 * landed) fail the test when they leak; newer routes are checked and printed, and their
 * findings listed, so that a team adding a route sees it without its landing being
 * blocked; add the route to the file to enforce it.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"faultline.admin.token=" + TenancyMatrixIT.ADMIN_TOKEN, "faultline.admin.password=admin-password" })
class TenancyMatrixIT extends EmbeddedApplicationTest {

	static final String ADMIN_TOKEN = "tenancy-matrix-admin-0123456789";

	private static final String OUTSIDER_TOKEN = "tenancy-matrix-outsider-0123456789";

	private static final String OUTSIDER_CI_TOKEN = "tenancy-matrix-outsider-ci-0123456789";

	private static final Set<String> PUBLIC = Set.of("/api/0/auth/login/", "/api/0/auth/login", "/api/0/auth/logout/",
			"/api/0/auth/logout", "/api/0/accept-invite/{organizationSlug}/{memberId}/{token}/");

	/** Path variables that name an object of one organization. */
	private static final Set<String> TENANT_VARIABLES = Set.of("organizationSlug", "projectSlug", "teamSlug", "issueId",
			"memberId", "tokenId", "keyId");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	MetadataStores stores;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void noRouteAnswersAnotherOrganizationsObjects() throws Exception {
		Map<String, String> victim = seedVictim();
		seedOutsider();
		Set<String> enforced = enforcedRoutes();

		Map<String, String> rows = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		List<String> findings = new ArrayList<>();
		for (Route route : routes()) {
			String path = fill(route.pattern(), victim);
			int anonymous = send(route.method(), path, null).statusCode();
			int bad = send(route.method(), path, "not-a-token-0123456789").statusCode();
			HttpResponse<String> outsider = send(route.method(), path, OUTSIDER_TOKEN);
			boolean isPublic = PUBLIC.contains(route.pattern());
			List<String> problems = new ArrayList<>();
			if (!isPublic && anonymous != 401) {
				problems.add("no token: " + anonymous);
			}
			if (!isPublic && bad != 401) {
				problems.add("bad token: " + bad);
			}
			HttpResponse<String> ci = send(route.method(), path, OUTSIDER_CI_TOKEN);
			check("outsider", outsider, route, problems);
			check("outsider's organization token", ci, route, problems);
			int status = outsider.statusCode();
			String key = route.method() + " " + route.pattern();
			boolean isEnforced = enforced.contains(key);
			rows.put(key, String.format("%-3s %-3s %-3s %-3s %s%s", anonymous, bad, status, ci.statusCode(),
					problems.isEmpty() ? "ok" : String.join("; ", problems), isEnforced ? "" : " (new route)"));
			if (!problems.isEmpty()) {
				(isEnforced ? failures : findings).add(key + ": " + String.join("; ", problems));
			}
		}

		StringBuilder table = new StringBuilder(
				"\nTenancy matrix: route | no token | bad token | other organization's owner"
						+ " (every scope) | its CI token (org:ci) | verdict\n");
		rows.forEach((route, result) -> table.append(String.format("%-95s %s%n", route, result)));
		table.append(rows.size())
			.append(" routes, ")
			.append(failures.size())
			.append(" failing, ")
			.append(findings.size())
			.append(" findings on routes newer than the enforced list\n");
		findings.forEach((finding) -> table.append("  finding: ").append(finding).append('\n'));
		System.out.println(table);
		assertThat(rows).as("routes found").hasSizeGreaterThan(50);
		assertThat(send("GET", "/api/0/organizations/outsider/releases/", OUTSIDER_CI_TOKEN).statusCode())
			.as("the CI token works in its own organization")
			.isEqualTo(200);
		assertThat(failures).as("enforced routes that fail").isEmpty();
	}

	/**
	 * The victim organization's objects, by the path variable names routes use.
	 */
	private Map<String, String> seedVictim() {
		Organization organization = this.stores.organizations().create("victim", "Victim");
		Team team = this.stores.organizations().createTeam(organization.id(), "victim-team", "Victim Team");
		User owner = this.stores.users().create("victim-owner@example.com", "Victim Owner", "x");
		this.stores.organizations().addMember(organization.id(), owner.id(), "owner");
		this.stores.memberships().addTeamMember(organization.id(), team.id(), owner.id(), "admin");
		Project project = this.stores.projects()
			.create(organization.id(), team.id(), "victim-project", "Victim", "java");
		ProjectKey key = this.stores.projects()
			.createKey(project.id(), "Default", "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210");
		IssueStore issues = this.stores.issues();
		Instant now = Instant.now();
		Issue issue = issues
			.findOrCreate(new NewIssue(project.id(), "victim-hash", "VictimSecretException: payroll", "Payroll.run",
					"error", "error", Map.of("type", "VictimSecretException", "value", "payroll"), now))
			.orElseThrow();
		issues.recordOccurrence(new EventOccurrence(issue.id(), project.id(), "ab".repeat(16), now, "error",
				"id:victim-user", "victim-hash", null));
		long token = this.stores.tokens()
			.createForOrganization(organization.id(), owner.id(), "victim ci", ApiTokens.hash("victim-ci-token"),
					"oken", Set.of(Scopes.ORG_CI))
			.id();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("organizationSlug", organization.slug());
		values.put("teamSlug", team.slug());
		values.put("projectSlug", project.slug());
		values.put("issueId", Long.toString(issue.id()));
		values.put("eventId", "ab".repeat(16));
		values.put("keyId", key.publicKey());
		values.put("memberId", Long.toString(owner.id()));
		values.put("tokenId", Long.toString(token));
		values.put("version", "victim@1.0.0");
		values.put("key", "environment");
		return values;
	}

	/**
	 * The owner of an organization of their own, with a token of every scope.
	 */
	private void seedOutsider() {
		Organization organization = this.stores.organizations().create("outsider", "Outsider");
		Team team = this.stores.organizations().createTeam(organization.id(), "outsider", "Outsider");
		User outsider = this.stores.users().create("outsider@example.com", "Outsider", "x");
		this.stores.organizations().addMember(organization.id(), outsider.id(), "owner");
		this.stores.memberships().addTeamMember(organization.id(), team.id(), outsider.id(), "admin");
		this.stores.tokens().createPersonal(outsider.id(), "all", ApiTokens.hash(OUTSIDER_TOKEN), "6789", Scopes.ALL);
		this.stores.tokens()
			.createForOrganization(organization.id(), outsider.id(), "ci", ApiTokens.hash(OUTSIDER_CI_TOKEN), "6789",
					Set.of(Scopes.ORG_CI));
	}

	/**
	 * An answer to someone of another organization: never a server error, never a success
	 * on the victim's objects, never the victim's data in a success.
	 */
	private static void check(String who, HttpResponse<String> response, Route route, List<String> problems) {
		int status = response.statusCode();
		if (status >= 500) {
			problems.add(who + ": " + status);
		}
		boolean success = status >= 200 && status < 300;
		if (success && namesVictim(route.pattern())) {
			problems.add(who + " reached the victim's object: " + status);
		}
		else if (success && leaks(response.body())) {
			problems.add(who + " read the victim's data: " + status);
		}
	}

	/**
	 * Whether the route's path names one of the victim's objects: then any success is a
	 * read or write across organizations.
	 */
	private static boolean namesVictim(String pattern) {
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			String name = matcher.group(1).toLowerCase(Locale.ROOT);
			if (TENANT_VARIABLES.contains(matcher.group(1)) || name.startsWith("org") || name.startsWith("project")
					|| name.startsWith("team") || name.startsWith("issue") || name.startsWith("group")
					|| name.startsWith("member")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a body names the victim's organization, project, team, owner or issue.
	 */
	private static boolean leaks(String body) {
		return body.contains("\"victim\"") || body.contains("victim-project") || body.contains("victim-team")
				|| body.contains("victim-owner@example.com") || body.contains("VictimSecretException");
	}

	private List<Route> routes() {
		Set<Route> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/0/")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(method.name(), pattern));
				}
			}
		}
		return List.copyOf(routes);
	}

	private static String fill(String pattern, Map<String, String> values) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String value = value(matcher.group(1), values);
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString().replace("**", "x");
	}

	/**
	 * The victim's object for a path variable: by its exact name, else by what the name
	 * says it is ({@code org}, {@code organization_id_or_slug}, {@code projectIdOrSlug},
	 * {@code groupId}…), else {@code 1}.
	 */
	private static String value(String name, Map<String, String> values) {
		String exact = values.get(name);
		if (exact != null) {
			return exact;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.startsWith("org")) {
			return values.get("organizationSlug");
		}
		if (lower.startsWith("project")) {
			return values.get("projectSlug");
		}
		if (lower.startsWith("team")) {
			return values.get("teamSlug");
		}
		if (lower.startsWith("issue") || lower.startsWith("group")) {
			return values.get("issueId");
		}
		if (lower.startsWith("member")) {
			return values.get("memberId");
		}
		return "1";
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, method.equals("GET") || method.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString("{}"));
		if (!method.equals("GET") && !method.equals("HEAD")) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Set<String> enforcedRoutes() throws IOException {
		try (InputStream in = TenancyMatrixIT.class.getResourceAsStream("tenancy-matrix-routes.txt")) {
			if (in == null) {
				return Set.of();
			}
			Set<String> routes = new TreeSet<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					routes.add(line.strip());
				}
			}
			return routes;
		}
	}

	private record Route(String method, String pattern) implements Comparable<Route> {

		@Override
		public int compareTo(Route other) {
			int byPattern = this.pattern.compareTo(other.pattern);
			return (byPattern != 0) ? byPattern : this.method.compareTo(other.method);
		}

	}

}
