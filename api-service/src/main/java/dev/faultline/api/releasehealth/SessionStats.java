package dev.faultline.api.releasehealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Function;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import dev.faultline.storage.events.QueryRunner;
import org.jspecify.annotations.Nullable;

/**
 * Release health numbers as Sentry's {@code sessions/} endpoint computes them, asked of
 * the sessions dataset through the typed query model: per group (of project, release,
 * environment and, apart, session status), the sessions started in the range (each
 * counted once, by the update that started it; an aggregate group by its count), the
 * distinct users, and the rates over them. Sessions are placed in time by their start.
 *
 * <p>
 * Definitions (Sentry's): a session is {@code crashed}, {@code abnormal} or
 * {@code unhandled} when its latest update said so, else {@code errored} when it had
 * errors or said errored, else {@code healthy} (an open {@code ok} session is healthy).
 * {@code crash_free_rate} is 1 − crashed / all, {@code errored_rate} counts every status
 * but healthy. A user is crashed (abnormal, unhandled) when one of their sessions is;
 * grouped by status, a user counts as {@code errored} when errored in any way but none of
 * those, and as {@code healthy} when no session of theirs was unhealthy. A rate over no
 * sessions is null.
 *
 * <p>
 * Each answer takes at most three queries per shape (totals, and series when an interval
 * is asked): sessions and users per status, all users, unhealthy users. Thread-safe.
 */
public final class SessionStats {

	private static final List<String> STATUSES = Datasets.SESSION_STATUSES;

	private static final int HEALTHY = STATUSES.indexOf("healthy");

	private static final int ERRORED = STATUSES.indexOf("errored");

	private static final int UNHANDLED = STATUSES.indexOf("unhandled");

	private static final int ABNORMAL = STATUSES.indexOf("abnormal");

	private static final int CRASHED = STATUSES.indexOf("crashed");

	private final QueryRunner runner;

	public SessionStats(QueryRunner runner) {
		this.runner = runner;
	}

	/**
	 * A question.
	 *
	 * @param projectIds the projects (1 to 1000)
	 * @param range the range of session starts
	 * @param interval the width of the series' buckets, or null for totals only
	 * @param fields the fields, at least one
	 * @param groupBy the group keys; with {@link SessionGroupKey#STATUS} only counts
	 * @param where conditions on the sessions dataset, ANDed
	 */
	public record Request(List<Long> projectIds, TimeRange range, @Nullable Duration interval,
			List<SessionField> fields, List<SessionGroupKey> groupBy, List<Condition> where) {

		public Request {
			projectIds = List.copyOf(projectIds);
			fields = List.copyOf(fields);
			groupBy = List.copyOf(groupBy);
			where = List.copyOf(where);
			if (fields.isEmpty()) {
				throw new IllegalArgumentException("at least one field");
			}
			if (groupBy.contains(SessionGroupKey.STATUS) && fields.stream().anyMatch((f) -> f.metric().rate())) {
				throw new IllegalArgumentException("rates cannot be grouped by session.status");
			}
		}

	}

	/**
	 * One group of the answer.
	 *
	 * @param by the group's key values by key (a project as its id, a missing environment
	 * as null)
	 * @param totals each field's value over the range, by field name: a {@link Long}
	 * count, or a {@link Double} rate or null
	 * @param series each field's values per interval, aligned with
	 * {@link Result#intervals()}; empty without interval
	 */
	public record Group(Map<SessionGroupKey, @Nullable Object> by, Map<String, @Nullable Number> totals,
			Map<String, List<@Nullable Number>> series) {

	}

	/**
	 * @param intervals the starts of the series' buckets; empty without interval
	 * @param groups the groups, in the order of their key values; exactly one (with no
	 * key) when nothing is grouped
	 */
	public record Result(List<Instant> intervals, List<Group> groups) {

	}

	/**
	 * Answers a question.
	 * @param request the question
	 * @return the groups with their totals and series
	 */
	public Result run(Request request) {
		List<SessionGroupKey> keys = request.groupBy().stream().filter((key) -> key != SessionGroupKey.STATUS).toList();
		boolean users = request.fields().stream().anyMatch(SessionField::users);
		Map<List<@Nullable Object>, Counts> totals = counts(request, keys, null, users);
		List<Instant> intervals = new ArrayList<>();
		Map<List<@Nullable Object>, Counts> buckets = Map.of();
		Duration interval = request.interval();
		if (interval != null) {
			for (Instant at = request.range().from(); at.isBefore(request.range().to()); at = at.plus(interval)) {
				intervals.add(at);
			}
			buckets = counts(request, keys, interval, users);
		}
		List<List<@Nullable Object>> groupKeys = new ArrayList<>(totals.keySet());
		if (keys.isEmpty() && groupKeys.isEmpty()) {
			groupKeys.add(List.of());
		}
		groupKeys.sort(KEY_ORDER);
		List<Group> groups = new ArrayList<>();
		boolean byStatus = request.groupBy().contains(SessionGroupKey.STATUS);
		for (List<@Nullable Object> key : groupKeys) {
			for (int status : byStatus ? List.of(HEALTHY, ERRORED, UNHANDLED, ABNORMAL, CRASHED) : List.of(-1)) {
				Map<SessionGroupKey, @Nullable Object> by = new EnumMap<>(SessionGroupKey.class);
				for (int i = 0; i < keys.size(); i++) {
					by.put(keys.get(i), key.get(i));
				}
				if (status >= 0) {
					by.put(SessionGroupKey.STATUS, STATUSES.get(status));
				}
				Map<String, @Nullable Number> groupTotals = new LinkedHashMap<>();
				Map<String, List<@Nullable Number>> series = new LinkedHashMap<>();
				Counts total = totals.getOrDefault(key, Counts.NONE);
				for (SessionField field : request.fields()) {
					groupTotals.put(field.name(), total.value(field, status));
					if (interval != null) {
						List<@Nullable Number> values = new ArrayList<>();
						for (int i = 0; i < intervals.size(); i++) {
							List<@Nullable Object> bucketKey = new ArrayList<>(key);
							bucketKey.add((long) i);
							values.add(buckets.getOrDefault(bucketKey, Counts.NONE).value(field, status));
						}
						series.put(field.name(), values);
					}
				}
				groups.add(new Group(by, groupTotals, series));
			}
		}
		return new Result(intervals, groups);
	}

	/** Orders keys by their values, missing last. */
	private static final Comparator<List<@Nullable Object>> KEY_ORDER = (a, b) -> {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int order = compare(a.get(i), b.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(a.size(), b.size());
	};

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compare(@Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : 1) : -1;
		}
		if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
			return comparable.compareTo(b);
		}
		return a.toString().compareTo(b.toString());
	}

	/**
	 * The counts per group key (plus the bucket index as a Long when bucketed).
	 */
	private Map<List<@Nullable Object>, Counts> counts(Request request, List<SessionGroupKey> keys,
			@Nullable Duration interval, boolean users) {
		Map<List<@Nullable Object>, Counts> counts = new HashMap<>();
		List<Expression> keyFields = keys.stream().map((key) -> field(key.column())).toList();
		Expression status = field("session.status");
		List<Expression> groupBy = new ArrayList<>(keyFields);
		groupBy.add(status);
		List<Expression> select = new ArrayList<>(groupBy);
		select.add(Aggregate.count());
		if (users) {
			select.add(countUsers());
		}
		List<Condition> where = new ArrayList<>(request.where());
		where.add(new Condition.Compare(field("session.init"), Condition.Operator.EQUALS, 1L));
		QueryResult perStatus = run(request, interval, select, groupBy, where);
		int offset = (interval != null) ? 1 : 0;
		for (List<@Nullable Object> row : perStatus.rows()) {
			Counts entry = counts.computeIfAbsent(key(row, keys.size(), offset, request, interval),
					(key) -> new Counts());
			int index = STATUSES.indexOf((String) row.get(offset + keys.size()));
			entry.sessions[index] += number(row.get(offset + keys.size() + 1));
			if (users) {
				entry.users[index] += number(row.get(offset + keys.size() + 2));
			}
		}
		if (users) {
			List<Expression> userSelect = new ArrayList<>(keyFields);
			userSelect.add(countUsers());
			for (List<@Nullable Object> row : run(request, interval, userSelect, keyFields, where).rows()) {
				counts.computeIfAbsent(key(row, keys.size(), offset, request, interval),
						(key) -> new Counts()).allUsers = number(row.get(offset + keys.size()));
			}
			for (List<@Nullable Object> row : run(request, interval, userSelect, keyFields, unhealthy(where)).rows()) {
				counts.computeIfAbsent(key(row, keys.size(), offset, request, interval),
						(key) -> new Counts()).unhealthyUsers = number(row.get(offset + keys.size()));
			}
		}
		return counts;
	}

	private static List<Condition> unhealthy(List<Condition> where) {
		List<Condition> unhealthy = new ArrayList<>(where);
		unhealthy.add(new Condition.Compare(field("session.status"), Condition.Operator.NOT_EQUALS, "healthy"));
		return unhealthy;
	}

	private QueryResult run(Request request, @Nullable Duration interval, List<Expression> select,
			List<Expression> groupBy, List<Condition> where) {
		Query.Builder query = Query.builder(Datasets.SESSIONS, request.projectIds(), request.range())
			.select(select.toArray(Expression[]::new))
			.where(where)
			.extrapolated(true)
			.page(0, Query.MAX_LIMIT);
		if (!groupBy.isEmpty()) {
			query.groupBy(groupBy.toArray(Expression[]::new));
		}
		if (interval != null) {
			query.interval(interval);
		}
		return this.runner.run(query.build());
	}

	private static List<@Nullable Object> key(List<@Nullable Object> row, int keys, int offset, Request request,
			@Nullable Duration interval) {
		List<@Nullable Object> key = new ArrayList<>(row.subList(offset, offset + keys));
		for (int i = 0; i < key.size(); i++) {
			if (key.get(i) instanceof Number number && request.groupBy().contains(SessionGroupKey.PROJECT)) {
				key.set(i, number.longValue());
			}
		}
		if (interval != null) {
			Instant bucket = (Instant) Objects.requireNonNull(row.get(0));
			key.add(Duration.between(request.range().from(), bucket).toMillis() / interval.toMillis());
		}
		return key;
	}

	private static Aggregate countUsers() {
		return new Aggregate(Function.COUNT_UNIQUE, field("user"), 0);
	}

	private static Expression field(String name) {
		return Expression.field(Datasets.SESSIONS, name);
	}

	private static long number(@Nullable Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	/** What one group (or bucket) counted. */
	private static final class Counts {

		static final Counts NONE = new Counts();

		final long[] sessions = new long[STATUSES.size()];

		final long[] users = new long[STATUSES.size()];

		long allUsers;

		long unhealthyUsers;

		@Nullable Number value(SessionField field, int status) {
			if (status >= 0) {
				if (field.metric().rate()) {
					throw new IllegalArgumentException("rates cannot be grouped by session.status");
				}
				return field.users() ? statusUsers(status) : this.sessions[status];
			}
			long all = field.users() ? this.allUsers : Arrays.stream(this.sessions).sum();
			if (field.metric() == SessionField.Metric.COUNT) {
				return all;
			}
			long[] of = field.users() ? this.users : this.sessions;
			long part = switch (field.metric()) {
				case CRASH_FREE_RATE, CRASH_RATE -> of[CRASHED];
				case ABNORMAL_RATE -> of[ABNORMAL];
				case UNHANDLED_RATE -> of[UNHANDLED];
				case ERRORED_RATE -> field.users() ? this.unhealthyUsers : all - of[HEALTHY];
				case COUNT -> throw new IllegalStateException();
			};
			if (all == 0) {
				return null;
			}
			double ratio = (double) part / all;
			return (field.metric() == SessionField.Metric.CRASH_FREE_RATE) ? 1 - ratio : ratio;
		}

		private long statusUsers(int status) {
			if (status == HEALTHY) {
				return Math.max(0, this.allUsers - this.unhealthyUsers);
			}
			if (status == ERRORED) {
				return Math.max(0,
						this.unhealthyUsers - this.users[CRASHED] - this.users[ABNORMAL] - this.users[UNHANDLED]);
			}
			return this.users[status];
		}

	}

}
