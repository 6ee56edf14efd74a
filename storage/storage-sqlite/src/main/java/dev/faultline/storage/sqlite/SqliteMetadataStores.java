package dev.faultline.storage.sqlite;

import java.nio.file.Path;

import dev.faultline.storage.metadata.MetadataStores;

/**
 * PLACEHOLDER: replaced by the metadata adapter work.
 */
public final class SqliteMetadataStores {

	private SqliteMetadataStores() {
	}

	public static MetadataStores open(Path databaseFile) {
		throw new UnsupportedOperationException("pending");
	}

}
