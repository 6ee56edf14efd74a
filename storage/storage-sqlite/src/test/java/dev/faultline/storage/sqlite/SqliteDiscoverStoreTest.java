package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.DiscoverStoreContract;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link DiscoverStoreContract} against SQLite files in a temporary directory, one
 * file per test.
 */
class SqliteDiscoverStoreTest extends DiscoverStoreContract {

	private final AtomicInteger files = new AtomicInteger();

	@TempDir
	Path directory;

	@Override
	protected MetadataStores newStores(Clock clock) {
		return SqliteMetadataStores.open(this.directory.resolve("metadata-" + this.files.incrementAndGet() + ".db"),
				clock);
	}

}
