package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.DiscoverStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link DiscoverStoreContract} against PostgreSQL.
 */
class PostgresDiscoverStoreIT extends DiscoverStoreContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

}
