package dev.faultline.processor.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.faultline.alerts.AlertCandidate;
import dev.faultline.alerts.IssueAlertEvaluator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Takes the stored events of each batch from the event writer without blocking it and
 * evaluates their issue alert rules on a thread of its own, several batches at once when
 * they queued up. A full queue drops the batch (counted as
 * {@code faultline.alerts.candidates.dropped}, reason {@code queue_full}) rather than
 * slowing the processor; an evaluation that fails (a store outage) is retried with
 * backoff, then dropped (reason {@code evaluation_failed}). Evaluation is idempotent
 * (claims and outbox keys), so a retry sends nothing twice.
 */
public final class IssueAlertQueue implements Consumer<List<AlertCandidate>>, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IssueAlertQueue.class);

	private static final int ATTEMPTS = 5;

	private final IssueAlertEvaluator evaluator;

	private final BlockingQueue<List<AlertCandidate>> queue;

	private final Counter queueFull;

	private final Counter failed;

	private final AtomicLong done = new AtomicLong();

	private volatile @Nullable Thread worker;

	public IssueAlertQueue(IssueAlertEvaluator evaluator, int capacity, MeterRegistry registry) {
		this.evaluator = evaluator;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.queueFull = Counter.builder("faultline.alerts.candidates.dropped")
			.tag("reason", "queue_full")
			.register(registry);
		this.failed = Counter.builder("faultline.alerts.candidates.dropped")
			.tag("reason", "evaluation_failed")
			.register(registry);
	}

	@Override
	public void accept(List<AlertCandidate> candidates) {
		if (candidates.isEmpty()) {
			return;
		}
		if (!this.queue.offer(List.copyOf(candidates))) {
			this.queueFull.increment(candidates.size());
			this.done.addAndGet(candidates.size());
			logger.warn("Issue alert queue full: {} stored events not evaluated", candidates.size());
		}
	}

	/**
	 * How many stored events were taken off the queue so far (evaluated, or dropped after
	 * failing), for benchmarks and tests that wait for the evaluator to catch up.
	 */
	public long done() {
		return this.done.get();
	}

	/**
	 * Evaluates what is queued now on the calling thread (tests and shutdown).
	 */
	public void drain() {
		List<List<AlertCandidate>> batches = new ArrayList<>();
		this.queue.drainTo(batches);
		if (!batches.isEmpty()) {
			evaluate(batches);
		}
	}

	private void run() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				List<AlertCandidate> first = this.queue.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				List<List<AlertCandidate>> batches = new ArrayList<>();
				batches.add(first);
				this.queue.drainTo(batches, 63);
				evaluate(batches);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void evaluate(List<List<AlertCandidate>> batches) {
		List<AlertCandidate> all = new ArrayList<>();
		batches.forEach(all::addAll);
		try {
			evaluateWithRetries(all);
		}
		finally {
			this.done.addAndGet(all.size());
		}
	}

	private void evaluateWithRetries(List<AlertCandidate> all) {
		Duration wait = Duration.ofMillis(200);
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			try {
				this.evaluator.evaluate(all);
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == ATTEMPTS) {
					this.failed.increment(all.size());
					logger.error("Issue alerts of {} stored events not evaluated after {} attempts", all.size(),
							ATTEMPTS, ex);
					return;
				}
				logger.warn("Issue alert evaluation failed (attempt {}); retrying in {}", attempt, wait, ex);
				try {
					Thread.sleep(wait.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
				wait = wait.multipliedBy(2);
			}
		}
	}

	@Override
	public synchronized void start() {
		if (this.worker == null) {
			Thread thread = new Thread(this::run, "issue-alerts");
			thread.setDaemon(true);
			thread.start();
			this.worker = thread;
		}
	}

	@Override
	public synchronized void stop() {
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			this.worker = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

}
