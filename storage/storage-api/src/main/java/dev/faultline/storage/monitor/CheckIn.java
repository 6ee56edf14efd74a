package dev.faultline.storage.monitor;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One check-in of a monitor in an environment.
 *
 * @param checkInId the client's check-in id (32 hex digits), or one made up for a missed
 * check-in
 * @param status {@code in_progress}, {@code ok}, {@code error}, {@code missed} or
 * {@code timeout}
 * @param durationMillis how long the job ran, when known
 * @param dateAdded when it arrived (or, for a missed one, was detected)
 * @param dateUpdated when it last changed (closed, timed out)
 * @param dateInProgress when its in-progress check-in arrived, if it had one
 * @param expectedTime when the schedule expected it
 * @param timeoutAt when an in-progress check-in times out
 */
public record CheckIn(long monitorId, String environment, String checkInId, String status,
		@Nullable Long durationMillis, Instant dateAdded, Instant dateUpdated, @Nullable Instant dateInProgress,
		@Nullable Instant expectedTime, @Nullable Instant timeoutAt, @Nullable String traceId) {

	public static final String IN_PROGRESS = "in_progress";

	public static final String OK = "ok";

	public static final String ERROR = "error";

	public static final String MISSED = "missed";

	public static final String TIMEOUT = "timeout";

	public CheckIn {
		Objects.requireNonNull(environment, "environment");
		Objects.requireNonNull(checkInId, "checkInId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(dateAdded, "dateAdded");
		Objects.requireNonNull(dateUpdated, "dateUpdated");
	}

	/** Whether the status counts towards an issue: error, missed or timeout. */
	public boolean isFailure() {
		return isFailure(this.status);
	}

	public static boolean isFailure(String status) {
		return ERROR.equals(status) || MISSED.equals(status) || TIMEOUT.equals(status);
	}

}
