package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Outcome counters per project, hour, category, outcome and reason: what the stats pages
 * ({@code stats_v2}) read. Writers are ingest (rejected items, client reports) and the
 * processor (accepted, filtered and invalid items); each adds to the counters, so callers
 * should aggregate in memory and record in batches. Thread-safe.
 */
public interface OutcomeStore {

	/**
	 * Adds each count to its counter, creating counters as needed, in one transaction.
	 * Counts of projects that do not exist (any more) are dropped silently. Not
	 * idempotent: recording the same counts twice counts them twice.
	 */
	void record(Collection<OutcomeCount> counts);

	/**
	 * The counters of the given projects for hours {@code from <= hour < to}, ordered by
	 * hour, project, category, outcome and reason; empty when no project id is given.
	 */
	List<OutcomeCount> query(Collection<Long> projectIds, Instant from, Instant to);

	/**
	 * The counters of every project of the instance for hours {@code from <= hour < to},
	 * ordered like {@link #query}: what the instance administrator's status page sums.
	 */
	List<OutcomeCount> queryAll(Instant from, Instant to);

	/**
	 * The retention sweep: deletes the counters of every project whose hour began before
	 * {@code cutoff} rounded down to its hour, so an hour is kept whole or not at all.
	 * Idempotent.
	 * @return how many counters were deleted
	 */
	long deleteBefore(Instant cutoff);

}
