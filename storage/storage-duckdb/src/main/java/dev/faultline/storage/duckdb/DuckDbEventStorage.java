package dev.faultline.storage.duckdb;

import java.nio.file.Path;

import dev.faultline.storage.backup.OnlineBackup;
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
 * The embedded event storage component: owns the one read-write connection to the DuckDB
 * file (DuckDB locks the file; a second process cannot open it) and hands out the role
 * stores, which all share that connection and its lock.
 */
public final class DuckDbEventStorage implements EventStorage, OnlineBackup {

	private final DuckDbEventStore store;

	private DuckDbEventStorage(DuckDbEventStore store) {
		this.store = store;
	}

	/**
	 * Opens (creating if needed) the event database at {@code databaseFile} and brings
	 * its schema up to date.
	 * @throws DuckDbAccessException if the file cannot be opened, e.g. because another
	 * process holds it
	 */
	public static DuckDbEventStorage open(Path databaseFile) {
		return new DuckDbEventStorage(DuckDbEventStore.open(databaseFile));
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
	public void backupTo(Path target) {
		this.store.copyTo(target);
	}

	@Override
	public SchemaVersion schemaVersion() {
		return DuckDbSchema.newest();
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
