package dev.faultline.storage.duckdb;

import java.nio.file.Path;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.events.EventStoreContract;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEventStoreTest extends EventStoreContract {

	@TempDir
	Path dir;

	@Override
	protected EventStore createStore() {
		return DuckDbEventStore.open(this.dir.resolve("events.duckdb"));
	}

	@Override
	protected EventStore reopenStore() {
		return DuckDbEventStore.open(this.dir.resolve("events.duckdb"));
	}

}
