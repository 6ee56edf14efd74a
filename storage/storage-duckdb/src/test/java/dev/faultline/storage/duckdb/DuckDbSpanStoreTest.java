package dev.faultline.storage.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.tck.spans.SpanStoreContract;

/**
 * The spans role's TCK against an embedded DuckDB file.
 */
class DuckDbSpanStoreTest extends SpanStoreContract {

	@Override
	protected EventStorage createStorage() throws Exception {
		Path directory = Files.createTempDirectory("faultline-span-tck");
		return DuckDbEventStorage.open(directory.resolve("events.duckdb"));
	}

}
