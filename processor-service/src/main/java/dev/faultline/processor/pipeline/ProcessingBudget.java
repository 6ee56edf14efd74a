package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the time the processing of one envelope may take, so that no input, however
 * expensive (a pathological regular expression, a huge nesting), holds the consumer loop:
 * the work runs on a worker thread and the caller waits at most the budget for it.
 * <p>
 * Java cannot stop a thread that is busy in a computation that never checks for
 * interruption (a regular expression), so a worker past its budget is interrupted and
 * abandoned: its result is never read and a fresh worker takes the next envelope. The
 * abandoned thread is a daemon and ends when its computation does; every stage is bounded
 * in input size and (issue 13) linear in time, so abandoned workers are rare and finite.
 * Thread-safe, one piece of work at a time.
 */
final class ProcessingBudget implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ProcessingBudget.class);

	private static final AtomicInteger WORKERS = new AtomicInteger();

	private final Duration limit;

	private @Nullable ExecutorService worker;

	/**
	 * @param limit the longest time one piece of work may take; at least 1 ms
	 */
	ProcessingBudget(Duration limit) {
		if (limit.toMillis() < 1) {
			throw new IllegalArgumentException("the processing budget must be at least 1ms but was " + limit);
		}
		this.limit = limit;
	}

	Duration limit() {
		return this.limit;
	}

	/**
	 * Runs the work within the budget.
	 * @return its result, or null when it did not finish in time (it was abandoned)
	 * @throws RuntimeException what the work threw
	 */
	synchronized <T> @Nullable T run(Supplier<T> work) {
		ExecutorService executor = worker();
		Future<T> future = executor.submit(work::get);
		try {
			return future.get(this.limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			executor.shutdownNow();
			this.worker = null;
			return null;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
		catch (CancellationException ex) {
			throw new IllegalStateException("processing was cancelled", ex);
		}
		catch (InterruptedException ex) {
			// The loop is being stopped: give the work up like a timed-out one, but keep
			// the interrupt for the loop to see.
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new IllegalStateException("interrupted while processing", ex);
		}
	}

	private ExecutorService worker() {
		ExecutorService executor = this.worker;
		if (executor == null) {
			executor = Executors.newSingleThreadExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "faultline-processor-worker-" + WORKERS.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			this.worker = executor;
			logger.debug("Started a processing worker");
		}
		return executor;
	}

	@Override
	public synchronized void close() {
		ExecutorService executor = this.worker;
		this.worker = null;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

}
