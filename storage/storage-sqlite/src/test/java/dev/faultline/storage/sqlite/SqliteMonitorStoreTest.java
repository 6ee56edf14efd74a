package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MonitorStoreContract;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link MonitorStoreContract} against SQLite files in a temporary directory, one
 * file per test; the second detector opens the same file.
 */
class SqliteMonitorStoreTest extends MonitorStoreContract {

	private final AtomicInteger files = new AtomicInteger();

	@TempDir
	Path directory;

	private Path current;

	@Override
	protected MetadataStores newStores(Clock clock) {
		this.current = this.directory.resolve("metadata-" + this.files.incrementAndGet() + ".db");
		return SqliteMetadataStores.open(this.current, clock);
	}

	@Override
	protected MetadataStores sameDatabase(Clock clock) {
		return SqliteMetadataStores.open(this.current, clock);
	}

}
