package dev.faultline.api.releasehealth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.discover.TimeWindow;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.ProjectParameter;
import dev.faultline.core.search.SearchSyntaxException;
import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.SearchConditions;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.QueryRunner;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sentry's {@code GET /api/0/organizations/{org}/sessions/}: session and user counts and
 * rates per group over time.
 *
 * <p>
 * Parameters as Sentry reads them: {@code field} (repeated, required), {@code groupBy}
 * ({@code project}, {@code release}, {@code environment}, {@code session.status}),
 * {@code interval} (default {@code 1h}; at least a minute and a divisor of a day),
 * {@code statsPeriod} (default {@code 24h}) or {@code start} and {@code end},
 * {@code project} (ids, {@code -1} all), {@code environment} (repeated), {@code query}
 * (search syntax over {@code release}, {@code environment}, {@code session.status},
 * {@code user}), {@code orderBy} (a requested field, {@code -} for descending, with
 * {@code per_page} groups), {@code includeTotals} and {@code includeSeries} ({@code 0} to
 * leave out). The range is widened to whole intervals; {@code intervals} lists their
 * starts. Rates are ratios (0–1). Errors are 400 with Sentry's {@code detail}.
 */
@RestController
class SessionsController {

	private static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

	private static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

	private static final int MAX_GROUPS = 100;

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

	private final Access access;

	private final ProjectStore projects;

	private final SessionStats stats;

	private final Clock clock;

	SessionsController(Access access, ProjectStore projects, QueryRunner runner) {
		this.access = access;
		this.projects = projects;
		this.stats = new SessionStats(runner);
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/sessions/")
	Map<String, Object> sessions(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "field", required = false) @Nullable List<String> fieldParams,
			@RequestParam(name = "groupBy", required = false) @Nullable List<String> groupByParams,
			@RequestParam(required = false) @Nullable String interval,
			@RequestParam(required = false) @Nullable String statsPeriod,
			@RequestParam(required = false) @Nullable String start,
			@RequestParam(required = false) @Nullable String end,
			@RequestParam(name = "project", required = false) @Nullable List<String> projectParams,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environments,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String orderBy,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String includeTotals,
			@RequestParam(required = false) @Nullable String includeSeries) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_READ);
		List<SessionField> fields = fields(fieldParams);
		List<SessionGroupKey> groupBy = groupBy(groupByParams);
		if (groupBy.contains(SessionGroupKey.STATUS)) {
			for (SessionField field : fields) {
				if (field.metric().rate()) {
					throw ApiException.badRequest("Cannot group field " + field.name() + " by session.status");
				}
			}
		}
		Duration width = interval(interval);
		Instant now = this.clock.instant();
		TimeRange range = aligned(TimeWindow.range(now, statsPeriod, start, end, DEFAULT_PERIOD), width);
		List<Long> projectIds = ProjectParameter
			.select(this.projects.listByOrganization(organization.id()), projectParams)
			.keySet()
			.stream()
			.sorted()
			.toList();
		List<Condition> where = conditions(environments, query, now);
		boolean series = !"0".equals(includeSeries);
		boolean totals = !"0".equals(includeTotals);
		SessionStats.Result result = projectIds.isEmpty()
				? new SessionStats.Result(List.of(), groupBy.isEmpty() ? List.of(emptyGroup(fields)) : List.of())
				: this.stats
					.run(new SessionStats.Request(projectIds, range, series ? width : null, fields, groupBy, where));
		List<SessionStats.Group> groups = order(result.groups(), fields, orderBy, perPage, groupBy);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("start", SECONDS.format(range.from()));
		body.put("end", SECONDS.format(range.to()));
		body.put("intervals", series ? intervals(range, width).stream().map(SECONDS::format).toList() : List.of());
		List<Map<String, Object>> groupsJson = new ArrayList<>();
		for (SessionStats.Group group : groups) {
			Map<String, Object> json = new LinkedHashMap<>();
			Map<String, @Nullable Object> by = new LinkedHashMap<>();
			group.by().forEach((key, value) -> by.put(key.sentryName(), value));
			json.put("by", by);
			if (totals) {
				json.put("totals", group.totals());
			}
			if (series) {
				json.put("series", group.series());
			}
			groupsJson.add(json);
		}
		body.put("groups", groupsJson);
		body.put("query", (query != null) ? query : "");
		return body;
	}

	private static SessionStats.Group emptyGroup(List<SessionField> fields) {
		Map<String, @Nullable Number> totals = new LinkedHashMap<>();
		fields.forEach((field) -> totals.put(field.name(), field.metric().rate() ? null : 0L));
		return new SessionStats.Group(Map.of(), totals, Map.of());
	}

	private static List<SessionField> fields(@Nullable List<String> params) {
		List<SessionField> fields = new ArrayList<>();
		for (String param : (params != null) ? params : List.<String>of()) {
			for (String name : splitFields(param)) {
				SessionField field = SessionField.parse(name)
					.orElseThrow(() -> ApiException.badRequest("Invalid field: \"" + name + "\""));
				if (!fields.contains(field)) {
					fields.add(field);
				}
			}
		}
		if (fields.isEmpty()) {
			throw ApiException.badRequest("Request is missing a \"field\"");
		}
		return fields;
	}

	/** A field value may list several fields separated by commas outside parentheses. */
	private static List<String> splitFields(String param) {
		List<String> names = new ArrayList<>();
		int depth = 0;
		StringBuilder current = new StringBuilder();
		for (char c : param.toCharArray()) {
			if (c == ',' && depth == 0) {
				names.add(current.toString());
				current.setLength(0);
				continue;
			}
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			current.append(c);
		}
		names.add(current.toString());
		return names.stream().map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

	private static List<SessionGroupKey> groupBy(@Nullable List<String> params) {
		List<SessionGroupKey> keys = new ArrayList<>();
		for (String param : (params != null) ? params : List.<String>of()) {
			for (String name : param.split(",")) {
				if (name.isBlank()) {
					continue;
				}
				SessionGroupKey key = SessionGroupKey.parse(name)
					.orElseThrow(() -> ApiException.badRequest("Invalid groupBy: \"" + name.trim() + "\""));
				if (!keys.contains(key)) {
					keys.add(key);
				}
			}
		}
		return keys;
	}

	private static Duration interval(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT_INTERVAL;
		}
		Duration interval = TimeWindow.duration(text, true);
		if (interval == null) {
			throw ApiException.badRequest("Invalid interval: \"" + text + "\"");
		}
		if (interval.compareTo(Duration.ofMinutes(1)) < 0 || Duration.ofDays(1).toSeconds() % interval.toSeconds() != 0
				&& interval.compareTo(Duration.ofDays(1)) < 0 || interval.compareTo(Duration.ofDays(1)) > 0) {
			throw ApiException.badRequest(
					"The interval has to be at least a minute and at most a day, and divide a day without a remainder");
		}
		return interval;
	}

	/** The range widened to whole intervals (from the epoch). */
	static TimeRange aligned(TimeRange range, Duration interval) {
		long width = interval.toMillis();
		long from = Math.floorDiv(range.from().toEpochMilli(), width) * width;
		long to = -Math.floorDiv(-range.to().toEpochMilli(), width) * width;
		return new TimeRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(Math.max(to, from + width)));
	}

	private static List<Instant> intervals(TimeRange range, Duration width) {
		List<Instant> starts = new ArrayList<>();
		for (Instant at = range.from(); at.isBefore(range.to()); at = at.plus(width)) {
			starts.add(at);
		}
		return starts;
	}

	private static List<Condition> conditions(@Nullable List<String> environments, @Nullable String query,
			Instant now) {
		List<Condition> conditions = new ArrayList<>();
		List<Object> wanted = new ArrayList<>();
		for (String environment : (environments != null) ? environments : List.<String>of()) {
			if (!environment.isBlank()) {
				wanted.add(environment);
			}
		}
		if (!wanted.isEmpty()) {
			conditions.add(new Condition.In(Expression.field(Datasets.SESSIONS, "environment"), wanted));
		}
		if (query != null && !query.isBlank()) {
			List<Condition> parsed;
			try {
				parsed = new SearchConditions(Datasets.SESSIONS).parse(query, now);
			}
			catch (SearchSyntaxException | IllegalArgumentException ex) {
				throw ApiException.badRequest("Invalid search query: " + ex.getMessage());
			}
			for (Condition condition : parsed) {
				checkFields(condition);
			}
			conditions.addAll(parsed);
		}
		return conditions;
	}

	/** Sessions have no tags: a key that is no column of theirs is refused. */
	private static void checkFields(Condition condition) {
		Expression expression = null;
		if (condition instanceof Condition.Compare compare) {
			expression = compare.expression();
		}
		else if (condition instanceof Condition.In in) {
			expression = in.expression();
		}
		else if (condition instanceof Condition.Like like) {
			expression = like.expression();
		}
		else if (condition instanceof Condition.HasTag has) {
			throw ApiException.badRequest("Invalid search filter: " + has.key());
		}
		else if (condition instanceof Condition.Not not) {
			checkFields(not.condition());
		}
		else if (condition instanceof Condition.AllOf all) {
			all.conditions().forEach(SessionsController::checkFields);
		}
		else if (condition instanceof Condition.AnyOf any) {
			any.conditions().forEach(SessionsController::checkFields);
		}
		if (expression instanceof Expression.Tag tag) {
			throw ApiException.badRequest("Invalid search filter: " + tag.key());
		}
	}

	private static List<SessionStats.Group> order(List<SessionStats.Group> groups, List<SessionField> fields,
			@Nullable String orderBy, @Nullable String perPage, List<SessionGroupKey> groupBy) {
		if (orderBy == null || orderBy.isBlank()) {
			return groups;
		}
		if (groupBy.contains(SessionGroupKey.STATUS)) {
			throw ApiException.badRequest("Cannot use 'orderBy' when grouping by sessions.status");
		}
		boolean descending = orderBy.startsWith("-");
		String name = descending ? orderBy.substring(1) : orderBy;
		if (fields.stream().noneMatch((field) -> field.name().equals(name))) {
			throw ApiException.badRequest("'orderBy' must be one of the provided 'fields'");
		}
		Comparator<SessionStats.Group> comparator = Comparator.comparing((SessionStats.Group group) -> {
			Number value = group.totals().get(name);
			return (value != null) ? value.doubleValue() : null;
		}, Comparator.nullsLast(descending ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder()));
		List<SessionStats.Group> sorted = new ArrayList<>(groups);
		sorted.sort(comparator);
		int limit = MAX_GROUPS;
		if (perPage != null && !perPage.isBlank()) {
			try {
				limit = Math.max(1, Math.min(MAX_GROUPS, Integer.parseInt(perPage.trim())));
			}
			catch (NumberFormatException ex) {
				throw ApiException.badRequest("Invalid per_page: " + perPage);
			}
		}
		return sorted.subList(0, Math.min(limit, sorted.size()));
	}

}
