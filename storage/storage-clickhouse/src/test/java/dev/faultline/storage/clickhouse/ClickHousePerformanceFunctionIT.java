package dev.faultline.storage.clickhouse;

import java.util.UUID;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.tck.query.PerformanceFunctionContract;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * The performance functions' TCK against a real ClickHouse engine (libchdb behind the
 * HTTP test server), in a fresh database.
 */
class ClickHousePerformanceFunctionIT extends PerformanceFunctionContract {

	@Override
	protected EventStorage createStorage() {
		String database = "performance_" + UUID.randomUUID().toString().replace("-", "");
		return ClickHouseEventStorage
			.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database));
	}

}
