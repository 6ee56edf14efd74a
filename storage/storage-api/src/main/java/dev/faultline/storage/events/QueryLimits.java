package dev.faultline.storage.events;

import java.time.Duration;
import java.util.Objects;

/**
 * What one query may cost before the engine stops it: its guard rails. An adapter applies
 * every limit it can enforce and documents the others; a query over a limit fails with
 * {@link QueryLimitExceededException} naming the limit, never with a partial answer.
 *
 * @param timeout the longest the engine may work on the query (waiting for a reading
 * connection included); {@link Duration#ZERO} for none
 * @param maxRowsToRead the most rows the engine may read for it (ClickHouse
 * {@code max_rows_to_read}; DuckDB: the rows in the query's projects and time range); 0
 * for no limit
 * @param maxBytesToRead the most uncompressed bytes the engine may read (ClickHouse
 * {@code max_bytes_to_read}; DuckDB cannot count them); 0 for no limit
 * @param maxMemoryBytes the most memory the query may use (ClickHouse
 * {@code max_memory_usage}; DuckDB's memory limit is one for the whole database, not per
 * query); 0 for no limit
 * @param maxGroups the most groups a grouped query may build (ClickHouse
 * {@code max_rows_to_group_by}); 0 for no limit
 */
public record QueryLimits(Duration timeout, long maxRowsToRead, long maxBytesToRead, long maxMemoryBytes,
		long maxGroups) {

	/** No limit at all: internal questions whose cost is known. */
	public static final QueryLimits NONE = new QueryLimits(Duration.ZERO, 0, 0, 0, 0);

	public QueryLimits {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("timeout must not be negative: " + timeout);
		}
		if (maxRowsToRead < 0 || maxBytesToRead < 0 || maxMemoryBytes < 0 || maxGroups < 0) {
			throw new IllegalArgumentException("limits must be 0 (none) or positive");
		}
	}

	/** Whether a time limit is set. */
	public boolean timed() {
		return !this.timeout.isZero();
	}

	/**
	 * These limits with another timeout.
	 * @param timeout the timeout, {@link Duration#ZERO} for none
	 * @return the limits
	 */
	public QueryLimits withTimeout(Duration timeout) {
		return new QueryLimits(timeout, this.maxRowsToRead, this.maxBytesToRead, this.maxMemoryBytes, this.maxGroups);
	}

	/**
	 * These limits with another budget of rows to read.
	 * @param rows the budget, 0 for none
	 * @return the limits
	 */
	public QueryLimits withMaxRowsToRead(long rows) {
		return new QueryLimits(this.timeout, rows, this.maxBytesToRead, this.maxMemoryBytes, this.maxGroups);
	}

}
