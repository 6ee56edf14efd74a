package dev.faultline.storage.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The event store's role for the issue pages' aggregates: issue search over events, event
 * counts in time buckets, tag facets, tag keys and values. Adapters answer each with a
 * {@link dev.faultline.query.Query} of the typed query model (see {@link QueryRunner});
 * none is written by hand per engine. Thread-safe.
 */
public interface EventAggregates {

	/**
	 * Counts the events of each issue in time buckets, for a whole page of issues in one
	 * query. Bucket {@code i} covers {@code [from + i·bucket, from + (i+1)·bucket)};
	 * there are {@code ceil((to - from) / bucket)} buckets and only events with
	 * {@code from <= timestamp < to} count.
	 * @param issueIds issues of the project (up to 1000)
	 * @param bucket at least one second, whole milliseconds
	 * @return for every requested issue id, its counts oldest bucket first (zeros where
	 * nothing happened)
	 */
	default Map<Long, List<Long>> countByIssue(long projectId, List<Long> issueIds, Instant from, Instant to,
			Duration bucket) {
		return countByIssue(projectId, issueIds, from, to, bucket, EventSearch.EVERY_EVENT);
	}

	/**
	 * {@link #countByIssue(long, List, Instant, Instant, Duration) countByIssue} of only
	 * the events that match every event term of a search: the issue list's environment
	 * and time range ({@code environment:prod timestamp:-24h}), or any other event term
	 * ({@code handled:no}, a tag). Issue terms in the search are ignored.
	 * @param filter the events to count; {@link EventSearch#EVERY_EVENT} counts all
	 */
	Map<Long, List<Long>> countByIssue(long projectId, List<Long> issueIds, Instant from, Instant to, Duration bucket,
			EventSearch filter);

	/**
	 * The issues that have at least one event matching all event terms of a search
	 * together, most recently matched first (the newest matching event's
	 * {@code timestamp}, then the issue id, both descending). A search without event
	 * terms returns the issues that have any event.
	 * @param projectIds the projects to search (1 to 1000)
	 * @param search the search text and its clock; issue terms in it are ignored
	 * @param limit issue ids to return at most (1 to 100,000)
	 * @return distinct issue ids
	 * @throws RuntimeException the parser's unchecked syntax error when the text is not a
	 * valid search (callers parse it first to answer the user)
	 */
	List<Long> findIssueIds(List<Long> projectIds, EventSearch search, int limit);

	/**
	 * The tag keys of an issue's events with their top values. Besides the event's tags
	 * the built-in keys {@code level}, {@code environment} and {@code release} are facets
	 * when events carry them (a tag of the same name wins); keys are ordered by
	 * {@code totalEvents} descending, then by key.
	 * @param key only this key, or null for every key
	 * @param topValues values per key (1 to 1000)
	 */
	List<TagFacet> tagFacets(long projectId, long issueId, @Nullable String key, int topValues);

	/**
	 * How many of the issue's events carried each of the given values of a tag key (the
	 * same keys as {@link #tagFacets}) per time bucket, bucketed as
	 * {@link #countByIssue}.
	 * @return for every requested value, its counts oldest bucket first
	 */
	Map<String, List<Long>> countByTagValue(long projectId, long issueId, String key, List<String> values, Instant from,
			Instant to, Duration bucket);

	/**
	 * The tag keys of the projects' events since a time (built-ins included as in
	 * {@link #tagFacets}), most events first, then by key.
	 * @param limit keys to return at most (1 to 1000)
	 */
	List<TagKeyCount> tagKeys(List<Long> projectIds, Instant since, int limit);

	/**
	 * The values of a tag key in the projects' events since a time, most events first,
	 * then by value; only values starting with {@code prefix} (case-insensitive, matched
	 * literally) when it is not empty.
	 * @param limit values to return at most (1 to 1000)
	 */
	List<TagValueCount> tagValues(List<Long> projectIds, String key, String prefix, Instant since, int limit);

}
