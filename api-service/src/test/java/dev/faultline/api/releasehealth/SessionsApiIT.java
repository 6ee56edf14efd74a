package dev.faultline.api.releasehealth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.sessions.SessionStatus;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.sessions.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Sentry's {@code sessions/} endpoint and the releases' {@code healthData} and health
 * orders on the embedded adapters, over sessions written through the sessions role: a
 * generated population of two releases whose expected numbers are counted here.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + SessionsApiIT.TOKEN, "faultline.admin.password=admin-password" })
class SessionsApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "sessions-token-0123456789abcdef";

	private static final String SESSIONS = "/api/0/organizations/faultline/sessions/";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	@Autowired
	SessionWriter sessions;

	// One seed for the class (its application context is shared by the tests).

	private static Project web;

	private static Project api;

	/** Per release: sessions by status, users, crashed users. */
	private static final Map<String, long[]> counts = new HashMap<>();

	private static final Map<String, Set<String>> users = new HashMap<>();

	private static final Map<String, Set<String>> crashedUsers = new HashMap<>();

	private static final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void seed() throws Exception {
		if (web != null) {
			return;
		}
		Organization faultline = this.organizations.findBySlug("faultline").orElseThrow();
		List<Team> teams = this.organizations.listTeams(faultline.id());
		Team team = teams.isEmpty() ? this.organizations.createTeam(faultline.id(), "team", "Team") : teams.get(0);
		web = this.projects.create(faultline.id(), team.id(), "web", "web", "javascript");
		api = this.projects.create(faultline.id(), team.id(), "api", "api", "java");
		for (String version : List.of("web@1.0", "web@2.0")) {
			jsonBody(request("POST", "/api/0/organizations/faultline/releases/", TOKEN,
					"{\"version\": \"" + version + "\", \"projects\": [\"web\"]}"), 201);
		}
		List<StoredSession> rows = new ArrayList<>();
		// web@1.0: 40 sessions, web@2.0: 20; statuses cycle; users repeat.
		for (int i = 0; i < 60; i++) {
			String release = (i < 40) ? "web@1.0" : "web@2.0";
			SessionStatus status = List
				.of(SessionStatus.EXITED, SessionStatus.OK, SessionStatus.CRASHED, SessionStatus.EXITED,
						SessionStatus.ABNORMAL)
				.get(i % 5);
			long errors = (i % 7 == 0) ? 1 : 0;
			String user = "user-" + (i % 13);
			Instant started = now.minus(Duration.ofMinutes(5 + i));
			String sid = String.format("%032x", i + 1);
			rows.add(new StoredSession(web.id(), sid, user, started, started, 0, true, SessionStatus.OK, 0, 1, release,
					"production", started));
			if (status != SessionStatus.OK || errors > 0) {
				rows.add(new StoredSession(web.id(), sid, user, started, started.plusSeconds(30), 1, false, status,
						errors, 1, release, "production", started));
			}
			String health = switch (status) {
				case CRASHED -> "crashed";
				case ABNORMAL -> "abnormal";
				default -> (errors > 0) ? "errored" : "healthy";
			};
			counts.computeIfAbsent(release, (key) -> new long[5])[List
				.of("healthy", "errored", "unhandled", "abnormal", "crashed")
				.indexOf(health)]++;
			users.computeIfAbsent(release, (key) -> new HashSet<>()).add(user);
			if (status == SessionStatus.CRASHED) {
				crashedUsers.computeIfAbsent(release, (key) -> new HashSet<>()).add(user);
			}
		}
		// Another project's session, outside the web project's numbers; and a staging
		// one.
		rows.add(new StoredSession(api.id(), "f".repeat(32), "other", now.minusSeconds(600), now.minusSeconds(600), 0,
				true, SessionStatus.CRASHED, 0, 1, "api@1", "production", now));
		this.sessions.writeSessions(rows);
	}

	private long sessions(String release) {
		long sum = 0;
		for (long count : counts.get(release)) {
			sum += count;
		}
		return sum;
	}

	private double crashFree(String release) {
		return 1 - (double) counts.get(release)[4] / sessions(release);
	}

	private double crashFreeUsers(String release) {
		return 1 - (double) crashedUsers.get(release).size() / users.get(release).size();
	}

	@Test
	void totalsPerReleaseAsSentryAnswersThem() throws Exception {
		JsonNode body = get(SESSIONS + "?project=" + web.id()
				+ "&field=sum(session)&field=count_unique(user)&field=crash_free_rate(session)"
				+ "&field=crash_free_rate(user)&groupBy=release&statsPeriod=24h&interval=1h");
		assertThat(body.path("intervals")).hasSizeBetween(24, 25);
		assertThat(body.path("start").asString()).endsWith(":00:00Z");
		JsonNode groups = body.path("groups");
		assertThat(groups).hasSize(2);
		for (JsonNode group : groups) {
			String release = group.path("by").path("release").asString();
			JsonNode totals = group.path("totals");
			assertThat(totals.path("sum(session)").asLong()).isEqualTo(sessions(release));
			assertThat(totals.path("count_unique(user)").asLong()).isEqualTo(users.get(release).size());
			assertThat(totals.path("crash_free_rate(session)").asDouble()).isCloseTo(crashFree(release), within(1e-9));
			assertThat(totals.path("crash_free_rate(user)").asDouble()).isCloseTo(crashFreeUsers(release),
					within(1e-9));
			long seriesSum = 0;
			for (JsonNode value : group.path("series").path("sum(session)")) {
				seriesSum += value.asLong();
			}
			assertThat(seriesSum).isEqualTo(sessions(release));
			assertThat(group.path("series").path("sum(session)")).hasSize(body.path("intervals").size());
		}
	}

	@Test
	void statusGroupsAndQueries() throws Exception {
		JsonNode body = get(SESSIONS + "?project=" + web.id()
				+ "&field=sum(session)&groupBy=session.status&query=release:web@2.0&interval=1d&statsPeriod=1d");
		Map<String, Long> byStatus = new HashMap<>();
		body.path("groups")
			.forEach((group) -> byStatus.put(group.path("by").path("session.status").asString(),
					group.path("totals").path("sum(session)").asLong()));
		long[] expected = counts.get("web@2.0");
		assertThat(byStatus).containsEntry("healthy", expected[0])
			.containsEntry("errored", expected[1])
			.containsEntry("unhandled", 0L)
			.containsEntry("abnormal", expected[3])
			.containsEntry("crashed", expected[4]);
		assertThat(body.path("query").asString()).isEqualTo("release:web@2.0");

		JsonNode all = get(SESSIONS + "?field=sum(session)&groupBy=project&orderBy=-sum(session)&per_page=1");
		assertThat(all.path("groups")).hasSize(1);
		assertThat(all.path("groups").get(0).path("by").path("project").asLong()).isEqualTo(web.id());

		JsonNode none = get(SESSIONS + "?field=sum(session)&field=crash_free_rate(session)&environment=staging");
		assertThat(none.path("groups")).hasSize(1);
		assertThat(none.path("groups").get(0).path("totals").path("sum(session)").asLong()).isZero();
		assertThat(none.path("groups").get(0).path("totals").path("crash_free_rate(session)").isNull()).isTrue();
	}

	@Test
	void badRequestsAreRefusedWithSentrysDetail() throws Exception {
		assertThat(detail(request("GET", SESSIONS, TOKEN))).contains("field");
		assertThat(detail(request("GET", SESSIONS + "?field=count()", TOKEN))).startsWith("Invalid field");
		assertThat(detail(request("GET", SESSIONS + "?field=sum(session)&groupBy=title", TOKEN)))
			.startsWith("Invalid groupBy");
		assertThat(detail(request("GET", SESSIONS + "?field=crash_free_rate(session)&groupBy=session.status", TOKEN)))
			.startsWith("Cannot group");
		assertThat(detail(request("GET", SESSIONS + "?field=sum(session)&interval=7m", TOKEN))).contains("interval");
		assertThat(detail(request("GET", SESSIONS + "?field=sum(session)&query=browser:Chrome", TOKEN)))
			.contains("browser");
	}

	@Test
	void releasesCarryTheirHealthAndSortByIt() throws Exception {
		JsonNode release = get("/api/0/organizations/faultline/releases/web@1.0/?health=1");
		JsonNode health = release.path("projects").get(0).path("healthData");
		assertThat(health.path("hasHealthData").asBoolean()).isTrue();
		assertThat(health.path("totalSessions").asLong()).isEqualTo(sessions("web@1.0"));
		assertThat(health.path("totalUsers").asLong()).isEqualTo(users.get("web@1.0").size());
		assertThat(health.path("crashFreeSessions").asDouble()).isCloseTo(100 * crashFree("web@1.0"), within(1e-9));
		assertThat(health.path("crashFreeUsers").asDouble()).isCloseTo(100 * crashFreeUsers("web@1.0"), within(1e-9));
		assertThat(health.path("sessionsCrashed").asLong()).isEqualTo(counts.get("web@1.0")[4]);
		assertThat(health.path("sessionsErrored").asLong()).isEqualTo(counts.get("web@1.0")[1]);
		assertThat(health.path("totalProjectSessions24h").asLong()).isEqualTo(60);
		Set<String> allUsers = new HashSet<>(users.get("web@1.0"));
		allUsers.addAll(users.get("web@2.0"));
		assertThat(health.path("adoption").asDouble()).isCloseTo(100.0 * users.get("web@1.0").size() / allUsers.size(),
				within(1e-9));
		assertThat(health.path("sessionsAdoption").asDouble()).isCloseTo(100.0 * 40 / 60, within(1e-9));
		JsonNode points = health.path("stats").path("24h");
		assertThat(points).hasSize(24);
		long sum = 0;
		for (JsonNode point : points) {
			sum += point.get(1).asLong();
		}
		assertThat(sum).isEqualTo(sessions("web@1.0"));
		assertThat(release.path("projects").get(0).path("hasHealthData").asBoolean()).isTrue();

		JsonNode bySessions = get(
				"/api/0/organizations/faultline/releases/?project=" + web.id() + "&sort=sessions&health=1");
		assertThat(bySessions).extracting((node) -> node.path("version").asString())
			.containsExactly("web@1.0", "web@2.0");
		JsonNode byCrashFree = get("/api/0/organizations/faultline/releases/?project=" + web.id()
				+ "&sort=crash_free_sessions&per_page=1");
		// Best first; a tie goes to the greater version.
		String best = (crashFree("web@1.0") > crashFree("web@2.0")) ? "web@1.0" : "web@2.0";
		assertThat(byCrashFree).extracting((node) -> node.path("version").asString()).containsExactly(best);
	}

	private JsonNode get(String path) throws Exception {
		return jsonBody(request("GET", path, TOKEN), 200);
	}

	private static String detail(java.net.http.HttpResponse<String> response) {
		return jsonBody(response, 400).path("detail").asString();
	}

}
