package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.RateLimitAndOutcomeContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the rate-limit and outcome contract against the machine's PostgreSQL server.
 */
class PostgresRateLimitAndOutcomeIT extends RateLimitAndOutcomeContract {

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
