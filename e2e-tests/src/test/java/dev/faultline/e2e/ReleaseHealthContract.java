package dev.faultline.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.faultline.e2e.FaultlineApi.Project;
import io.sentry.Sentry;
import io.sentry.exception.ExceptionMechanismException;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Release health end to end (issue 17): sessions from the official Java
 * ({@code io.sentry:sentry}), Node ({@code @sentry/node}) and Browser
 * ({@code @sentry/browser} in Chromium) SDKs — healthy, errored and crashed (unhandled in
 * the browser), for two releases and several users — then the crash-free session and user
 * rates computed here by Sentry's definitions are read back exactly through
 * {@code sessions/} and on the releases' {@code healthData}. Subclasses expose a running
 * Faultline of one shape.
 */
abstract class ReleaseHealthContract {

	private static final String ORGANIZATION = IssueWorkflowContract.ORGANIZATION;

	abstract FaultlineApi api();

	/** One session as a test sends it. */
	private record Planned(String sdk, String release, String user, String outcome) {

		String line() {
			return this.release + " " + this.user + " " + this.outcome;
		}

	}

	@Test
	void crashFreeRatesOfTwoReleasesFromThreeSdks() throws IOException, InterruptedException {
		Project project = api().createProject(ORGANIZATION, ORGANIZATION, "Release Health", "javascript");
		String run = UUID.randomUUID().toString().substring(0, 8);
		String first = "health-" + run + "@1.0.0";
		String second = "health-" + run + "@2.0.0";
		for (String version : List.of(first, second)) {
			api().send("POST", "/api/0/organizations/" + ORGANIZATION + "/releases/",
					Map.of("version", version, "projects", List.of(project.slug())), 201);
		}
		List<Planned> plan = List.of(new Planned("java", first, "ada", "healthy"),
				new Planned("java", first, "bob", "errored"), new Planned("java", first, "cy", "crashed"),
				new Planned("java", second, "ada", "healthy"), new Planned("java", second, "dee", "healthy"),
				new Planned("node", first, "eve", "healthy"), new Planned("node", second, "eve", "errored"),
				new Planned("node", second, "fay", "crashed"), new Planned("browser", first, "gus", "healthy"),
				new Planned("browser", first, "hal", "errored"), new Planned("browser", first, "hal", "unhandled"),
				new Planned("browser", second, "ivy", "healthy"), new Planned("browser", second, "ada", "unhandled"));

		for (Planned session : plan) {
			if (session.sdk().equals("java")) {
				javaSession(project.dsn(), session.release(), session.user(), session.outcome());
			}
		}
		NodeSdkScenario.run("sessions.cjs", Map.of("FAULTLINE_DSN", project.dsn(), "SESSIONS", lines(plan, "node")));
		NodeSdkScenario.run("browser-sessions.mjs",
				Map.of("FAULTLINE_DSN", project.dsn(), "SESSIONS", lines(plan, "browser"), "WEB_UI_E2E",
						Path.of("../web-ui/e2e").toAbsolutePath().normalize().toString(), "CHROMIUM",
						System.getProperty("faultline.chromium", "/usr/bin/chromium")));

		// Sentry's definitions: each session counts once; crashed is what said so (the
		// browser's unhandled is not a crash); a user is crashed when a session of
		// theirs is.
		Map<String, Integer> sessions = new HashMap<>();
		Map<String, Integer> crashed = new HashMap<>();
		Map<String, Set<String>> users = new HashMap<>();
		Map<String, Set<String>> crashedUsers = new HashMap<>();
		for (Planned session : plan) {
			sessions.merge(session.release(), 1, Integer::sum);
			users.computeIfAbsent(session.release(), (key) -> new HashSet<>()).add(session.user());
			if (session.outcome().equals("crashed")) {
				crashed.merge(session.release(), 1, Integer::sum);
				crashedUsers.computeIfAbsent(session.release(), (key) -> new HashSet<>()).add(session.user());
			}
		}
		String path = "/api/0/organizations/" + ORGANIZATION + "/sessions/?project=" + project.id()
				+ "&field=sum(session)&field=count_unique(user)&field=crash_free_rate(session)"
				+ "&field=crash_free_rate(user)&groupBy=release&statsPeriod=1h&interval=1h";
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Long> stored = new HashMap<>();
			for (JsonNode group : api().get(path).path("groups")) {
				stored.put(group.path("by").path("release").asString(),
						group.path("totals").path("sum(session)").asLong());
			}
			assertThat(stored)
				.isEqualTo(Map.of(first, (long) sessions.get(first), second, (long) sessions.get(second)));
		});
		// The errored and unhandled updates arrive after the starts: wait for the
		// statuses.
		String statuses = "/api/0/organizations/" + ORGANIZATION + "/sessions/?project=" + project.id()
				+ "&field=sum(session)&groupBy=session.status&statsPeriod=1h&interval=1h";
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Map<String, Long> byStatus = new HashMap<>();
			for (JsonNode group : api().get(statuses).path("groups")) {
				byStatus.put(group.path("by").path("session.status").asString(),
						group.path("totals").path("sum(session)").asLong());
			}
			assertThat(byStatus).isEqualTo(expectedStatuses(plan));
		});
		JsonNode groups = api().get(path).path("groups");
		assertThat(groups).hasSize(2);
		for (JsonNode group : groups) {
			String release = group.path("by").path("release").asString();
			JsonNode totals = group.path("totals");
			double crashFree = 1 - (double) crashed.getOrDefault(release, 0) / sessions.get(release);
			double crashFreeUsers = 1
					- (double) crashedUsers.getOrDefault(release, Set.of()).size() / users.get(release).size();
			assertThat(totals.path("count_unique(user)").asLong()).isEqualTo(users.get(release).size());
			assertThat(totals.path("crash_free_rate(session)").asDouble()).as(release)
				.isCloseTo(crashFree, within(1e-12));
			assertThat(totals.path("crash_free_rate(user)").asDouble()).as(release)
				.isCloseTo(crashFreeUsers, within(1e-12));

			JsonNode health = api().get("/api/0/organizations/" + ORGANIZATION + "/releases/" + release + "/?health=1")
				.path("projects")
				.get(0)
				.path("healthData");
			assertThat(health.path("totalSessions").asLong()).isEqualTo((long) sessions.get(release));
			assertThat(health.path("totalUsers").asLong()).isEqualTo(users.get(release).size());
			assertThat(health.path("crashFreeSessions").asDouble()).isCloseTo(100 * crashFree, within(1e-9));
			assertThat(health.path("crashFreeUsers").asDouble()).isCloseTo(100 * crashFreeUsers, within(1e-9));
			assertThat(health.path("sessionsCrashed").asLong()).isEqualTo((long) crashed.getOrDefault(release, 0));
		}
		JsonNode sorted = api().get("/api/0/organizations/" + ORGANIZATION + "/releases/?project=" + project.id()
				+ "&sort=sessions&health=1");
		List<String> versions = new ArrayList<>();
		sorted.forEach((release) -> versions.add(release.path("version").asString()));
		assertThat(versions).containsExactly(first, second);
	}

	/** Sessions per status as Sentry groups them. */
	private static Map<String, Long> expectedStatuses(List<Planned> plan) {
		Map<String, Long> expected = new HashMap<>(
				Map.of("healthy", 0L, "errored", 0L, "unhandled", 0L, "abnormal", 0L, "crashed", 0L));
		for (Planned session : plan) {
			expected.merge(session.outcome(), 1L, Long::sum);
		}
		return expected;
	}

	private static String lines(List<Planned> plan, String sdk) {
		return plan.stream()
			.filter((session) -> session.sdk().equals(sdk))
			.map(Planned::line)
			.collect(Collectors.joining("\n"));
	}

	/**
	 * One application run with the Java SDK: the distinct id is the user's id, as an
	 * application sets it; a crash is an exception its uncaught-exception handler would
	 * report (mechanism not handled).
	 */
	static void javaSession(String dsn, String release, String userId, String outcome) {
		Sentry.init((options) -> {
			options.setDsn(dsn);
			options.setRelease(release);
			options.setEnvironment("production");
			options.setDistinctId(userId);
			options.setEnableUncaughtExceptionHandler(false);
		});
		try {
			User user = new User();
			user.setId(userId);
			Sentry.setUser(user);
			Sentry.startSession();
			if (outcome.equals("errored")) {
				Sentry.captureException(new IllegalStateException("release health error of " + userId));
			}
			else if (outcome.equals("crashed")) {
				Mechanism mechanism = new Mechanism();
				mechanism.setType("UncaughtExceptionHandler");
				mechanism.setHandled(false);
				Sentry.captureException(new ExceptionMechanismException(mechanism,
						new IllegalStateException("release health crash of " + userId), Thread.currentThread()));
			}
			Sentry.endSession();
			Sentry.flush(20_000);
		}
		finally {
			Sentry.close();
		}
	}

}
