package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.AlertStoreContract;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link AlertStoreContract} against SQLite files in a temporary directory, one file
 * per test; the second instance opens the same file, as a second process would.
 */
class SqliteAlertStoreTest extends AlertStoreContract {

	private final AtomicInteger files = new AtomicInteger();

	@TempDir
	Path directory;

	private Path current() {
		return this.directory.resolve("metadata-" + this.files.get() + ".db");
	}

	@Override
	protected MetadataStores newStores(Clock clock) {
		this.files.incrementAndGet();
		return SqliteMetadataStores.open(current(), clock);
	}

	@Override
	protected MetadataStores openAgain(Clock clock) {
		return SqliteMetadataStores.open(current(), clock);
	}

}
