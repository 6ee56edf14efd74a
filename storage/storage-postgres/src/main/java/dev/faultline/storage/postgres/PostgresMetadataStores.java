package dev.faultline.storage.postgres;

import dev.faultline.storage.metadata.MetadataStores;

/**
 * PLACEHOLDER: replaced by the metadata adapter work.
 */
public final class PostgresMetadataStores {

	private PostgresMetadataStores() {
	}

	public static MetadataStores open(String jdbcUrl, String username, String password) {
		throw new UnsupportedOperationException("pending");
	}

}
