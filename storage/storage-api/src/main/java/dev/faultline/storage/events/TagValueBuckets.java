package dev.faultline.storage.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bucket arithmetic of {@link EventAggregates#countByTagValue}: {@link TimeBuckets}
 * keyed by tag value instead of issue id, shared by the adapters so that both validate
 * and fill results alike.
 *
 * <p>
 * Not thread-safe: one instance collects the rows of one query.
 */
public final class TagValueBuckets {

	private final List<String> values;

	private final TimeBuckets buckets;

	/**
	 * @param values the requested values; repeats count once
	 * @throws IllegalArgumentException as {@link TimeBuckets} does
	 */
	public TagValueBuckets(List<String> values, Instant from, Instant to, Duration bucket) {
		this.values = values.stream().distinct().toList();
		// TimeBuckets counts per long id: here each value's index in the request.
		List<Long> indexes = new ArrayList<>();
		for (long i = 0; i < this.values.size(); i++) {
			indexes.add(i);
		}
		this.buckets = new TimeBuckets(indexes, from, to, bucket);
	}

	/** The distinct requested values, in request order (the query's bound values). */
	public List<String> values() {
		return this.values;
	}

	/** The start of the range in epoch milliseconds. */
	public long fromMillis() {
		return this.buckets.fromMillis();
	}

	/** The bucket width in milliseconds. */
	public long bucketMillis() {
		return this.buckets.bucketMillis();
	}

	/** Adds a counted row; values not asked for and buckets out of range are ignored. */
	public void add(String value, long bucketIndex, long count) {
		int index = this.values.indexOf(value);
		if (index >= 0) {
			this.buckets.add(index, bucketIndex, count);
		}
	}

	/** For every requested value, its counts oldest bucket first. */
	public Map<String, List<Long>> result() {
		Map<String, List<Long>> counts = new LinkedHashMap<>();
		this.buckets.result().forEach((index, series) -> counts.put(this.values.get(index.intValue()), series));
		return counts;
	}

}
