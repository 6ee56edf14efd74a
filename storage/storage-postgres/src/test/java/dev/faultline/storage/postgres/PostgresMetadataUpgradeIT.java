package dev.faultline.storage.postgres;

import java.sql.Connection;
import java.sql.SQLException;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MetadataUpgradeContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MetadataUpgradeContract} on a PostgreSQL database made at V1.
 */
class PostgresMetadataUpgradeIT extends MetadataUpgradeContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected Connection oldestSchema() throws SQLException {
		return DATABASE.migrateOnlyTo("1");
	}

	@Override
	protected MetadataStores openMigrated() {
		return DATABASE.open();
	}

}
