package dev.faultline.storage.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.query.QueryCursorContract;

/**
 * Page cursors' TCK against an embedded DuckDB file.
 */
class DuckDbQueryCursorTest extends QueryCursorContract {

	@Override
	protected EventStore createStore() throws Exception {
		Path directory = Files.createTempDirectory("faultline-cursor-tck");
		return DuckDbEventStorage.open(directory.resolve("events.duckdb")).eventStore();
	}

}
