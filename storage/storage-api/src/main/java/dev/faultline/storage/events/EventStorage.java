package dev.faultline.storage.events;

import dev.faultline.storage.metadata.SchemaVersion;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.spans.SpanReader;
import dev.faultline.storage.spans.SpanWriter;

/**
 * An event-store backend as one component (Zipkin's {@code StorageComponent}): it owns
 * the engine connection — the DuckDB file can be opened by one process only, and a
 * ClickHouse client pools its connections — and hands out narrow role stores that share
 * it. A new kind of data (spans, sessions, logs, check-ins, replays) adds a role here
 * with its own contract suite; it does not widen an existing role.
 *
 * <p>
 * Roles are created once and live as long as the component; they are thread-safe. Closing
 * the component closes every role.
 */
public interface EventStorage extends AutoCloseable {

	/** The write role (the processor). */
	EventWriter eventWriter();

	/** The read role (event pages). */
	EventReader eventReader();

	/** Issue search over events, counts in buckets, tag facets, keys and values. */
	EventAggregates eventAggregates();

	/** Moves, deletes and the retention sweep. */
	EventMaintenance eventMaintenance();

	/** The spans role's write side (the processor). */
	SpanWriter spanWriter();

	/** The spans role's read side (traces). */
	SpanReader spanReader();

	/**
	 * The sessions role's write side (the processor); sessions are read through the query
	 * role ({@code Datasets.SESSIONS}).
	 */
	SessionWriter sessionWriter();

	/** The query role: the typed query model. */
	QueryRunner queries();

	/** Every role in one, for callers that need several. */
	EventStore eventStore();

	/**
	 * The newest schema migration of this store, which opening it applied (an adapter
	 * refuses a schema newer than it knows).
	 */
	SchemaVersion schemaVersion();

	/**
	 * Returns whether the engine answers now; never throws.
	 */
	boolean isHealthy();

	@Override
	void close();

}
