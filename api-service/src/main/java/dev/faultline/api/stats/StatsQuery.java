package dev.faultline.api.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.storage.metadata.OutcomeCount;
import org.jspecify.annotations.Nullable;

/**
 * A {@code stats_v2} query (Sentry's shape: {@code field=sum(quantity)} (items, or bytes
 * for attachments) and/or {@code field=sum(times_seen)} (items), repeated {@code groupBy}
 * of {@code outcome}, {@code category}, {@code reason}, {@code project}; {@code interval}
 * and {@code statsPeriod} as {@code 1h}/{@code 1d}/{@code 1w}, or
 * {@code start}/{@code end}; filters {@code category}, {@code outcome}, {@code reason})
 * and its evaluation over hourly outcome counts. As in Sentry, the {@code error} category
 * stands for the error categories {@code error}, {@code default} and {@code security}:
 * {@code category=error} selects all three and they are grouped as {@code error}. Time is
 * bucketed in whole hours, the finest grain the store keeps.
 *
 * @param start first bucket start (inclusive, whole hour)
 * @param end last bucket end (exclusive)
 * @param interval bucket length, whole hours
 * @param groupBy the grouping keys in request order
 * @param fields the fields asked for, in request order, without repeats
 */
record StatsQuery(Instant start, Instant end, Duration interval, List<String> groupBy, Set<String> categories,
		Set<String> outcomes, Set<String> reasons, List<String> fields) {

	static final String FIELD = "sum(quantity)";

	static final String TIMES_SEEN = "sum(times_seen)";

	/** Sentry's {@code DataCategory.error_categories()}, answered as {@code error}. */
	private static final Set<String> ERROR_CATEGORIES = Set.of("error", "default", "security");

	private static final Set<String> GROUP_KEYS = Set.of("outcome", "category", "reason", "project");

	private static final Pattern DURATION = ClientPatterns.STATS_DURATION.jdk();

	/** Longest range served: Sentry keeps outcomes 90 days. */
	private static final Duration MAX_RANGE = Duration.ofDays(90);

	/**
	 * Validates the request parameters.
	 * @throws ApiException 400 for anything not understood
	 */
	static StatsQuery parse(Instant now, List<String> fields, List<String> groupBy, @Nullable String interval,
			@Nullable String statsPeriod, @Nullable String start, @Nullable String end, List<String> categories,
			List<String> outcomes, List<String> reasons) {
		for (String field : fields) {
			if (!FIELD.equals(field) && !TIMES_SEEN.equals(field)) {
				throw ApiException.badRequest("unsupported field " + field + "; only " + FIELD + " and " + TIMES_SEEN);
			}
		}
		List<String> asked = fields.isEmpty() ? List.of(FIELD) : fields.stream().distinct().toList();
		for (String key : groupBy) {
			if (!GROUP_KEYS.contains(key)) {
				throw ApiException.badRequest("unsupported groupBy " + key);
			}
		}
		Duration step = (interval != null) ? duration(interval) : Duration.ofHours(1);
		if (step.toHours() < 1 || !step.equals(Duration.ofHours(step.toHours()))) {
			throw ApiException.badRequest("interval must be whole hours");
		}
		Instant to;
		Instant from;
		if (start != null || end != null) {
			if (start == null || end == null || statsPeriod != null) {
				throw ApiException.badRequest("give statsPeriod, or both start and end");
			}
			from = instant(start).truncatedTo(ChronoUnit.HOURS);
			to = ceilHour(instant(end));
		}
		else {
			Duration period = (statsPeriod != null) ? duration(statsPeriod) : Duration.ofHours(24);
			to = ceilHour(now);
			from = ceilHour(to.minus(period));
		}
		if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw ApiException.badRequest("the time range must be positive and at most 90 days");
		}
		// Whole intervals, counted back from the end as Sentry aligns them.
		long buckets = (Duration.between(from, to).toHours() + step.toHours() - 1) / step.toHours();
		from = to.minus(step.multipliedBy(buckets));
		return new StatsQuery(from, to, step, List.copyOf(groupBy), categories(lower(categories)), lower(outcomes),
				lower(reasons), asked);
	}

	/**
	 * The response body: {@code start}, {@code end}, {@code intervals} and one group per
	 * distinct combination of the grouping keys, with {@code totals} and {@code series}.
	 * Groups are ordered by their keys.
	 */
	Map<String, Object> evaluate(List<OutcomeCount> counts) {
		int buckets = (int) (Duration.between(this.start, this.end).toHours() / this.interval.toHours());
		// Per group, one row of buckets per field.
		Map<Map<String, String>, long[][]> series = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
		for (OutcomeCount count : counts) {
			if (!matches(this.categories, count.category()) || !matches(this.outcomes, count.outcome())
					|| !matches(this.reasons, count.reason()) || count.hour().isBefore(this.start)
					|| !count.hour().isBefore(this.end)) {
				continue;
			}
			Map<String, String> by = new LinkedHashMap<>();
			for (String key : this.groupBy) {
				by.put(key, switch (key) {
					case "outcome" -> count.outcome();
					case "category" -> ERROR_CATEGORIES.contains(count.category()) ? "error" : count.category();
					case "reason" -> count.reason();
					default -> Long.toString(count.projectId());
				});
			}
			int bucket = (int) (Duration.between(this.start, count.hour()).toHours() / this.interval.toHours());
			long[][] rows = series.computeIfAbsent(by, (k) -> new long[this.fields.size()][buckets]);
			for (int field = 0; field < this.fields.size(); field++) {
				rows[field][bucket] += TIMES_SEEN.equals(this.fields.get(field)) ? count.timesSeen() : count.quantity();
			}
		}
		List<String> intervals = new ArrayList<>(buckets);
		for (int i = 0; i < buckets; i++) {
			intervals.add(this.start.plus(this.interval.multipliedBy(i)).toString());
		}
		List<Map<String, Object>> groups = new ArrayList<>();
		series.forEach((by, rows) -> {
			Map<String, Object> totals = new LinkedHashMap<>();
			Map<String, Object> seriesByField = new LinkedHashMap<>();
			for (int field = 0; field < this.fields.size(); field++) {
				long total = 0;
				List<Long> list = new ArrayList<>(buckets);
				for (long value : rows[field]) {
					total += value;
					list.add(value);
				}
				totals.put(this.fields.get(field), total);
				seriesByField.put(this.fields.get(field), list);
			}
			Map<String, Object> group = new LinkedHashMap<>();
			group.put("by", by);
			group.put("totals", totals);
			group.put("series", seriesByField);
			groups.add(group);
		});
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("start", this.start.toString());
		body.put("end", this.end.toString());
		body.put("intervals", intervals);
		body.put("groups", groups);
		return body;
	}

	private static boolean matches(Set<String> filter, String value) {
		return filter.isEmpty() || filter.contains(value);
	}

	// category=error selects every error category (Sentry's CategoryDimension).
	private static Set<String> categories(Set<String> asked) {
		if (!asked.contains("error")) {
			return asked;
		}
		Set<String> resolved = new java.util.HashSet<>(asked);
		resolved.addAll(ERROR_CATEGORIES);
		return Set.copyOf(resolved);
	}

	private static Set<String> lower(List<String> values) {
		return Set.copyOf(values.stream().map((v) -> v.toLowerCase(Locale.ROOT)).toList());
	}

	private static Instant ceilHour(Instant instant) {
		Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
		return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
	}

	private static Instant instant(String value) {
		try {
			return Instant.parse(value);
		}
		catch (RuntimeException ex) {
			throw ApiException.badRequest("not an ISO-8601 instant: " + value);
		}
	}

	private static Duration duration(String value) {
		Matcher matcher = DURATION.matcher(value);
		if (!matcher.matches()) {
			throw ApiException.badRequest("not a duration like 1h, 24h, 14d: " + value);
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofDays(7 * amount);
		};
	}

}
