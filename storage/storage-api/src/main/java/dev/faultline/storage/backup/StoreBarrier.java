package dev.faultline.storage.backup;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps copies of several stores of the same moment. A writer whose one step changes more
 * than one store (the processor stores a batch: issues in the metadata store, the events
 * in the event store, then the events counted in the metadata store) holds it shared for
 * that step; an online backup holds it exclusively while it copies those stores, so no
 * step is half in one copy and whole in the other (an event stored but not counted, or
 * counted but not stored). Writers wait at most one backup's copy time; the lock is fair,
 * so a stream of steps cannot starve a backup. Thread-safe.
 */
public final class StoreBarrier {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

	/** Enters one step that writes several stores; close it when the step is done. */
	public Hold step() {
		return hold(this.lock.readLock());
	}

	/** Waits for running steps and holds new ones off until closed. */
	public Hold exclusive() {
		return hold(this.lock.writeLock());
	}

	private static Hold hold(Lock lock) {
		lock.lock();
		return lock::unlock;
	}

	/** A held barrier; closing releases it. */
	@FunctionalInterface
	public interface Hold extends AutoCloseable {

		@Override
		void close();

	}

}
