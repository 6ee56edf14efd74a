package dev.faultline.processor.housekeeping;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Housekeeping that runs on a daemon thread of its own while the application runs: first
 * after {@code initialDelay}, then {@code interval} after each run ends. A failed run is
 * logged and tried again at the next interval; an exception escaping a run would cancel
 * the schedule, so none does.
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PeriodicTask.class);

	private final String name;

	private final Duration initialDelay;

	private final Duration interval;

	private volatile @Nullable ScheduledExecutorService scheduler;

	/**
	 * @param name the thread's name, also used in log lines
	 */
	PeriodicTask(String name, Duration initialDelay, Duration interval) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.interval = interval;
	}

	/**
	 * One run; may throw (logged, retried at the next interval).
	 */
	abstract void runOnce();

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::runLogged, this.initialDelay.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
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

	private void runLogged() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			logger.warn("{} failed; next try in {}", this.name, this.interval, ex);
		}
	}

}
