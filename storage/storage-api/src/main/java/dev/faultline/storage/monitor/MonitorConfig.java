package dev.faultline.storage.monitor;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A monitor's schedule and settings as Sentry's {@code monitor_config} names them. The
 * optional settings are null when the user left them to their defaults, so the API shows
 * back what was given; the effective values are the {@code effective…} methods.
 *
 * @param scheduleType {@code crontab} or {@code interval}
 * @param crontab the expression of a crontab schedule
 * @param intervalValue the count of an interval schedule (0 for a crontab)
 * @param intervalUnit the unit of an interval schedule ({@code minute} … {@code year})
 * @param timezone IANA zone the crontab is read in; null for UTC
 * @param checkinMargin minutes a check-in may be late before it is missed
 * @param maxRuntime minutes an in-progress check-in may run before it times out
 * @param failureIssueThreshold consecutive failures that open an issue
 * @param recoveryThreshold consecutive successes that resolve it
 */
public record MonitorConfig(String scheduleType, @Nullable String crontab, int intervalValue,
		@Nullable String intervalUnit, @Nullable String timezone, @Nullable Integer checkinMargin,
		@Nullable Integer maxRuntime, @Nullable Integer failureIssueThreshold, @Nullable Integer recoveryThreshold) {

	/** Sentry's default margin: one minute. */
	public static final int DEFAULT_CHECKIN_MARGIN = 1;

	/** Sentry's default maximum runtime: 30 minutes. */
	public static final int DEFAULT_MAX_RUNTIME = 30;

	/** Sentry's cap on the maximum runtime: 28 days. */
	public static final int MAX_RUNTIME_CAP = 40_320;

	public MonitorConfig {
		Objects.requireNonNull(scheduleType, "scheduleType");
	}

	public int effectiveCheckinMargin() {
		return (this.checkinMargin != null && this.checkinMargin > 0) ? this.checkinMargin : DEFAULT_CHECKIN_MARGIN;
	}

	public int effectiveMaxRuntime() {
		return (this.maxRuntime != null && this.maxRuntime > 0) ? Math.min(this.maxRuntime, MAX_RUNTIME_CAP)
				: DEFAULT_MAX_RUNTIME;
	}

	public int effectiveFailureIssueThreshold() {
		return (this.failureIssueThreshold != null && this.failureIssueThreshold > 0) ? this.failureIssueThreshold : 1;
	}

	public int effectiveRecoveryThreshold() {
		return (this.recoveryThreshold != null && this.recoveryThreshold > 0) ? this.recoveryThreshold : 1;
	}

}
