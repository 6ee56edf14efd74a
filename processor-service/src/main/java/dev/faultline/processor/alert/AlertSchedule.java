package dev.faultline.processor.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one alerting task (the outbox dispatch, the metric evaluation) on a daemon thread
 * of its own every {@code interval} after the previous run ended; a failed run is logged
 * and the next one comes as usual.
 */
public final class AlertSchedule implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AlertSchedule.class);

	private final String name;

	private final Duration interval;

	private final Runnable task;

	private volatile @Nullable ScheduledExecutorService scheduler;

	public AlertSchedule(String name, Duration interval, Runnable task) {
		this.name = name;
		this.interval = interval;
		this.task = task;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.name);
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::runLogged, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	private void runLogged() {
		try {
			this.task.run();
		}
		catch (RuntimeException ex) {
			logger.warn("{} failed; next run in {}", this.name, this.interval, ex);
		}
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

}
