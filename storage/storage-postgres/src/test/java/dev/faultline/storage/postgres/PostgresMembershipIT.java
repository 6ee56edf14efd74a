package dev.faultline.storage.postgres;

import java.time.Clock;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MembershipContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs {@link MembershipContract} against the machine's PostgreSQL server.
 */
class PostgresMembershipIT extends MembershipContract {

	@RegisterExtension
	static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

	@Override
	protected MetadataStores newStores(Clock clock) {
		return DATABASE.openEmpty(clock);
	}

}
