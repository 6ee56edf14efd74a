package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.AlertStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link AlertStoreContract} against the machine's PostgreSQL server; the second
 * instance is another connection pool on the same database.
 */
class PostgresAlertStoreIT extends AlertStoreContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

	@Override
	protected MetadataStores openAgain(Clock clock) {
		return DATABASE.open(clock);
	}

}
