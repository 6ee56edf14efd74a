package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MonitorStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MonitorStoreContract} against PostgreSQL; the second detector opens its own
 * connection pool on the same database.
 */
class PostgresMonitorStoreIT extends MonitorStoreContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

	@Override
	protected MetadataStores sameDatabase(Clock clock) {
		return DATABASE.open(clock);
	}

}
