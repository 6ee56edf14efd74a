package dev.faultline.queue.embedded;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the envelopes the queue file retains (published, not yet removed by retention)
 * plus those being written, against a capacity. Thread-safe and lock-free.
 */
final class Backlog {

	private final long capacity;

	private final AtomicLong used;

	Backlog(long capacity, long retained) {
		if (capacity < 1) {
			throw new IllegalArgumentException("maxBacklog must be positive, was " + capacity);
		}
		this.capacity = capacity;
		this.used = new AtomicLong(retained);
	}

	/** Takes room for one envelope; {@code false} when the queue is at capacity. */
	boolean tryReserve() {
		long current;
		do {
			current = this.used.get();
			if (current >= this.capacity) {
				return false;
			}
		}
		while (!this.used.compareAndSet(current, current + 1));
		return true;
	}

	/** Gives back room: a write failed, or retention removed envelopes. */
	void release(long envelopes) {
		this.used.addAndGet(-envelopes);
	}

	long used() {
		return this.used.get();
	}

	long capacity() {
		return this.capacity;
	}

}
