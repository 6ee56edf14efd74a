package dev.faultline.storage.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.tck.query.PerformanceFunctionContract;

/**
 * The performance functions' TCK against an embedded DuckDB file.
 */
class DuckDbPerformanceFunctionTest extends PerformanceFunctionContract {

	@Override
	protected EventStorage createStorage() throws Exception {
		Path directory = Files.createTempDirectory("faultline-performance-tck");
		return DuckDbEventStorage.open(directory.resolve("events.duckdb"));
	}

}
