package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ReleaseContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link ReleaseContract} against the machine's PostgreSQL server.
 */
class PostgresReleaseIT extends ReleaseContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

}
