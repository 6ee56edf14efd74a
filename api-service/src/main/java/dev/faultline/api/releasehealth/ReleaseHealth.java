package dev.faultline.api.releasehealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.QueryRunner;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The {@code healthData} of releases and the release orders by health, as Sentry's
 * release endpoints compute them: over the summary period (Sentry's
 * {@code summaryStatsPeriod}, 14 days by default) the sessions and users of each
 * project's release with their crash-free rates and crashed and errored counts; over the
 * last 24 hours the release's share of its project's users ({@code adoption}) and
 * sessions ({@code sessionsAdoption}); a series of sessions or users over the health
 * period ({@code healthStatsPeriod}: hourly over 24 hours, daily over longer ones). Rates
 * are percentages here (0–100), as Sentry's release JSON has them. Thread-safe.
 */
@Component
public class ReleaseHealth {

	/** Sentry's default {@code summaryStatsPeriod}. */
	public static final Duration DEFAULT_SUMMARY = Duration.ofDays(14);

	/** Sentry's default {@code healthStatsPeriod}. */
	public static final Duration DEFAULT_HEALTH_STATS = Duration.ofHours(24);

	/** The window of {@code hasHealthData} (the retention). */
	private static final Duration ANY_DATA = Duration.ofDays(90);

	private static final Duration DAY = Duration.ofDays(1);

	private final SessionStats stats;

	ReleaseHealth(QueryRunner runner) {
		this.stats = new SessionStats(runner);
	}

	/** A release of a project. */
	public record ProjectRelease(long projectId, String version) {

	}

	/**
	 * Release health of one project's release.
	 *
	 * @param crashFreeSessions percent, null without sessions
	 * @param crashFreeUsers percent, null without users
	 * @param adoption the release's share of its project's users over 24 hours, percent,
	 * null when the project had none
	 * @param sessionsAdoption the same for sessions
	 * @param totalSessions sessions over the summary period
	 * @param totalUsers users over the summary period
	 * @param totalSessions24h sessions over 24 hours
	 * @param totalUsers24h users over 24 hours
	 * @param totalProjectSessions24h the project's sessions over 24 hours
	 * @param totalProjectUsers24h the project's users over 24 hours
	 * @param sessionsCrashed crashed sessions over the summary period
	 * @param sessionsErrored errored sessions neither crashed nor abnormal
	 * @param hasHealthData whether the release has sessions within the retention
	 * @param stats the health period's name ({@code 24h}, {@code 14d}) and its points
	 * {@code [epoch seconds, count]}
	 */
	public record Health(@Nullable Double crashFreeSessions, @Nullable Double crashFreeUsers, @Nullable Double adoption,
			@Nullable Double sessionsAdoption, long totalSessions, long totalUsers, long totalSessions24h,
			long totalUsers24h, long totalProjectSessions24h, long totalProjectUsers24h, long sessionsCrashed,
			long sessionsErrored, boolean hasHealthData, Map<String, List<List<Long>>> stats) {

	}

	/**
	 * Computes the health of releases.
	 * @param releases the releases, each with the projects it is of
	 * @param environments the environments to count, none for all
	 * @param now the end of the periods
	 * @param summary the summary period
	 * @param healthPeriodName the health period as requested ({@code 24h})
	 * @param healthPeriod the health period
	 * @param users whether the series counts users rather than sessions
	 * @return the health of each project's release; a release without sessions has zero
	 * counts and null rates
	 */
	public Map<ProjectRelease, Health> health(Map<String, List<Long>> releases, List<String> environments, Instant now,
			Duration summary, String healthPeriodName, Duration healthPeriod, boolean users) {
		List<Long> projectIds = releases.values().stream().flatMap(List::stream).distinct().sorted().toList();
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		List<Condition> where = new ArrayList<>(environmentCondition(environments));
		where.add(new Condition.In(field("release"), new ArrayList<Object>(releases.keySet())));
		List<SessionGroupKey> byRelease = List.of(SessionGroupKey.PROJECT, SessionGroupKey.RELEASE);
		SessionField crashFree = SessionField.parse("crash_free_rate(session)").orElseThrow();
		SessionField crashFreeUsers = SessionField.parse("crash_free_rate(user)").orElseThrow();
		Map<ProjectRelease, SessionStats.Group> summaryTotals = byRelease(this.stats
			.run(new SessionStats.Request(projectIds, new TimeRange(now.minus(summary), now), null,
					List.of(SessionField.SESSIONS, SessionField.USERS, crashFree, crashFreeUsers), byRelease, where)));
		Map<ProjectRelease, Map<String, Long>> statuses = new HashMap<>();
		for (SessionStats.Group group : this.stats
			.run(new SessionStats.Request(projectIds, new TimeRange(now.minus(summary), now), null,
					List.of(SessionField.SESSIONS),
					List.of(SessionGroupKey.PROJECT, SessionGroupKey.RELEASE, SessionGroupKey.STATUS), where))
			.groups()) {
			statuses.computeIfAbsent(key(group), (key) -> new HashMap<>())
				.put((String) group.by().get(SessionGroupKey.STATUS), count(group, SessionField.SESSIONS));
		}
		TimeRange day = new TimeRange(now.minus(DAY), now);
		Map<ProjectRelease, SessionStats.Group> lastDay = byRelease(this.stats.run(new SessionStats.Request(projectIds,
				day, null, List.of(SessionField.SESSIONS, SessionField.USERS), byRelease, where)));
		Map<Long, SessionStats.Group> projectDay = new HashMap<>();
		for (SessionStats.Group group : this.stats
			.run(new SessionStats.Request(projectIds, day, null, List.of(SessionField.SESSIONS, SessionField.USERS),
					List.of(SessionGroupKey.PROJECT), environmentCondition(environments)))
			.groups()) {
			projectDay.put((Long) group.by().get(SessionGroupKey.PROJECT), group);
		}
		Map<ProjectRelease, SessionStats.Group> any = byRelease(this.stats.run(new SessionStats.Request(projectIds,
				new TimeRange(now.minus(ANY_DATA), now), null, List.of(SessionField.SESSIONS), byRelease, where)));
		Duration interval = healthPeriod.compareTo(Duration.ofDays(2)) <= 0 ? Duration.ofHours(1) : DAY;
		Instant seriesEnd = Instant
			.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), interval.toMillis()) * interval.toMillis())
			.plus(interval);
		SessionField seriesField = users ? SessionField.USERS : SessionField.SESSIONS;
		SessionStats.Result series = this.stats
			.run(new SessionStats.Request(projectIds, new TimeRange(seriesEnd.minus(healthPeriod), seriesEnd), interval,
					List.of(seriesField), byRelease, where));
		Map<ProjectRelease, SessionStats.Group> seriesGroups = byRelease(series);

		Map<ProjectRelease, Health> health = new HashMap<>();
		releases.forEach((version, projects) -> {
			for (long projectId : projects) {
				ProjectRelease key = new ProjectRelease(projectId, version);
				SessionStats.Group total = summaryTotals.get(key);
				Map<String, Long> byStatus = statuses.getOrDefault(key, Map.of());
				SessionStats.Group release24h = lastDay.get(key);
				SessionStats.Group project24h = projectDay.get(projectId);
				long sessions24h = count(release24h, SessionField.SESSIONS);
				long users24h = count(release24h, SessionField.USERS);
				long projectSessions = count(project24h, SessionField.SESSIONS);
				long projectUsers = count(project24h, SessionField.USERS);
				List<List<Long>> points = new ArrayList<>();
				SessionStats.Group seriesGroup = seriesGroups.get(key);
				for (int i = 0; i < series.intervals().size(); i++) {
					Number value = (seriesGroup != null) ? seriesGroup.series().get(seriesField.name()).get(i) : null;
					points.add(List.of(series.intervals().get(i).getEpochSecond(),
							(value != null) ? value.longValue() : 0L));
				}
				health.put(key,
						new Health(percent(rate(total, crashFree)), percent(rate(total, crashFreeUsers)),
								share(users24h, projectUsers), share(sessions24h, projectSessions),
								count(total, SessionField.SESSIONS), count(total, SessionField.USERS), sessions24h,
								users24h, projectSessions, projectUsers, byStatus.getOrDefault("crashed", 0L),
								byStatus.getOrDefault("errored", 0L) + byStatus.getOrDefault("unhandled", 0L),
								count(any.get(key), SessionField.SESSIONS) > 0, Map.of(healthPeriodName, points)));
			}
		});
		return health;
	}

	/** What a release list can be sorted by, with health. */
	public enum Order {

		/** Sessions over the summary period. */
		SESSIONS,

		/** Users over the summary period. */
		USERS,

		/** Crash-free sessions over the summary period. */
		CRASH_FREE_SESSIONS,

		/** Crash-free users over the summary period. */
		CRASH_FREE_USERS,

		/** Users' adoption over 24 hours. */
		ADOPTION,

		/** Sessions over 24 hours. */
		SESSIONS_24H,

		/** Users over 24 hours. */
		USERS_24H

	}

	/**
	 * Returns the releases that have sessions in the period, best first by the order (the
	 * greatest count, rate or adoption; ties by version, newest version text first).
	 * @param projectIds the projects
	 * @param environments the environments, none for all
	 * @param now the end of the period
	 * @param summary the summary period (24 hours for the {@code _24H} orders and
	 * adoption)
	 * @param order the order
	 * @return versions in order
	 */
	public List<String> order(List<Long> projectIds, List<String> environments, Instant now, Duration summary,
			Order order) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		boolean day = order == Order.ADOPTION || order == Order.SESSIONS_24H || order == Order.USERS_24H;
		TimeRange range = new TimeRange(now.minus(day ? DAY : summary), now);
		SessionField field = switch (order) {
			case SESSIONS, SESSIONS_24H -> SessionField.SESSIONS;
			case USERS, USERS_24H, ADOPTION -> SessionField.USERS;
			case CRASH_FREE_SESSIONS -> SessionField.parse("crash_free_rate(session)").orElseThrow();
			case CRASH_FREE_USERS -> SessionField.parse("crash_free_rate(user)").orElseThrow();
		};
		List<SessionStats.Group> groups = new ArrayList<>(this.stats
			.run(new SessionStats.Request(projectIds, range, null, List.of(SessionField.SESSIONS, field),
					List.of(SessionGroupKey.RELEASE), environmentCondition(environments)))
			.groups());
		groups.removeIf((group) -> count(group, SessionField.SESSIONS) == 0);
		// Adoption is users of the release over the projects' users: the same order.
		Comparator<SessionStats.Group> best = Comparator.comparing((SessionStats.Group group) -> {
			Number value = group.totals().get(field.name());
			return (value != null) ? value.doubleValue() : Double.NEGATIVE_INFINITY;
		})
			.reversed()
			.thenComparing((group) -> (String) group.by().get(SessionGroupKey.RELEASE), Comparator.reverseOrder());
		groups.sort(best);
		return groups.stream()
			.map((group) -> (String) Objects.requireNonNull(group.by().get(SessionGroupKey.RELEASE)))
			.toList();
	}

	private static List<Condition> environmentCondition(List<String> environments) {
		return environments.isEmpty() ? List.of()
				: List.of(new Condition.In(field("environment"), List.<Object>copyOf(environments)));
	}

	private static Map<ProjectRelease, SessionStats.Group> byRelease(SessionStats.Result result) {
		Map<ProjectRelease, SessionStats.Group> groups = new HashMap<>();
		for (SessionStats.Group group : result.groups()) {
			groups.put(key(group), group);
		}
		return groups;
	}

	private static ProjectRelease key(SessionStats.Group group) {
		return new ProjectRelease((Long) Objects.requireNonNull(group.by().get(SessionGroupKey.PROJECT)),
				(String) Objects.requireNonNull(group.by().get(SessionGroupKey.RELEASE)));
	}

	private static long count(SessionStats.@Nullable Group group, SessionField field) {
		if (group == null) {
			return 0;
		}
		Number value = group.totals().get(field.name());
		return (value != null) ? value.longValue() : 0;
	}

	private static @Nullable Double rate(SessionStats.@Nullable Group group, SessionField field) {
		if (group == null) {
			return null;
		}
		Number value = group.totals().get(field.name());
		return (value != null) ? value.doubleValue() : null;
	}

	private static @Nullable Double percent(@Nullable Double ratio) {
		return (ratio != null) ? ratio * 100 : null;
	}

	private static @Nullable Double share(long part, long whole) {
		return (whole > 0) ? 100.0 * part / whole : null;
	}

	private static Expression field(String name) {
		return Expression.field(Datasets.SESSIONS, name);
	}

}
