package dev.faultline.storage.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.faultline.query.Aggregate;
import dev.faultline.query.Condition;
import dev.faultline.query.Dataset;
import dev.faultline.query.Datasets;
import dev.faultline.query.Expression;
import dev.faultline.query.Function;
import dev.faultline.query.Order;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.query.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * {@link EventAggregates} for every engine, as queries of the typed query model run by
 * the engine's {@link QueryRunner}: each question is written once, here, and each adapter
 * only compiles and runs it.
 *
 * <p>
 * Thread-safe when the runner is.
 */
public final class QueryEventAggregates implements EventAggregates {

	private static final Dataset ERRORS = Datasets.ERRORS;

	private static final Expression ISSUE = Expression.field(ERRORS, "issue.id");

	private static final Expression TAG_KEY = Expression.field(ERRORS, Datasets.TAG_KEY);

	private static final Expression TAG_VALUE = Expression.field(ERRORS, Datasets.TAG_VALUE);

	private static final Aggregate COUNT = Aggregate.count();

	private final QueryRunner runner;

	public QueryEventAggregates(QueryRunner runner) {
		this.runner = Objects.requireNonNull(runner, "runner");
	}

	@Override
	public Map<Long, List<Long>> countByIssue(long projectId, List<Long> issueIds, Instant from, Instant to,
			Duration bucket, EventSearch filter) {
		TimeBuckets buckets = new TimeBuckets(issueIds, from, to, bucket);
		if (issueIds.isEmpty()) {
			return buckets.result();
		}
		Query query = Query.builder(ERRORS, List.of(projectId), new TimeRange(from, to))
			.select(ISSUE, COUNT)
			.where(new Condition.In(ISSUE, List.copyOf(issueIds)))
			.where(filter.conditions())
			.groupBy(ISSUE)
			.interval(bucket)
			.page(0, Query.MAX_LIMIT)
			.build();
		for (List<@Nullable Object> row : all(query)) {
			buckets.add((Long) row.get(1), index(buckets.fromMillis(), buckets.bucketMillis(), row.get(0)),
					(Long) row.get(2));
		}
		return buckets.result();
	}

	@Override
	public List<Long> findIssueIds(List<Long> projectIds, EventSearch search, int limit) {
		if (projectIds.isEmpty()) {
			return List.of();
		}
		Query query = Query.builder(ERRORS, projectIds, TimeRange.ALL)
			.select(ISSUE)
			.where(search.conditions())
			.groupBy(ISSUE)
			.orderBy(Order.desc(Aggregate.lastSeen()), Order.desc(ISSUE))
			.page(0, limit)
			.build();
		List<Long> issueIds = new ArrayList<>();
		for (List<@Nullable Object> row : this.runner.run(query).rows()) {
			issueIds.add((Long) row.get(0));
		}
		return issueIds;
	}

	@Override
	public List<TagFacet> tagFacets(long projectId, long issueId, @Nullable String key, int topValues) {
		checkLimit("topValues", topValues);
		List<Condition> scope = new ArrayList<>();
		scope.add(new Condition.Compare(ISSUE, Condition.Operator.EQUALS, issueId));
		if (key != null) {
			scope.add(new Condition.Compare(TAG_KEY, Condition.Operator.EQUALS, key));
		}
		// The keys with their totals, most events first; then the top values of every
		// key in one query (at most topValues rows per key).
		Query keys = Query.builder(ERRORS, List.of(projectId), TimeRange.ALL)
			.select(TAG_KEY, COUNT, Aggregate.of(Function.COUNT_UNIQUE, TAG_VALUE))
			.where(scope)
			.groupBy(TAG_KEY)
			.orderBy(Order.desc(COUNT), Order.asc(TAG_KEY))
			.page(0, Query.MAX_LIMIT)
			.build();
		Query values = Query.builder(ERRORS, List.of(projectId), TimeRange.ALL)
			.select(TAG_KEY, TAG_VALUE, COUNT, Aggregate.firstSeen(), Aggregate.lastSeen())
			.where(scope)
			.groupBy(TAG_KEY, TAG_VALUE)
			.orderBy(Order.desc(COUNT), Order.asc(TAG_VALUE))
			.perGroup(topValues, TAG_KEY)
			.page(0, Query.MAX_LIMIT)
			.build();
		Map<String, List<TagValueCount>> top = new LinkedHashMap<>();
		for (List<@Nullable Object> row : all(values)) {
			top.computeIfAbsent((String) row.get(0), (ignored) -> new ArrayList<>())
				.add(new TagValueCount((String) row.get(1), (Long) row.get(2), (Instant) row.get(3),
						(Instant) row.get(4)));
		}
		TagFacetRows facets = new TagFacetRows();
		for (List<@Nullable Object> row : all(keys)) {
			String tagKey = (String) row.get(0);
			for (TagValueCount value : top.getOrDefault(tagKey, List.of())) {
				facets.add(tagKey, (Long) row.get(1), (Long) row.get(2), value);
			}
		}
		return facets.result();
	}

	@Override
	public Map<String, List<Long>> countByTagValue(long projectId, long issueId, String key, List<String> values,
			Instant from, Instant to, Duration bucket) {
		TagValueBuckets buckets = new TagValueBuckets(values, from, to, bucket);
		List<String> distinct = buckets.values();
		if (distinct.isEmpty()) {
			return Map.of();
		}
		Query query = Query.builder(ERRORS, List.of(projectId), new TimeRange(from, to))
			.select(TAG_VALUE, COUNT)
			.where(new Condition.Compare(ISSUE, Condition.Operator.EQUALS, issueId))
			.where(new Condition.Compare(TAG_KEY, Condition.Operator.EQUALS, key))
			.where(new Condition.In(TAG_VALUE, List.copyOf(distinct)))
			.groupBy(TAG_VALUE)
			.interval(bucket)
			.page(0, Query.MAX_LIMIT)
			.build();
		for (List<@Nullable Object> row : all(query)) {
			buckets.add((String) row.get(1), index(buckets.fromMillis(), buckets.bucketMillis(), row.get(0)),
					(Long) row.get(2));
		}
		return buckets.result();
	}

	@Override
	public List<TagKeyCount> tagKeys(List<Long> projectIds, Instant since, int limit) {
		checkLimit("limit", limit);
		if (projectIds.isEmpty()) {
			return List.of();
		}
		Query query = Query.builder(ERRORS, projectIds, TimeRange.since(since))
			.select(TAG_KEY, COUNT, Aggregate.of(Function.COUNT_UNIQUE, TAG_VALUE))
			.groupBy(TAG_KEY)
			.orderBy(Order.desc(COUNT), Order.asc(TAG_KEY))
			.page(0, limit)
			.build();
		List<TagKeyCount> keys = new ArrayList<>();
		for (List<@Nullable Object> row : this.runner.run(query).rows()) {
			keys.add(new TagKeyCount((String) row.get(0), (Long) row.get(1), (Long) row.get(2)));
		}
		return keys;
	}

	@Override
	public List<TagValueCount> tagValues(List<Long> projectIds, String key, String prefix, Instant since, int limit) {
		checkLimit("limit", limit);
		if (projectIds.isEmpty()) {
			return List.of();
		}
		Query.Builder builder = Query.builder(ERRORS, projectIds, TimeRange.since(since))
			.select(TAG_VALUE, COUNT, Aggregate.firstSeen(), Aggregate.lastSeen())
			.where(new Condition.Compare(TAG_KEY, Condition.Operator.EQUALS, key))
			.groupBy(TAG_VALUE)
			.orderBy(Order.desc(COUNT), Order.asc(TAG_VALUE))
			.page(0, limit);
		if (!prefix.isEmpty()) {
			builder.where(new Condition.Like(TAG_VALUE, List.of(prefix, ""), true));
		}
		List<TagValueCount> values = new ArrayList<>();
		for (List<@Nullable Object> row : this.runner.run(builder.build()).rows()) {
			values.add(new TagValueCount((String) row.get(0), (Long) row.get(1), (Instant) row.get(2),
					(Instant) row.get(3)));
		}
		return values;
	}

	/**
	 * Every row of a query, page after page (a page is {@link Query#MAX_LIMIT} rows).
	 */
	private List<List<@Nullable Object>> all(Query query) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		Query page = query;
		while (true) {
			QueryResult result = this.runner.run(page);
			rows.addAll(result.rows());
			if (!result.paging().hasNext()) {
				return rows;
			}
			page = page.at(result.paging().next());
		}
	}

	private static long index(long fromMillis, long bucketMillis, @Nullable Object bucketStart) {
		return (((Instant) Objects.requireNonNull(bucketStart)).toEpochMilli() - fromMillis) / bucketMillis;
	}

	private static void checkLimit(String name, int value) {
		if (value < 1 || value > 1000) {
			throw new IllegalArgumentException(name + " must be 1 to 1000: " + value);
		}
	}

}
