package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ProcessingStoresContract;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the activity and dead-letter contract against SQLite files in a temporary
 * directory, one file per test.
 */
class SqliteProcessingStoresTest extends ProcessingStoresContract {

	private final AtomicInteger files = new AtomicInteger();

	@TempDir
	Path directory;

	@Override
	protected MetadataStores newStores() {
		return SqliteMetadataStores.open(this.directory.resolve("metadata-" + this.files.incrementAndGet() + ".db"));
	}

}
