package dev.faultline.storage.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.tck.sessions.SessionStoreContract;

/**
 * The sessions role's TCK against an embedded DuckDB file.
 */
class DuckDbSessionStoreTest extends SessionStoreContract {

	@Override
	protected EventStorage createStorage() throws Exception {
		Path directory = Files.createTempDirectory("faultline-session-tck");
		return DuckDbEventStorage.open(directory.resolve("events.duckdb"));
	}

}
