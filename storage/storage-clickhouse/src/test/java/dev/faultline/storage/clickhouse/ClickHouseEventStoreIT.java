package dev.faultline.storage.clickhouse;

import java.util.UUID;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.events.EventStoreContract;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * The event store TCK against a real ClickHouse engine (libchdb behind the HTTP test
 * server), one fresh database per test.
 */
class ClickHouseEventStoreIT extends EventStoreContract {

	private final String database = "events_" + UUID.randomUUID().toString().replace("-", "");

	@Override
	protected EventStore createStore() {
		return ClickHouseEventStore.open(settings());
	}

	@Override
	protected EventStore reopenStore() {
		return ClickHouseEventStore.open(settings());
	}

	private ClickHouseSettings settings() {
		return new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", this.database);
	}

}
