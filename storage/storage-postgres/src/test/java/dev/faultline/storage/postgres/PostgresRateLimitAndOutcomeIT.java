package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.RateLimitAndOutcomeContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the rate-limit and outcome contract against the machine's PostgreSQL server.
 */
class PostgresRateLimitAndOutcomeIT extends RateLimitAndOutcomeContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores() {
		return DATABASE.openEmpty();
	}

}
