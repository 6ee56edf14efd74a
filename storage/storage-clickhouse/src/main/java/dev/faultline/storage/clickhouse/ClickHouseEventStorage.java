package dev.faultline.storage.clickhouse;

import dev.faultline.storage.events.EventAggregates;
import dev.faultline.storage.events.EventMaintenance;
import dev.faultline.storage.events.EventReader;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventWriter;
import dev.faultline.storage.events.QueryRunner;
import dev.faultline.storage.metadata.SchemaVersion;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.spans.SpanReader;
import dev.faultline.storage.spans.SpanWriter;

/**
 * The scale event storage component: owns the ClickHouse client (its HTTP connection
 * pool) and hands out the role stores, which all share it.
 */
public final class ClickHouseEventStorage implements EventStorage {

	private final ClickHouseEventStore store;

	private ClickHouseEventStorage(ClickHouseEventStore store) {
		this.store = store;
	}

	/**
	 * Connects, creates the database if missing and applies the schema.
	 * @throws ClickHouseAccessException if the server is unreachable or rejects the
	 * schema
	 */
	public static ClickHouseEventStorage open(ClickHouseSettings settings) {
		return new ClickHouseEventStorage(ClickHouseEventStore.open(settings));
	}

	@Override
	public EventWriter eventWriter() {
		return this.store;
	}

	@Override
	public EventReader eventReader() {
		return this.store;
	}

	@Override
	public EventAggregates eventAggregates() {
		return this.store;
	}

	@Override
	public EventMaintenance eventMaintenance() {
		return this.store;
	}

	@Override
	public SpanWriter spanWriter() {
		return this.store.spans();
	}

	@Override
	public SpanReader spanReader() {
		return this.store.spans();
	}

	@Override
	public SessionWriter sessionWriter() {
		return this.store.sessions();
	}

	@Override
	public QueryRunner queries() {
		return this.store;
	}

	@Override
	public EventStore eventStore() {
		return this.store;
	}

	@Override
	public SchemaVersion schemaVersion() {
		return ClickHouseSchema.newest();
	}

	@Override
	public boolean isHealthy() {
		return this.store.isHealthy();
	}

	@Override
	public void close() {
		this.store.close();
	}

}
