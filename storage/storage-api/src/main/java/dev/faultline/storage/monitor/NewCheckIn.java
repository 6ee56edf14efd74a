package dev.faultline.storage.monitor;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A check-in as a client sent it, with what the processor computed from the monitor's
 * schedule.
 *
 * @param status {@code in_progress}, {@code ok} or {@code error}
 * @param receivedAt its time: when it arrived
 * @param nextCheckIn the schedule's next point after it
 * @param nextCheckInLatest that point plus the margin
 * @param timeoutAt for an in-progress check-in: when it times out
 */
public record NewCheckIn(long monitorId, String environment, String checkInId, String status,
		@Nullable Long durationMillis, Instant receivedAt, Instant nextCheckIn, Instant nextCheckInLatest,
		@Nullable Instant timeoutAt, @Nullable String traceId, Thresholds thresholds) {

	public NewCheckIn {
		Objects.requireNonNull(environment, "environment");
		Objects.requireNonNull(checkInId, "checkInId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(nextCheckIn, "nextCheckIn");
		Objects.requireNonNull(nextCheckInLatest, "nextCheckInLatest");
		Objects.requireNonNull(thresholds, "thresholds");
	}

	/**
	 * How many consecutive failures open an issue and how many successes resolve it.
	 */
	public record Thresholds(int failure, int recovery) {

		public Thresholds {
			if (failure < 1 || recovery < 1) {
				throw new IllegalArgumentException("thresholds are at least 1");
			}
		}

		public static Thresholds of(MonitorConfig config) {
			return new Thresholds(config.effectiveFailureIssueThreshold(), config.effectiveRecoveryThreshold());
		}

	}

}
