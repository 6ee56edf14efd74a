package dev.faultline.storage.clickhouse;

import java.util.UUID;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.tck.spans.SpanStoreContract;
import dev.faultline.testing.chdb.ChdbHttpServer;

/**
 * The spans role's TCK against a real ClickHouse engine (libchdb behind the HTTP test
 * server), in a fresh database.
 */
class ClickHouseSpanStoreIT extends SpanStoreContract {

	@Override
	protected EventStorage createStorage() {
		String database = "spans_" + UUID.randomUUID().toString().replace("-", "");
		return ClickHouseEventStorage
			.open(new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default", "", database));
	}

}
