package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MetadataStoresContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the metadata contract against SQLite files in a temporary directory, one file per
 * store.
 */
class SqliteMetadataStoresTest extends MetadataStoresContract {

	private final AtomicInteger files = new AtomicInteger();

	@TempDir
	Path directory;

	@Override
	protected MetadataStores newStores() {
		return SqliteMetadataStores.open(this.directory.resolve("metadata-" + this.files.incrementAndGet() + ".db"));
	}

	@Test
	void dataSurvivesReopeningTheFile() {
		Path file = this.directory.resolve("nested/dir/reopen.db");
		try (MetadataStores first = SqliteMetadataStores.open(file)) {
			first.organizations().create("acme", "Acme");
		}
		try (MetadataStores second = SqliteMetadataStores.open(file)) {
			assertThat(second.organizations().findBySlug("acme")).isPresent();
			assertThat(second.organizations().isEmpty()).isFalse();
		}
	}

}
