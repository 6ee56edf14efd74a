package dev.faultline.storage.events;

import java.util.List;

/**
 * The event store's write role: the processor's only need.
 *
 * <p>
 * Contract (storage TCK): writes are idempotent on {@code (projectId, eventId)}: writing
 * an event that exists keeps one copy. Thread-safe.
 */
public interface EventWriter {

	/**
	 * Writes a batch durably; returns once it is stored and visible to reads.
	 */
	void write(List<StoredEvent> events);

}
