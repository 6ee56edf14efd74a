package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ProcessingStoresContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the processing stores contract (activities, dead letters) against the machine's
 * PostgreSQL server.
 */
class PostgresProcessingStoresIT extends ProcessingStoresContract {

	private static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@BeforeAll
	static void createDatabase() {
		DATABASE.create();
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.drop();
	}

	@Override
	protected MetadataStores newStores() {
		return DATABASE.openEmpty();
	}

}
