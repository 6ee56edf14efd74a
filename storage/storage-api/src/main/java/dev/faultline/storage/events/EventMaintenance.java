package dev.faultline.storage.events;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The event store's maintenance role: moving events between issues (merge, unmerge),
 * deleting an issue's events, and the retention sweep. Thread-safe.
 */
public interface EventMaintenance {

	/**
	 * Moves events of one issue to another (merge, unmerge): every event of
	 * {@code fromIssueId}, or with {@code primaryHashes} only those grouped by one of the
	 * hashes. Idempotent; returns once the move is visible to reads.
	 */
	void moveEvents(long projectId, long fromIssueId, @Nullable Set<String> primaryHashes, long toIssueId);

	/**
	 * Deletes every event of the issue. Idempotent.
	 */
	void deleteIssueEvents(long projectId, long issueId);

	/**
	 * The retention sweep: removes every project's events with
	 * {@code timestamp < cutoff}, and the spans that ended before it (spans are kept as
	 * long as errors). Idempotent; an event stored later with an older timestamp goes
	 * with the next sweep.
	 */
	void deleteOlderThan(Instant cutoff);

}
