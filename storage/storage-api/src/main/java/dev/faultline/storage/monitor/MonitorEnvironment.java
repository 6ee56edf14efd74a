package dev.faultline.storage.monitor;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A monitor's state in one environment.
 *
 * @param status {@code active} (no check-in yet), {@code ok}, {@code error},
 * {@code missed_checkin} or {@code timeout}: the last failure once failures reached the
 * monitor's threshold, {@code ok} once the successes after it reached the recovery
 * threshold
 * @param nextCheckIn when the next check-in is expected
 * @param nextCheckInLatest when, with the margin, it is missed
 * @param failures consecutive failing check-ins up to now
 * @param successes consecutive ok check-ins up to now
 * @param incidentOpen whether failures opened an issue that successes have not resolved
 */
public record MonitorEnvironment(long id, long monitorId, String name, String status, Instant dateCreated,
		@Nullable Instant lastCheckIn, @Nullable Instant nextCheckIn, @Nullable Instant nextCheckInLatest, int failures,
		int successes, boolean incidentOpen) {

	public static final String STATUS_ACTIVE = "active";

	public static final String STATUS_OK = "ok";

	public MonitorEnvironment {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
