package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.TokenContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link TokenContract} against the machine's PostgreSQL server.
 */
class PostgresTokenIT extends TokenContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

}
