package dev.faultline.storage.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bucket arithmetic of {@link EventAggregates#countByIssue}, shared by the adapters
 * so that both validate and fill results alike; the counting itself is each engine's
 * query.
 *
 * <p>
 * Not thread-safe: one instance collects the rows of one query.
 */
public final class TimeBuckets {

	/** Bounds a result to what a chart can show: 30 days of minutes and then some. */
	public static final int MAX_BUCKETS = 50_000;

	private final long fromMillis;

	private final long bucketMillis;

	private final int buckets;

	private final Map<Long, long[]> counts = new LinkedHashMap<>();

	/**
	 * @throws IllegalArgumentException for an empty or reversed range, a bucket shorter
	 * than a second or not whole milliseconds, too many buckets, or more than 1000 issues
	 */
	public TimeBuckets(List<Long> issueIds, Instant from, Instant to, Duration bucket) {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to: " + from + ", " + to);
		}
		if (bucket.compareTo(Duration.ofSeconds(1)) < 0 || bucket.getNano() % 1_000_000 != 0) {
			throw new IllegalArgumentException("bucket must be at least 1 s in whole milliseconds: " + bucket);
		}
		if (issueIds.size() > 1000) {
			throw new IllegalArgumentException("at most 1000 issues per call: " + issueIds.size());
		}
		this.fromMillis = from.toEpochMilli();
		this.bucketMillis = bucket.toMillis();
		long span = to.toEpochMilli() - this.fromMillis;
		long count = (span + this.bucketMillis - 1) / this.bucketMillis;
		if (count > MAX_BUCKETS) {
			throw new IllegalArgumentException("too many buckets: " + count);
		}
		this.buckets = (int) count;
		for (Long issueId : issueIds) {
			this.counts.put(issueId, new long[this.buckets]);
		}
	}

	/** The start of the range in epoch milliseconds. */
	public long fromMillis() {
		return this.fromMillis;
	}

	/** The bucket width in milliseconds. */
	public long bucketMillis() {
		return this.bucketMillis;
	}

	/** The number of buckets. */
	public int buckets() {
		return this.buckets;
	}

	/**
	 * Adds a counted row; rows of issues not asked for or outside the buckets are
	 * ignored.
	 */
	public void add(long issueId, long bucketIndex, long count) {
		long[] issue = this.counts.get(issueId);
		if (issue != null && bucketIndex >= 0 && bucketIndex < this.buckets) {
			issue[(int) bucketIndex] += count;
		}
	}

	/**
	 * Every requested issue's counts, oldest bucket first.
	 */
	public Map<Long, List<Long>> result() {
		Map<Long, List<Long>> result = new LinkedHashMap<>();
		this.counts.forEach((issueId, values) -> {
			List<Long> list = new ArrayList<>(values.length);
			for (long value : values) {
				list.add(value);
			}
			result.put(issueId, Collections.unmodifiableList(list));
		});
		return Collections.unmodifiableMap(result);
	}

}
