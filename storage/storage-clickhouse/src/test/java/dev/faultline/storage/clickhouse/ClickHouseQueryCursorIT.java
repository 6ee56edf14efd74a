package dev.faultline.storage.clickhouse;

import java.util.UUID;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.query.QueryCursorContract;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * Page cursors' TCK against a real ClickHouse engine (libchdb behind the HTTP test
 * server), in a fresh database.
 */
class ClickHouseQueryCursorIT extends QueryCursorContract {

	@Override
	protected EventStore createStore() {
		String database = "cursor_" + UUID.randomUUID().toString().replace("-", "");
		return ClickHouseEventStorage
			.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database))
			.eventStore();
	}

}
