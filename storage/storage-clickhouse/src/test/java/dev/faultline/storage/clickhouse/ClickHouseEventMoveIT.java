package dev.faultline.storage.clickhouse;

import java.util.UUID;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.events.EventMoveContract;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * {@link EventMoveContract} against a real ClickHouse engine (libchdb behind the HTTP
 * test server), one fresh database per test.
 */
class ClickHouseEventMoveIT extends EventMoveContract {

	private final String database = "events_" + UUID.randomUUID().toString().replace("-", "");

	@Override
	protected EventStore createStore() {
		return ClickHouseEventStore
			.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", this.database));
	}

}
