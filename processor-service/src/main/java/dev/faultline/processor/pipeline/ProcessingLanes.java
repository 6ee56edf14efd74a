package dev.faultline.processor.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Prepares the envelopes of one batch on several lanes at once, each envelope within its
 * {@link ProcessingBudget}. Lane {@code k} takes the envelopes {@code k, k + n, k + 2n…}
 * one after another through its own budget (so one envelope's time never counts against
 * another's), the calling thread being lane 0; the results come back in the order of the
 * work. Preparation is pure, so the order in which envelopes are prepared changes
 * nothing: what depends on order (issues, counts, storage) happens afterwards, in queue
 * order, on the loop thread. With one lane everything runs as before, through one budget.
 * Thread-safe, one batch at a time.
 */
final class ProcessingLanes implements AutoCloseable {

	private static final AtomicInteger LANE_THREADS = new AtomicInteger();

	private final ProcessingBudget[] budgets;

	private final @Nullable ExecutorService helpers;

	/**
	 * @param count how many envelopes are prepared at once, at least 1
	 * @param limit each envelope's budget
	 */
	ProcessingLanes(int count, Duration limit) {
		if (count < 1) {
			throw new IllegalArgumentException("at least one processing thread is needed but was " + count);
		}
		this.budgets = new ProcessingBudget[count];
		for (int lane = 0; lane < count; lane++) {
			this.budgets[lane] = new ProcessingBudget(limit);
		}
		this.helpers = (count == 1) ? null : Executors.newFixedThreadPool(count - 1, (runnable) -> {
			Thread thread = new Thread(runnable, "faultline-processor-lane-" + LANE_THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	Duration limit() {
		return this.budgets[0].limit();
	}

	/**
	 * Runs every piece of work within its budget.
	 * @return the results in the order of {@code work}; null where the work did not
	 * finish in time (it was abandoned)
	 * @throws RuntimeException what a piece of work threw (the first, once every lane has
	 * finished)
	 */
	synchronized <T> List<@Nullable T> runAll(List<Supplier<T>> work) {
		@SuppressWarnings("unchecked")
		T[] results = (T[]) new Object[work.size()];
		int lanes = Math.min(this.budgets.length, work.size());
		List<Future<?>> running = new ArrayList<>(lanes);
		ExecutorService pool = this.helpers;
		for (int lane = 1; lane < lanes && pool != null; lane++) {
			int first = lane;
			running.add(pool.submit(() -> runLane(first, lanes, work, results)));
		}
		RuntimeException failure = null;
		try {
			if (lanes > 0) {
				runLane(0, lanes, work, results);
			}
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (Future<?> lane : running) {
			try {
				lane.get();
			}
			catch (ExecutionException ex) {
				if (failure == null) {
					failure = (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach((other) -> other.cancel(true));
				throw new IllegalStateException("interrupted while processing", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return Arrays.asList(results);
	}

	private <T> void runLane(int first, int step, List<Supplier<T>> work, T[] results) {
		ProcessingBudget budget = this.budgets[first];
		for (int index = first; index < work.size(); index += step) {
			results[index] = budget.run(work.get(index));
		}
	}

	@Override
	public synchronized void close() {
		for (ProcessingBudget budget : this.budgets) {
			budget.close();
		}
		if (this.helpers != null) {
			this.helpers.shutdownNow();
		}
	}

}
