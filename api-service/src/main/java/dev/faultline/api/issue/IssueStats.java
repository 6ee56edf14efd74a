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
import java.util.Set;
import java.util.stream.Collectors;

import dev.faultline.api.web.ApiException;
import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.metadata.Issue;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's issue {@code stats}: event counts per time bucket, rendered as {@code {"24h":
 * [[<bucket start, epoch seconds>, <count>], …]}}. {@code 24h} is 24 hourly buckets and
 * {@code 14d} / {@code 30d} are daily buckets; the last bucket is the current (partial)
 * hour or day, in UTC. Counts come from the event store, one query per project of a page.
 * A filter (the event terms of the list's search: environment, time range, tags) counts
 * only the events it matches, as Sentry's stream counts only the selected environment and
 * time range.
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
		return compute(issues, period, EventSearch.EVERY_EVENT);
	}

	/**
	 * The stats of each issue for one period, counting only the events the filter
	 * matches.
	 */
	Map<Long, List<List<Long>>> compute(List<Issue> issues, String period, EventSearch filter) {
		Duration bucket = period.endsWith("h") ? Duration.ofHours(1) : Duration.ofDays(1);
		int buckets = Integer.parseInt(period.substring(0, period.length() - 1));
		Instant now = this.clock.instant();
		Instant to = now.truncatedTo(bucket.equals(Duration.ofHours(1)) ? ChronoUnit.HOURS : ChronoUnit.DAYS)
			.plus(bucket);
		Instant from = to.minus(bucket.multipliedBy(buckets));
		Map<Long, List<Long>> byProject = new LinkedHashMap<>();
		Map<Long, List<Long>> idsByProject = byProject(issues);
		idsByProject.forEach((projectId, ids) -> byProject
			.putAll(this.events.countByIssue(projectId, ids, from, to, bucket, filter)));
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

	/**
	 * How many events of each issue the filter matches, over all time: Sentry's
	 * {@code filtered.count}.
	 */
	Map<Long, Long> totals(List<Issue> issues, EventSearch filter) {
		// One bucket from the epoch to past now holds every stored event.
		Instant to = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1));
		Duration all = Duration.between(Instant.EPOCH, to);
		Map<Long, Long> totals = new HashMap<>();
		byProject(issues)
			.forEach((projectId, ids) -> this.events.countByIssue(projectId, ids, Instant.EPOCH, to, all, filter)
				.forEach((issueId, counts) -> totals.put(issueId, counts.stream().mapToLong(Long::longValue).sum())));
		return totals;
	}

	/**
	 * The issues among these that have an unhandled event (tag {@code handled:no}, from
	 * the exception's mechanism): Sentry's {@code isUnhandled}.
	 */
	Set<Long> unhandled(List<Issue> issues) {
		EventSearch unhandled = new EventSearch("handled:no", this.clock.instant());
		return totals(issues, unhandled).entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	private static Map<Long, List<Long>> byProject(List<Issue> issues) {
		return issues.stream()
			.collect(Collectors.groupingBy(Issue::projectId, LinkedHashMap::new,
					Collectors.mapping(Issue::id, Collectors.toList())));
	}

}
