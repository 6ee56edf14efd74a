package dev.faultline.storage.clickhouse;

import java.util.UUID;

import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.tck.query.QueryContract;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * The query model's TCK against a real ClickHouse engine (libchdb behind the HTTP test
 * server), in a fresh database.
 */
class ClickHouseQueryIT extends QueryContract {

	@Override
	protected EventStore createStore() {
		String database = "query_" + UUID.randomUUID().toString().replace("-", "");
		return ClickHouseEventStorage
			.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database))
			.eventStore();
	}

}
