package dev.faultline.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The retention of one data category of the metadata store (dead letters, outcome
 * counters): once at start, then hourly, deletes what is older than the category's
 * retention through the store's idempotent delete, so several services (or replicas)
 * sweeping the same store is harmless. A failed sweep is logged and tried again at the
 * next hour.
 */
public final class RetentionSweep implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RetentionSweep.class);

	private final String category;

	private final Duration retention;

	private final Clock clock;

	private final ToLongFunction<Instant> deleteBefore;

	private volatile ScheduledExecutorService executor;

	/**
	 * @param category what is swept, for the log and the thread name
	 * @param retention how long it is kept (at least a day)
	 * @param deleteBefore deletes what is older than the cutoff it is given, answering
	 * how many rows went
	 */
	public RetentionSweep(String category, Duration retention, Clock clock, ToLongFunction<Instant> deleteBefore) {
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"the retention of " + category + " must be at least 1d but was " + retention);
		}
		this.category = category;
		this.retention = retention;
		this.clock = clock;
		this.deleteBefore = deleteBefore;
	}

	/**
	 * One sweep; answers how many rows were deleted (0 when it failed).
	 */
	public long sweep() {
		try {
			long deleted = this.deleteBefore.applyAsLong(this.clock.instant().minus(this.retention));
			if (deleted > 0) {
				logger.info("Deleted {} {} older than {}", deleted, this.category, this.retention);
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			logger.warn("Retention sweep of {} failed: {}", this.category, ex.getMessage());
			return 0;
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "faultline-retention-" + this.category.replace(' ', '-'));
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::sweep, 0, 1, TimeUnit.HOURS);
		this.executor = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			running.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
