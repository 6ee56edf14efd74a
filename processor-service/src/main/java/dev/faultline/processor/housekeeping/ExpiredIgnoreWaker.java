package dev.faultline.processor.housekeeping;

import java.time.Clock;
import java.time.Duration;

import dev.faultline.storage.metadata.IssueWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends "ignore until" periods: every interval
 * ({@code faultline.processor.ignore-wake-interval}, 30 s by default; the first time one
 * interval after start) makes every ignored issue whose {@code ignoreUntil} has passed
 * unresolved again through {@link IssueWorkflow#wakeExpiredIgnores}. Ignores that end by
 * a count of events or users wake while their events are recorded instead; an ignore by
 * time has no event to wait for. Waking is idempotent, so several processor instances may
 * all run it. A failed run is logged and tried again at the next interval
 * ({@link PeriodicTask}).
 */
public final class ExpiredIgnoreWaker extends PeriodicTask {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredIgnoreWaker.class);

	private final IssueWorkflow issues;

	private final Clock clock;

	public ExpiredIgnoreWaker(IssueWorkflow issues, Duration interval, Clock clock) {
		super("faultline-ignore-waker", atLeastOneSecond(interval), interval);
		this.issues = issues;
		this.clock = clock;
	}

	private static Duration atLeastOneSecond(Duration interval) {
		if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(
					"faultline.processor.ignore-wake-interval must be at least 1s but was " + interval);
		}
		return interval;
	}

	/**
	 * Wakes the issues whose ignore period has ended by now; returns how many woke up.
	 */
	int wake() {
		return this.issues.wakeExpiredIgnores(this.clock.instant());
	}

	@Override
	void runOnce() {
		int woken = wake();
		if (woken > 0) {
			logger.debug("Woke {} issues whose ignore period ended", woken);
		}
	}

}
