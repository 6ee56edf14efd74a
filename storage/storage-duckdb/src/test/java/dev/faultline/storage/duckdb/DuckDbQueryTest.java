package dev.faultline.storage.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.query.QueryContract;

/**
 * The query model's TCK against an embedded DuckDB file.
 */
class DuckDbQueryTest extends QueryContract {

	@Override
	protected EventStore createStore() throws Exception {
		Path directory = Files.createTempDirectory("faultline-query-tck");
		return DuckDbEventStorage.open(directory.resolve("events.duckdb")).eventStore();
	}

}
