package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MetadataStoresContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the metadata contract against the machine's PostgreSQL server, in a database of
 * its own ({@link PostgresTestDatabase}); each test starts from emptied tables.
 */
class PostgresMetadataStoresIT extends MetadataStoresContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores() {
		return DATABASE.openEmpty();
	}

	@Test
	void reopeningKeepsDataAndDoesNotMigrateAgain() {
		try (MetadataStores first = DATABASE.open()) {
			first.organizations().create("reopen", "Reopen");
		}
		try (MetadataStores second = DATABASE.open()) {
			assertThat(second.organizations().findBySlug("reopen")).isPresent();
		}
	}

}
