package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ProjectSettingsContract;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the project settings contract against SQLite files in a temporary directory, one
 * file per test.
 */
class SqliteProjectSettingsTest extends ProjectSettingsContract {

	private final AtomicInteger files = new AtomicInteger();

	@TempDir
	Path directory;

	@Override
	protected MetadataStores newStores() {
		return SqliteMetadataStores.open(this.directory.resolve("metadata-" + this.files.incrementAndGet() + ".db"));
	}

}
