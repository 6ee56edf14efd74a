package dev.faultline.processor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.faultline.storage.events.EventStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Event retention: every {@link #INTERVAL} (and once shortly after start) removes the
 * events older than the configured retention ({@code faultline.processor.retention}, 90
 * days by default) through {@link EventStore#deleteOlderThan}. DuckDB has no TTL, so this
 * is its retention; ClickHouse also drops whole partitions after 90 days by TTL. The
 * sweep is idempotent, so several processor instances may all run it. A failed sweep is
 * logged and tried again at the next interval.
 */
final class RetentionSweeper implements SmartLifecycle {

	static final Duration INTERVAL = Duration.ofHours(1);

	private static final Logger logger = LoggerFactory.getLogger(RetentionSweeper.class);

	private final EventStore events;

	private final Duration retention;

	private final Clock clock;

	private volatile @Nullable ScheduledExecutorService scheduler;

	RetentionSweeper(EventStore events, Duration retention, Clock clock) {
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"faultline.processor.retention must be at least 1d but was " + retention);
		}
		this.events = events;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Runs one sweep now; returns the cutoff used.
	 */
	Instant sweep() {
		Instant cutoff = this.clock.instant().minus(this.retention);
		this.events.deleteOlderThan(cutoff);
		return cutoff;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "faultline-retention");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::sweepLogged, 60, INTERVAL.toSeconds(), TimeUnit.SECONDS);
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

	private void sweepLogged() {
		try {
			Instant cutoff = sweep();
			logger.debug("Removed events older than {}", cutoff);
		}
		catch (RuntimeException ex) {
			logger.warn("Retention sweep failed; next try in {}", INTERVAL, ex);
		}
	}

}
