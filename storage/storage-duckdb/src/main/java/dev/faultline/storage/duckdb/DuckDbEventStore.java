package dev.faultline.storage.duckdb;

import java.nio.file.Path;

import dev.faultline.storage.events.EventStore;

/**
 * PLACEHOLDER: replaced by the event store adapter work.
 */
public final class DuckDbEventStore {

	private DuckDbEventStore() {
	}

	public static EventStore open(Path databaseFile) {
		throw new UnsupportedOperationException("pending");
	}

}
