package dev.faultline.queue.embedded;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.faultline.storage.queue.QueueUnavailableException;

/**
 * The only writer of the queue file: one thread that gathers every write submitted while
 * the previous transaction was committing into the next transaction (group commit).
 *
 * <p>
 * With {@code synchronous=FULL} each commit costs an fsync; sharing it between all
 * concurrent publishers is what lets many ingest threads publish durably at a high rate.
 * A write's future completes only after the transaction holding it committed, and fails
 * with {@link QueueUnavailableException} when it did not. A write that fails on its own
 * (rather than because of a neighbour) fails alone: a failed batch is retried one write
 * per transaction.
 *
 * <p>
 * Thread-safe; {@link #close()} finishes what was submitted before it.
 */
final class GroupCommitWriter implements AutoCloseable {

	/** Bounds one transaction, so that a burst never becomes one huge commit. */
	private static final int MAX_WRITES_PER_TRANSACTION = 1024;

	private static final long MAX_BYTES_PER_TRANSACTION = 64L * 1024 * 1024;

	private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

	/** One unit of work inside the writer's transaction; must not commit itself. */
	@FunctionalInterface
	interface SqlWrite<T> {

		T apply(Connection connection) throws SQLException;

	}

	private final Connection connection;

	private final Runnable afterCommit;

	private final BlockingQueue<Pending<?>> pending = new LinkedBlockingQueue<>();

	private final Thread thread;

	private volatile boolean accepting = true;

	private volatile boolean failing;

	private final AtomicLong transactions = new AtomicLong();

	/**
	 * @param connection the connection the writer owns and closes
	 * @param afterCommit run on the writer thread after every committed transaction
	 */
	GroupCommitWriter(Connection connection, Runnable afterCommit, String name) throws SQLException {
		this.connection = connection;
		this.afterCommit = afterCommit;
		this.connection.setAutoCommit(false);
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Queues a write for the next transaction.
	 * @param sizeHint bytes the write adds, to bound transaction size
	 * @return completes with the write's result once its transaction committed
	 */
	<T> CompletableFuture<T> submit(long sizeHint, SqlWrite<T> write) {
		Pending<T> entry = new Pending<>(write, sizeHint);
		if (!this.accepting) {
			entry.future.completeExceptionally(new QueueUnavailableException("embedded queue is closed", null));
			return entry.future;
		}
		this.pending.add(entry);
		if (!this.thread.isAlive() && this.pending.remove(entry)) {
			entry.future.completeExceptionally(new QueueUnavailableException("embedded queue writer stopped", null));
		}
		return entry.future;
	}

	/** Whether the writer runs and its last transaction committed. */
	boolean isHealthy() {
		return this.accepting && this.thread.isAlive() && !this.failing;
	}

	/** Transactions committed so far. */
	long transactions() {
		return this.transactions.get();
	}

	/** Writes waiting for the next transaction. */
	int waiting() {
		return this.pending.size();
	}

	@Override
	public void close() {
		this.accepting = false;
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			LOG.log(Level.WARNING, "closing the embedded queue writer connection failed", ex);
		}
	}

	private void run() {
		List<Pending<?>> batch = new ArrayList<>();
		try {
			while (this.accepting || !this.pending.isEmpty()) {
				Pending<?> first = this.pending.poll(50, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				long bytes = first.sizeHint;
				while (batch.size() < MAX_WRITES_PER_TRANSACTION && bytes < MAX_BYTES_PER_TRANSACTION) {
					Pending<?> next = this.pending.poll();
					if (next == null) {
						break;
					}
					batch.add(next);
					bytes += next.sizeHint;
				}
				commit(batch);
				batch.clear();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error ex) {
			LOG.log(Level.ERROR, "embedded queue writer stopped", ex);
			throw ex;
		}
		finally {
			this.accepting = false;
			QueueUnavailableException stopped = new QueueUnavailableException("embedded queue writer stopped", null);
			batch.forEach((entry) -> entry.future.completeExceptionally(stopped));
			Pending<?> left;
			while ((left = this.pending.poll()) != null) {
				left.future.completeExceptionally(stopped);
			}
		}
	}

	private void commit(List<Pending<?>> batch) {
		try {
			List<Runnable> completions = new ArrayList<>(batch.size());
			for (Pending<?> entry : batch) {
				completions.add(entry.applyIn(this.connection));
			}
			this.connection.commit();
			this.transactions.incrementAndGet();
			this.failing = false;
			completions.forEach(Runnable::run);
			this.afterCommit.run();
		}
		catch (SQLException ex) {
			rollback();
			if (batch.size() == 1) {
				this.failing = true;
				LOG.log(Level.WARNING, "embedded queue write failed", ex);
				batch.get(0).future
					.completeExceptionally(new QueueUnavailableException("embedded queue write failed", ex));
				return;
			}
			for (Pending<?> entry : batch) {
				commit(List.of(entry));
			}
		}
	}

	private void rollback() {
		try {
			this.connection.rollback();
		}
		catch (SQLException ex) {
			LOG.log(Level.WARNING, "embedded queue rollback failed", ex);
		}
	}

	private static final class Pending<T> {

		private final SqlWrite<T> write;

		private final long sizeHint;

		private final CompletableFuture<T> future = new CompletableFuture<>();

		Pending(SqlWrite<T> write, long sizeHint) {
			this.write = write;
			this.sizeHint = sizeHint;
		}

		/** Applies the write; the returned action completes the future after commit. */
		Runnable applyIn(Connection connection) throws SQLException {
			T result = this.write.apply(connection);
			return () -> this.future.complete(result);
		}

	}

}
