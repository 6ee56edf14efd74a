package dev.faultline.queue.embedded;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes waiting consumers when the writer committed: a counter that only grows and a
 * condition to wait for it to change. Reading the counter before looking for records and
 * waiting for it to move afterwards loses no wake-up. Thread-safe.
 */
final class NewRecordSignal {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private long sequence;

	long sequence() {
		this.lock.lock();
		try {
			return this.sequence;
		}
		finally {
			this.lock.unlock();
		}
	}

	void signal() {
		this.lock.lock();
		try {
			this.sequence++;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until the counter differs from {@code seen} or the wait ran out.
	 */
	void awaitChange(long seen, Duration wait) throws InterruptedException {
		long nanos = wait.toNanos();
		this.lock.lock();
		try {
			while (this.sequence == seen && nanos > 0) {
				nanos = this.changed.awaitNanos(nanos);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	static Duration remaining(long deadlineNanos) {
		return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
	}

	static long deadline(Duration timeout) {
		return System.nanoTime() + TimeUnit.NANOSECONDS.convert(timeout);
	}

}
