package dev.faultline.storage.clickhouse;

import java.util.UUID;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.tck.sessions.SessionStoreContract;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * The sessions role's TCK against a real ClickHouse engine (libchdb behind the HTTP test
 * server), in a fresh database.
 */
class ClickHouseSessionStoreIT extends SessionStoreContract {

	@Override
	protected EventStorage createStorage() {
		String database = "sessions_" + UUID.randomUUID().toString().replace("-", "");
		return ClickHouseEventStorage
			.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database));
	}

}
