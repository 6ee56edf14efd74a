package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.IssueMergeContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs {@link IssueMergeContract} against the machine's PostgreSQL server.
 */
class PostgresIssueMergeIT extends IssueMergeContract {

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
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

}
