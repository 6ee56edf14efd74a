package dev.faultline.processor;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.faultline.storage.metadata.IssueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Ends "ignore until" periods: every interval
 * ({@code faultline.processor.ignore-wake-interval}, 30 s by default; the first time one
 * interval after start) makes every ignored issue whose {@code ignoreUntil} has passed
 * unresolved again through {@link IssueStore#wakeExpiredIgnores}. Ignores that end by a
 * count of events or users wake while their events are recorded instead; an ignore by
 * time has no event to wait for. Waking is idempotent, so several processor instances may
 * all run it. A failed run is logged and tried again at the next interval; it never stops
 * the schedule.
 */
final class ExpiredIgnoreWaker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredIgnoreWaker.class);

	private final IssueStore issues;

	private final Duration interval;

	private final Clock clock;

	private volatile @Nullable ScheduledExecutorService scheduler;

	ExpiredIgnoreWaker(IssueStore issues, Duration interval, Clock clock) {
		if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(
					"faultline.processor.ignore-wake-interval must be at least 1s but was " + interval);
		}
		this.issues = issues;
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * Wakes the issues whose ignore period has ended by now; returns how many woke up.
	 */
	int wake() {
		return this.issues.wakeExpiredIgnores(this.clock.instant());
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "faultline-ignore-waker");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		executor.scheduleWithFixedDelay(this::wakeLogged, millis, millis, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null) {
			executor.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * One scheduled run: an exception escaping it would cancel the schedule, so every
	 * failure is caught and logged here.
	 */
	private void wakeLogged() {
		try {
			int woken = wake();
			if (woken > 0) {
				logger.debug("Woke {} issues whose ignore period ended", woken);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Waking issues whose ignore period ended failed; next try in {}", this.interval, ex);
		}
	}

}
