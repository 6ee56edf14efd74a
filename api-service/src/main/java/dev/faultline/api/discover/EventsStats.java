package dev.faultline.api.discover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.faultline.api.web.ApiException;
import dev.faultline.query.Condition;
import dev.faultline.query.Expression;
import dev.faultline.query.FieldType;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.RequestedField;
import dev.faultline.query.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * One {@code events-stats} request: the {@code yAxis} functions over interval buckets of
 * the range, zero-filled, in Sentry's shapes — one axis: {@code {data:[[ts,[{count}]]],
 * start, end, meta}} (timestamps in epoch seconds, the inner key always {@code count});
 * several axes: that series keyed by each yAxis string with its {@code order}; with
 * {@code topEvents}: one series (or one map of axes) per top group, keyed by the group's
 * values joined by commas, plus {@code Other} for the rest unless {@code excludeOther}.
 *
 * <p>
 * The range is widened to whole intervals (start rounded down, end up), so buckets fall
 * on multiples of the interval as Sentry's do. A request of more than {@link #MAX_POINTS}
 * buckets is refused, as Sentry does.
 */
final class EventsStats {

	/** Sentry's limit on the buckets of one series. */
	static final int MAX_POINTS = 10_000;

	/** Sentry's limit on {@code topEvents}. */
	static final int MAX_TOP_EVENTS = 10;

	private final DiscoverScope scope;

	private final DiscoverFields axes;

	private final @Nullable DiscoverFields groups;

	private final @Nullable Order order;

	private final Duration interval;

	private final TimeRange range;

	private final int topEvents;

	private final boolean excludeOther;

	private EventsStats(DiscoverScope scope, DiscoverFields axes, @Nullable DiscoverFields groups,
			@Nullable Order order, Duration interval, TimeRange range, int topEvents, boolean excludeOther) {
		this.scope = scope;
		this.axes = axes;
		this.groups = groups;
		this.order = order;
		this.interval = interval;
		this.range = range;
		this.topEvents = topEvents;
		this.excludeOther = excludeOther;
	}

	/**
	 * Reads a request.
	 * @throws ApiException 400 for a yAxis that is no function, too many buckets or top
	 * events, or a sort that is not requested
	 */
	static EventsStats parse(DiscoverScope scope, List<String> yAxis, List<String> fields, @Nullable String sort,
			@Nullable String intervalText, @Nullable String topEventsText, boolean excludeOther) {
		DiscoverFields axes = DiscoverFields.parse(scope.dataset(), yAxis.stream().distinct().toList(), "yAxis");
		for (RequestedField axis : axes.fields()) {
			if (!axis.expression().overGroup()) {
				throw ApiException.badRequest("yAxis must be a function, such as count(): " + axis.text());
			}
		}
		Duration interval = interval(intervalText, scope.range());
		TimeRange range = aligned(scope.range(), interval);
		long buckets = Duration.between(range.from(), range.to()).toMillis() / interval.toMillis();
		if (buckets > MAX_POINTS) {
			throw ApiException.badRequest("Your interval and date range would create too many results (more than "
					+ MAX_POINTS + " buckets). Use a larger interval, or a smaller date range.");
		}
		int top = topEvents(topEventsText);
		DiscoverFields groups = null;
		Order order = null;
		if (top > 0) {
			groups = DiscoverFields.parse(scope.dataset(), fields, "field");
			order = groups.order(scope.dataset(), sort);
			if (order == null) {
				order = Order.desc(axes.fields().get(0).expression());
			}
			if (groups.plain().isEmpty()) {
				groups = null;
			}
		}
		return new EventsStats(scope, axes, groups, order, interval, range, top, excludeOther);
	}

	/**
	 * Runs the request's queries and renders the answer.
	 * @param queries the query runner
	 * @param slugs project slugs by id, for group keys of the {@code project} field
	 */
	Map<String, Object> answer(DiscoverQueries queries, Map<Long, String> slugs) {
		DiscoverFields groups = this.groups;
		if (groups == null) {
			return axesOf(series(queries, List.of(), this.scope.conditions()).getOrDefault(List.of(), Map.of()));
		}
		List<Expression> keys = groups.plain();
		Expression ranked = (this.order != null) ? this.order.expression() : this.axes.fields().get(0).expression();
		List<Expression> select = new ArrayList<>(keys);
		if (!select.contains(ranked)) {
			select.add(ranked);
		}
		Query.Builder topQuery = this.scope.query(this.scope.range())
			.select(select.toArray(Expression[]::new))
			.groupBy(keys.toArray(Expression[]::new))
			.page(0, this.topEvents);
		if (this.order != null) {
			topQuery.orderBy(this.order);
		}
		QueryResult top = queries.run(DiscoverQueries.build(topQuery));
		List<List<@Nullable Object>> topKeys = new ArrayList<>();
		List<Condition> matches = new ArrayList<>();
		for (List<@Nullable Object> row : top.rows()) {
			List<@Nullable Object> key = row.subList(0, keys.size());
			topKeys.add(key);
			matches.add(matching(keys, key));
		}
		if (topKeys.isEmpty()) {
			return axesOf(Map.of());
		}
		List<Condition> inTop = new ArrayList<>(this.scope.conditions());
		inTop.add(new Condition.AnyOf(matches));
		Map<List<@Nullable Object>, Map<Instant, List<@Nullable Object>>> series = series(queries, keys, inTop);
		Map<String, Object> body = new LinkedHashMap<>();
		int index = 0;
		for (List<@Nullable Object> key : topKeys) {
			String name = groupName(groups, keys, key, slugs);
			body.put(name, ordered(axesOf(series.getOrDefault(key, Map.of())), index++));
		}
		if (top.paging().hasNext() && !this.excludeOther) {
			List<Condition> rest = new ArrayList<>(this.scope.conditions());
			rest.add(new Condition.Not(new Condition.AnyOf(matches)));
			body.put("Other",
					ordered(axesOf(series(queries, List.of(), rest).getOrDefault(List.of(), Map.of())), index));
		}
		return body;
	}

	/**
	 * One series per group of {@code keys} (one group, keyed by the empty list, without
	 * keys): bucket start to the axes' values.
	 */
	private Map<List<@Nullable Object>, Map<Instant, List<@Nullable Object>>> series(DiscoverQueries queries,
			List<Expression> keys, List<Condition> conditions) {
		List<Expression> select = new ArrayList<>(keys);
		List<Expression> axisExpressions = this.axes.expressions();
		select.addAll(axisExpressions);
		long buckets = Duration.between(this.range.from(), this.range.to()).toMillis() / this.interval.toMillis();
		int limit = (int) Math.min(Query.MAX_LIMIT, buckets * Math.max(1, this.topEvents));
		Query query = DiscoverQueries.build(Query.builder(this.scope.dataset(), this.scope.projectIds(), this.range)
			.select(select.toArray(Expression[]::new))
			.where(conditions)
			.extrapolated(this.scope.dataset().sampleWeight().isPresent())
			.groupBy(keys.toArray(Expression[]::new))
			.interval(this.interval)
			.page(0, limit));
		QueryResult result = queries.run(query);
		Map<List<@Nullable Object>, Map<Instant, List<@Nullable Object>>> series = new HashMap<>();
		for (List<@Nullable Object> row : result.rows()) {
			List<@Nullable Object> key = new ArrayList<>(row.subList(1, 1 + keys.size()));
			series.computeIfAbsent(key, (k) -> new HashMap<>())
				.put((Instant) row.get(0), row.subList(1 + keys.size(), row.size()));
		}
		return series;
	}

	/**
	 * The series of every axis over one group's buckets: the plain series for one axis,
	 * keyed by yAxis string with its order for several.
	 */
	private Map<String, Object> axesOf(Map<Instant, List<@Nullable Object>> buckets) {
		List<RequestedField> fields = this.axes.fields();
		List<Expression> expressions = this.axes.expressions();
		if (fields.size() == 1) {
			return seriesJson(fields.get(0), 0, buckets);
		}
		Map<String, Object> byAxis = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			RequestedField field = fields.get(i);
			byAxis.put(field.text(), ordered(seriesJson(field, expressions.indexOf(field.expression()), buckets), i));
		}
		return byAxis;
	}

	private Map<String, Object> seriesJson(RequestedField axis, int column,
			Map<Instant, List<@Nullable Object>> buckets) {
		List<List<Object>> data = new ArrayList<>();
		for (Instant at = this.range.from(); at.isBefore(this.range.to()); at = at.plus(this.interval)) {
			List<@Nullable Object> values = buckets.get(at);
			Object value = (values != null) ? DiscoverValues.json(values.get(column)) : zero(axis);
			Map<String, @Nullable Object> count = new HashMap<>();
			count.put("count", value);
			data.add(List.of(at.getEpochSecond(), List.of(count)));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("data", data);
		json.put("start", this.range.from().getEpochSecond());
		json.put("end", this.range.to().getEpochSecond());
		json.put("isMetricsData", false);
		Map<String, Object> meta = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		types.put("time", "date");
		types.putAll(RequestedField.metaFields(List.of(axis)));
		Map<String, @Nullable String> units = new LinkedHashMap<>();
		units.put("time", null);
		units.putAll(RequestedField.metaUnits(List.of(axis)));
		meta.put("fields", types);
		meta.put("units", units);
		json.put("meta", meta);
		return json;
	}

	/** A bucket without rows: 0 (an integer for integer functions). */
	private static Object zero(RequestedField axis) {
		return (axis.expression().type() == FieldType.INTEGER) ? (Object) 0L : (Object) 0.0;
	}

	private static Map<String, Object> ordered(Map<String, Object> series, int order) {
		Map<String, Object> json = new LinkedHashMap<>(series);
		json.put("order", order);
		return json;
	}

	/**
	 * A condition matching the rows of one group: each key equal to the group's value (a
	 * missing text compares as the empty string; a missing non-text key adds no term).
	 */
	private static Condition matching(List<Expression> keys, List<@Nullable Object> values) {
		List<Condition> terms = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			Expression key = keys.get(i);
			Object value = values.get(i);
			if (key.type() == FieldType.STRING) {
				terms.add(new Condition.Compare(key, Condition.Operator.EQUALS, (value != null) ? value : ""));
			}
			else if (value != null) {
				terms.add(new Condition.Compare(key, Condition.Operator.EQUALS, value));
			}
		}
		return new Condition.AllOf(terms);
	}

	/**
	 * Sentry's key of a top group: its field values in request order, joined by commas.
	 */
	private static String groupName(DiscoverFields groups, List<Expression> keys, List<@Nullable Object> values,
			Map<Long, String> slugs) {
		return groups.fields().stream().filter((field) -> !field.expression().overGroup()).map((field) -> {
			Object value = values.get(keys.indexOf(field.expression()));
			if (groups.projectSlugs().contains(field.text()) && value instanceof Long id) {
				return slugs.getOrDefault(id, String.valueOf(id));
			}
			Object json = DiscoverValues.json(value);
			return (json != null) ? json.toString() : "";
		}).collect(Collectors.joining(","));
	}

	/**
	 * The bucket width: {@code interval} as given ({@code 1m}, {@code 5m}, {@code 1h},
	 * {@code 1d}, at least one second), or, when absent or not understood (as in Sentry),
	 * the first of 1m, 5m, 15m, 30m, 1h, 4h, 12h, 1d that gives at most 200 buckets over
	 * the range.
	 */
	static Duration interval(@Nullable String text, TimeRange range) {
		Duration given = (text != null) ? TimeWindow.duration(text, true) : null;
		if (given != null) {
			return given;
		}
		long span = Duration.between(range.from(), range.to()).toMillis();
		for (Duration candidate : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
				Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12))) {
			if (span / candidate.toMillis() <= 200) {
				return candidate;
			}
		}
		return Duration.ofDays(1);
	}

	/** The range widened to whole intervals since the epoch. */
	static TimeRange aligned(TimeRange range, Duration interval) {
		long width = interval.toMillis();
		long from = Math.floorDiv(range.from().toEpochMilli(), width) * width;
		long to = Math.floorDiv(range.to().toEpochMilli() + width - 1, width) * width;
		return new TimeRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
	}

	private static int topEvents(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			int top = Integer.parseInt(text.trim());
			if (top < 1 || top > MAX_TOP_EVENTS) {
				throw ApiException.badRequest("topEvents needs to be at least 1 and at most " + MAX_TOP_EVENTS);
			}
			return top;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("topEvents must be a number");
		}
	}

}
