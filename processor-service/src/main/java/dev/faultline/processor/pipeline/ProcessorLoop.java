package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.faultline.storage.backup.StoreBarrier;
import dev.faultline.storage.queue.EnvelopeConsumer;
import dev.faultline.storage.queue.EnvelopeQueue;
import dev.faultline.storage.queue.QueueRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The consumer loop: one dedicated thread polls the queue, runs the
 * {@link EnvelopePipeline} on each batch, writes it, then commits.
 *
 * <p>
 * Delivery is at-least-once and the writes are idempotent, so a crash or a retry never
 * duplicates. A store failure retries the same batch with exponential backoff (capped by
 * {@link ProcessorSettings#maxBackoff()}) and never commits it before it is stored. A
 * queue failure reopens the consumer after a backoff (uncommitted records come again).
 * Stopping lets the in-flight batch finish, commits it and closes the consumer; a batch
 * whose store is failing at that moment is left uncommitted for the next start.
 */
public final class ProcessorLoop implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ProcessorLoop.class);

	private final EnvelopeQueue queue;

	private final EnvelopePipeline pipeline;

	private final ItemOutcomes outcomes;

	private final ProcessorSettings settings;

	private final StoreBarrier barrier;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	private volatile CountDownLatch stopSignal = new CountDownLatch(0);

	private volatile @Nullable String lastFailure;

	/**
	 * When a poll last returned or a batch was last committed ({@link System#nanoTime}).
	 */
	private volatile long lastProgress = System.nanoTime();

	public ProcessorLoop(EnvelopeQueue queue, EnvelopePipeline pipeline, ItemOutcomes outcomes,
			ProcessorSettings settings) {
		this(queue, pipeline, outcomes, settings, new StoreBarrier());
	}

	/**
	 * @param barrier held for each batch's store step, so that an online backup copies
	 * the metadata and event stores between batches
	 */
	public ProcessorLoop(EnvelopeQueue queue, EnvelopePipeline pipeline, ItemOutcomes outcomes,
			ProcessorSettings settings, StoreBarrier barrier) {
		this.queue = queue;
		this.pipeline = pipeline;
		this.outcomes = outcomes;
		this.settings = settings;
		this.barrier = barrier;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.stopSignal = new CountDownLatch(1);
		Thread consumerThread = new Thread(this::run, "faultline-processor");
		this.thread = consumerThread;
		consumerThread.start();
	}

	@Override
	public synchronized void stop() {
		Thread consumerThread = this.thread;
		this.running = false;
		this.stopSignal.countDown();
		if (consumerThread == null) {
			return;
		}
		try {
			consumerThread.join(this.settings.shutdownTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (consumerThread.isAlive()) {
			logger.warn("Processor loop did not stop within {}", this.settings.shutdownTimeout());
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether the loop runs and its last attempt to poll or store succeeded.
	 */
	public boolean isHealthy() {
		Thread consumerThread = this.thread;
		return this.running && consumerThread != null && consumerThread.isAlive() && this.lastFailure == null;
	}

	/**
	 * How long ago a poll last returned or a batch was last committed. A loop that waits
	 * on an empty queue returns from a poll every poll timeout, so a long time here means
	 * the loop is stuck in one batch (or one store call), not idle.
	 */
	public Duration sinceProgress() {
		return Duration.ofNanos(System.nanoTime() - this.lastProgress);
	}

	/**
	 * The last poll or store failure not yet followed by a success, or null.
	 */
	public @Nullable String lastFailure() {
		return this.lastFailure;
	}

	private void run() {
		Backoff backoff = new Backoff(this.settings.initialBackoff(), this.settings.maxBackoff());
		while (this.running) {
			try (EnvelopeConsumer consumer = this.queue.consumer(this.settings.group())) {
				consume(consumer);
			}
			catch (RuntimeException ex) {
				this.lastFailure = ex.toString();
				logger.warn("Queue consumer failed; reopening it", ex);
				pause(backoff.next());
			}
		}
		logger.debug("Processor loop stopped");
	}

	private void consume(EnvelopeConsumer consumer) {
		while (this.running) {
			List<QueueRecord> records = consumer.poll(this.settings.maxRecords(), this.settings.pollTimeout());
			this.lastProgress = System.nanoTime();
			if (records.isEmpty()) {
				this.lastFailure = null;
				continue;
			}
			PreparedBatch batch = this.pipeline.prepare(records);
			List<ItemOutcome> stored = storeWithRetry(batch, records);
			if (stored == null) {
				return;
			}
			consumer.commit();
			this.lastProgress = System.nanoTime();
			this.lastFailure = null;
			List<ItemOutcome> outcomes = new ArrayList<>(batch.dropped());
			outcomes.addAll(stored);
			this.outcomes.record(outcomes);
		}
	}

	/**
	 * Stores the batch, retrying until it succeeds; null when the loop was stopped first.
	 */
	private @Nullable List<ItemOutcome> storeWithRetry(PreparedBatch batch, List<QueueRecord> records) {
		Backoff backoff = new Backoff(this.settings.initialBackoff(), this.settings.maxBackoff());
		while (true) {
			try (StoreBarrier.Hold step = this.barrier.step()) {
				return this.pipeline.store(batch);
			}
			catch (RuntimeException ex) {
				this.lastFailure = ex.toString();
				this.outcomes.storeFailure();
				Duration pause = backoff.next();
				logger.warn("Storing {} events from queue positions {}..{} failed; retrying in {}",
						batch.pendingCount(), records.get(0).position(), records.get(records.size() - 1).position(),
						pause, ex);
				if (!pause(pause)) {
					return null;
				}
			}
		}
	}

	/**
	 * Waits, returning early when stopped; returns whether the loop still runs.
	 */
	private boolean pause(Duration pause) {
		try {
			this.stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		return this.running;
	}

}
