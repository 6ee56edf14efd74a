package dev.faultline.storage.duckdb;

import java.nio.file.Path;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.events.EventTagContract;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEventTagTest extends EventTagContract {

	@TempDir
	Path dir;

	@Override
	protected EventStore createStore() {
		return DuckDbEventStore.open(this.dir.resolve("events.duckdb"));
	}

}
