package dev.faultline.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * How many events (or distinct users) issues had in a time range: what frequency
 * conditions compare. Thread-safe.
 */
public interface EventCounts {

	/**
	 * @param from inclusive
	 * @param to exclusive
	 * @return a count per issue id; an issue without events in the range may be missing
	 */
	Map<Long, Long> count(long projectId, Collection<Long> issueIds, Instant from, Instant to, boolean uniqueUsers);

}
