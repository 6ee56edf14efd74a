package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ProcessingStoresContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the processing stores contract (activities, dead letters) against the machine's
 * PostgreSQL server.
 */
class PostgresProcessingStoresIT extends ProcessingStoresContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores() {
		return DATABASE.openEmpty();
	}

}
