package dev.faultline.storage.backup;

import java.nio.file.Path;

/**
 * A store that keeps its data in a local file (the embedded shape's SQLite and DuckDB
 * files) and can copy it while it is in use: the copy is one consistent snapshot of the
 * store, taken without stopping writers for longer than the copy itself. Server-based
 * stores (PostgreSQL, ClickHouse, Kafka) are backed up with their own tools and do not
 * implement this.
 */
public interface OnlineBackup {

	/**
	 * Writes a consistent copy of the store to {@code target}, a file that must not exist
	 * yet; the copy opens as the store itself would.
	 * @throws java.io.UncheckedIOException or the adapter's access exception when the
	 * copy cannot be written (nothing half-written is left behind)
	 */
	void backupTo(Path target);

}
