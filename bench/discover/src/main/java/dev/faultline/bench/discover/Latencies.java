package dev.faultline.bench.discover;

import java.util.Arrays;

/**
 * Measured durations of one query, in nanoseconds; percentiles by the nearest-rank
 * method. Not thread-safe.
 */
final class Latencies {

	private final long[] nanos;

	private int count;

	Latencies(int capacity) {
		this.nanos = new long[capacity];
	}

	void add(long durationNanos) {
		this.nanos[this.count++] = durationNanos;
	}

	/**
	 * @param percentile 0 < percentile <= 100
	 * @return milliseconds
	 */
	double percentileMillis(double percentile) {
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

}
