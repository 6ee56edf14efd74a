package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ProjectSettingsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the project settings contract against the machine's PostgreSQL server.
 */
class PostgresProjectSettingsIT extends ProjectSettingsContract {

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
