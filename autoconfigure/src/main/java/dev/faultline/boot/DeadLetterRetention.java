package dev.faultline.boot;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.faultline.storage.metadata.DeadLetterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes dead letters parked longer ago than {@code faultline.dead-letters.retention}:
 * once at start, then hourly. Several services (or replicas) sweeping the same store is
 * harmless: the delete is idempotent. A failed sweep is logged and tried again at the
 * next hour.
 */
final class DeadLetterRetention implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterRetention.class);

	private final DeadLetterStore letters;

	private final Duration retention;

	private final Clock clock;

	private volatile ScheduledExecutorService executor;

	DeadLetterRetention(DeadLetterStore letters, Duration retention, Clock clock) {
		this.letters = letters;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * One sweep; answers how many letters were deleted.
	 */
	long sweep() {
		try {
			long deleted = this.letters.deleteParkedBefore(this.clock.instant().minus(this.retention));
			if (deleted > 0) {
				logger.info("Deleted {} dead letters older than {}", deleted, this.retention);
			}
			return deleted;
		}
		catch (RuntimeException ex) {
			logger.warn("Dead-letter retention sweep failed: {}", ex.getMessage());
			return 0;
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "faultline-dead-letter-retention");
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
