package dev.faultline.storage.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.storage.metadata.DuplicateException;
import org.jspecify.annotations.Nullable;

/**
 * Cron monitors, their environments and check-ins. Every method that changes an
 * environment does so in one transaction, and the detector's methods are compare-and-set:
 * of several replicas marking the same late environment or running check-in, exactly one
 * succeeds, so a missed or timed-out check-in is written exactly once. Thread-safe.
 */
public interface MonitorStore {

	/**
	 * Creates a monitor.
	 * @throws DuplicateException when the organization has a monitor of that slug
	 */
	Monitor create(long organizationId, long projectId, String slug, String name, String status, MonitorConfig config);

	/**
	 * The monitor of a check-in that carries a {@code monitor_config}: creates it (named
	 * after its slug) or replaces its config. Empty when the slug belongs to a monitor of
	 * another project of the organization, which the check-in may not change.
	 */
	Optional<Monitor> upsertConfig(long organizationId, long projectId, String slug, MonitorConfig config);

	Optional<Monitor> find(long organizationId, String slug);

	Optional<Monitor> findById(long monitorId);

	/** Monitors of an organization by name, of the given projects (all when empty). */
	List<Monitor> list(long organizationId, Collection<Long> projectIds);

	/**
	 * Replaces what the API may change: slug, name, status, muted, config.
	 * @return the monitor as stored, empty when it is gone
	 * @throws DuplicateException when the new slug is taken
	 */
	Optional<Monitor> update(Monitor changed);

	/** Deletes a monitor with its environments and check-ins. */
	boolean delete(long monitorId);

	/** The environments of monitors by monitor id, each list by name. */
	Map<Long, List<MonitorEnvironment>> environments(Collection<Long> monitorIds);

	/** Deletes one environment of a monitor with its check-ins. */
	boolean deleteEnvironment(long monitorId, String environment);

	/**
	 * Check-ins of a monitor, newest first.
	 * @param environment only this environment's; all when null
	 * @param since only those added at or after it
	 */
	List<CheckIn> checkIns(long monitorId, @Nullable String environment, Instant since, int limit);

	/**
	 * Records a client's check-in. A new check-in id is stored and moves the environment
	 * (created on first use) to the new expected times. The same id again closes an
	 * in-progress check-in with {@code ok} or {@code error} (and its duration, or the
	 * time since it started) and keeps the expected times; any other repeat, and a
	 * closing check-in for one that timed out, changes nothing
	 * ({@link CheckInResult.Transition#IGNORED}). Failures and successes are counted
	 * against the thresholds.
	 */
	CheckInResult recordCheckIn(NewCheckIn checkIn);

	/**
	 * Environments of active monitors whose latest time for the next check-in is at or
	 * before {@code now}.
	 */
	List<DueEnvironment> dueEnvironments(Instant now, int limit);

	/**
	 * Writes a missed check-in for the environment's expected time and moves it to the
	 * next one, if its next check-in is still {@code expected} (compare-and-set).
	 * @return empty when another detector or a check-in got there first
	 */
	Optional<CheckInResult> markMissed(long environmentId, Instant expected, Instant next, Instant nextLatest,
			String checkInId, Instant now, NewCheckIn.Thresholds thresholds);

	/** In-progress check-ins whose timeout is at or before {@code now}. */
	List<CheckIn> dueTimeouts(Instant now, int limit);

	/**
	 * Marks an in-progress check-in timed out, if it still is in progress
	 * (compare-and-set).
	 * @return empty when it was closed or marked by someone else first
	 */
	Optional<CheckInResult> markTimedOut(long monitorId, String checkInId, Instant now,
			NewCheckIn.Thresholds thresholds);

	/**
	 * Takes or renews the lease of a periodic job: true when {@code holder} holds it
	 * until {@code now + ttl}, false when another holder's lease has not expired.
	 */
	boolean tryLease(String name, String holder, Instant now, Duration ttl);

}
