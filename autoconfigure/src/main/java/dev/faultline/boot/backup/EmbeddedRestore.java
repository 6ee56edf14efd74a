package dev.faultline.boot.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup written by {@link EmbeddedBackups} into a data directory that holds
 * no stores yet ({@code faultline.backup.restore-from}). It never overwrites: a data
 * directory that already holds every store is left alone (the setting was left in place
 * after its restore), one that holds only some of them is refused, naming the setting.
 *
 * <p>
 * Each file is checked to be the engine's file (SQLite's and DuckDB's headers), copied
 * owner-only under a temporary name and then renamed, so an interrupted restore never
 * leaves a file that passes for a store; the next start then finds a partial directory
 * and refuses. What the restored directory holds is the state a crash would have left
 * (see {@link EmbeddedBackups}): the processor replays the envelopes the queue copy had
 * not committed, and the metadata copy's ledger keeps them from being counted twice.
 */
public final class EmbeddedRestore {

	static final String PROPERTY = "faultline.backup.restore-from";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedRestore.class);

	private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

	/** DuckDB's main header: an 8-byte checksum, then its magic. */
	private static final byte[] DUCKDB_MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);

	private EmbeddedRestore() {
	}

	/**
	 * Restores {@code backup} into {@code dataDir} when it holds none of the stores.
	 * @return whether files were restored (false: the directory held every store already)
	 * @throws IllegalStateException naming {@value #PROPERTY} when the backup is
	 * incomplete or not a backup, or the data directory holds only some stores
	 * @throws UncheckedIOException when a file cannot be copied
	 */
	public static synchronized boolean restore(Path backup, Path dataDir) {
		List<String> present = EmbeddedBackups.STORE_FILES.stream()
			.filter((file) -> Files.exists(dataDir.resolve(file)))
			.toList();
		if (present.size() == EmbeddedBackups.STORE_FILES.size()) {
			logger.warn("{} is set but the data directory {} holds its stores already: nothing restored "
					+ "(remove the setting once restored)", PROPERTY, dataDir);
			return false;
		}
		if (!present.isEmpty()) {
			throw new IllegalStateException(PROPERTY + ": the data directory " + dataDir + " holds " + present
					+ " but not every store; restore only into an empty data directory");
		}
		for (String file : EmbeddedBackups.STORE_FILES) {
			requireStoreFile(backup.resolve(file));
		}
		try {
			for (String file : EmbeddedBackups.STORE_FILES) {
				copy(backup.resolve(file), dataDir.resolve(file));
			}
			Path key = backup.resolve(EmbeddedBackups.DEAD_LETTERS_KEY);
			Path targetKey = dataDir.resolve(EmbeddedBackups.DEAD_LETTERS_KEY);
			if (Files.isRegularFile(key)) {
				if (Files.exists(targetKey) && Files.mismatch(key, targetKey) != -1) {
					throw new IllegalStateException(PROPERTY + ": the data directory " + dataDir
							+ " has a dead-letters.key of its own that differs from the backup's");
				}
				copy(key, targetKey);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(PROPERTY + ": cannot copy " + backup + " into " + dataDir, ex);
		}
		logger.info("Restored the backup {} into the data directory {}", backup, dataDir);
		return true;
	}

	private static void requireStoreFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(PROPERTY + ": " + file + " is missing; a backup directory holds "
					+ String.join(", ", EmbeddedBackups.STORE_FILES));
		}
		byte[] head = new byte[16];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(PROPERTY + ": cannot read " + file, ex);
		}
		boolean duckdb = file.getFileName().toString().endsWith(".duckdb");
		boolean valid = duckdb ? read >= 12 && Arrays.equals(head, 8, 12, DUCKDB_MAGIC, 0, 4)
				: read == 16 && Arrays.equals(head, SQLITE_HEADER);
		if (!valid) {
			throw new IllegalStateException(
					PROPERTY + ": " + file + " is not a " + (duckdb ? "DuckDB" : "SQLite") + " database file");
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		Path partial = to.resolveSibling(to.getFileName() + ".restoring");
		Files.deleteIfExists(partial);
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(partial,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		// Into the owner-only file made above: a copy with REPLACE_EXISTING would make a
		// new file with the default mode.
		try (OutputStream out = Files.newOutputStream(partial)) {
			Files.copy(from, out);
		}
		Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
	}

}
