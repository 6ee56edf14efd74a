package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.DebugFileContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link DebugFileContract} against the machine's PostgreSQL server.
 */
class PostgresDebugFileIT extends DebugFileContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

}
