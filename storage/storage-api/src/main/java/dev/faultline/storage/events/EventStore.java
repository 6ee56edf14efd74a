package dev.faultline.storage.events;

/**
 * Every role of an event store in one interface, for callers that need several (the Web
 * API) and for the code written before the roles: {@link EventWriter},
 * {@link EventReader}, {@link EventAggregates}, {@link EventMaintenance} and the query
 * role {@link QueryRunner}. New callers take the narrowest role; new kinds of data add
 * roles to {@link EventStorage}, not methods here.
 *
 * <p>
 * Contract (storage TCK): writes are idempotent on {@code (projectId, eventId)}: writing
 * an event that exists keeps one copy. Every read is scoped to one project. Lists are
 * newest first ({@code timestamp} descending, then {@code eventId} descending).
 * Thread-safe.
 */
public interface EventStore
		extends EventWriter, EventReader, EventAggregates, EventMaintenance, QueryRunner, AutoCloseable {

	/**
	 * Returns whether the store answers now; never throws.
	 */
	boolean isHealthy();

	@Override
	void close();

}
