package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ProjectSettingsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the project settings contract against the machine's PostgreSQL server.
 */
class PostgresProjectSettingsIT extends ProjectSettingsContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores() {
		return DATABASE.openEmpty();
	}

}
