package dev.faultline.storage.clickhouse;

import dev.faultline.storage.events.EventStore;

/**
 * PLACEHOLDER: replaced by the event store adapter work.
 */
public final class ClickHouseEventStore {

	private ClickHouseEventStore() {
	}

	public static EventStore open(ClickHouseSettings settings) {
		throw new UnsupportedOperationException("pending");
	}

}
