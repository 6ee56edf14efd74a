package dev.faultline.api.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.metadata.Issue;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's issue {@code stats}: event counts per time bucket, rendered as {@code {"24h":
 * [[<bucket start, epoch seconds>, <count>], …]}}. {@code 24h} is 24 hourly buckets and
 * {@code 14d} / {@code 30d} are daily buckets; the last bucket is the current (partial)
 * hour or day, in UTC. Counts come from the event store, one query per project of a page.
 */
final class IssueStats {

	private final EventAggregates events;

	private final Clock clock;

	IssueStats(EventAggregates events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Validates Sentry's {@code statsPeriod} parameter of issue lists.
	 * @return the period, or null when absent or empty (no stats)
	 * @throws ApiException 400 for anything but {@code 24h} and {@code 14d}
	 */
	static @Nullable String listPeriod(@Nullable String statsPeriod) {
		if (statsPeriod == null || statsPeriod.isEmpty()) {
			return null;
		}
		if (!statsPeriod.equals("24h") && !statsPeriod.equals("14d")) {
			throw ApiException.badRequest("Invalid stats_period. Valid choices are '', '24h', and '14d'");
		}
		return statsPeriod;
	}

	/**
	 * The stats of each issue for one period ({@code 24h}, {@code 14d} or {@code 30d}),
	 * by issue id.
	 */
	Map<Long, List<List<Long>>> compute(List<Issue> issues, String period) {
		Duration bucket = period.endsWith("h") ? Duration.ofHours(1) : Duration.ofDays(1);
		int buckets = Integer.parseInt(period.substring(0, period.length() - 1));
		Instant now = this.clock.instant();
		Instant to = now.truncatedTo(bucket.equals(Duration.ofHours(1)) ? ChronoUnit.HOURS : ChronoUnit.DAYS)
			.plus(bucket);
		Instant from = to.minus(bucket.multipliedBy(buckets));
		Map<Long, List<Long>> byProject = new LinkedHashMap<>();
		Map<Long, List<Long>> idsByProject = issues.stream()
			.collect(Collectors.groupingBy(Issue::projectId, LinkedHashMap::new,
					Collectors.mapping(Issue::id, Collectors.toList())));
		idsByProject
			.forEach((projectId, ids) -> byProject.putAll(this.events.countByIssue(projectId, ids, from, to, bucket)));
		Map<Long, List<List<Long>>> stats = new HashMap<>();
		for (Issue issue : issues) {
			List<Long> counts = byProject.getOrDefault(issue.id(), List.of());
			List<List<Long>> points = new ArrayList<>(buckets);
			for (int i = 0; i < buckets; i++) {
				long start = from.plus(bucket.multipliedBy(i)).getEpochSecond();
				points.add(List.of(start, (i < counts.size()) ? counts.get(i) : 0L));
			}
			stats.put(issue.id(), points);
		}
		return stats;
	}

}
