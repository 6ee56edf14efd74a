package dev.faultline.boot.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.faultline.storage.backup.OnlineBackup;
import dev.faultline.storage.backup.StoreBarrier;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.queue.EnvelopeQueue;
import org.jspecify.annotations.Nullable;

/**
 * Backs up the embedded shape's data directory while it runs: each file is copied as one
 * consistent snapshot of its store, so that a restored directory is the state a crash
 * would have left. The queue is copied first: what its copy has not committed is
 * processed again after a restore, and the ledger drops what was already counted. The
 * metadata and event stores are then copied under the {@link StoreBarrier}, between two
 * of the processor's store steps, so both copies hold the same batches: an event in the
 * events copy is counted in the metadata copy and its issue exists there. (Copied one
 * after the other without it, an envelope that arrived after the queue copy and was
 * processed between the two copies was stored but not counted, and never replayed:
 * BackupRestoreIT found it.) Ingest goes on meanwhile; processing waits for the two
 * copies. The dead-letter key is copied too. Backups are written owner-only into
 * directories of their own, one at a time.
 *
 * <p>
 * Restore: {@link EmbeddedRestore}, into an empty data directory.
 */
public final class EmbeddedBackups {

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'faultline-'yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * The stores' files in a data directory and in a backup, in the order they are
	 * copied.
	 */
	static final List<String> STORE_FILES = List.of("queue.db", "metadata.db", "events.duckdb");

	static final String DEAD_LETTERS_KEY = "dead-letters.key";

	private final List<Part> parts;

	private final StoreBarrier barrier;

	private final Path dataDir;

	private final Path root;

	private final Clock clock;

	/**
	 * @param dataDir the running data directory
	 * @param root where backup directories are created
	 */
	public EmbeddedBackups(EnvelopeQueue queue, MetadataStores metadata, EventStorage events, StoreBarrier barrier,
			Path dataDir, Path root, Clock clock) {
		this.barrier = barrier;
		this.parts = List.of(Part.of(STORE_FILES.get(0), queue), Part.of(STORE_FILES.get(1), metadata),
				Part.of(STORE_FILES.get(2), events));
		this.dataDir = dataDir;
		this.root = root;
		this.clock = clock;
	}

	/** Whether every store keeps a local file that can be copied (the embedded shape). */
	public boolean isAvailable() {
		return this.parts.stream().allMatch((part) -> part.store() != null);
	}

	/**
	 * Takes a backup into a new directory under the backup root.
	 * @throws IllegalStateException when a store cannot be copied this way (a
	 * server-based store: back it up with its own tools)
	 * @throws UncheckedIOException when the directory cannot be written
	 */
	public synchronized Backup create() {
		if (!isAvailable()) {
			throw new IllegalStateException("online backups cover the embedded shape; back up PostgreSQL, "
					+ "ClickHouse and Kafka with their own tools (see docs/running.md)");
		}
		Instant started = this.clock.instant();
		Path directory = this.root.resolve(NAME.format(started));
		long startNanos = System.nanoTime();
		List<Backup.File> files = new ArrayList<>();
		try {
			createOwnerOnlyDirectory(directory);
			copy(this.parts.get(0), directory, files);
			try (StoreBarrier.Hold exclusive = this.barrier.exclusive()) {
				copy(this.parts.get(1), directory, files);
				copy(this.parts.get(2), directory, files);
			}
			Path key = this.dataDir.resolve(DEAD_LETTERS_KEY);
			if (Files.isRegularFile(key)) {
				Files.copy(key, directory.resolve(DEAD_LETTERS_KEY), StandardCopyOption.COPY_ATTRIBUTES);
				files.add(new Backup.File(DEAD_LETTERS_KEY, Files.size(key)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the backup " + directory, ex);
		}
		return new Backup(directory, started, Duration.ofNanos(System.nanoTime() - startNanos), List.copyOf(files));
	}

	private static void copy(Part part, Path directory, List<Backup.File> files) throws IOException {
		Path target = directory.resolve(part.file());
		Objects.requireNonNull(part.store()).backupTo(target);
		files.add(new Backup.File(part.file(), Files.size(target)));
	}

	private static void createOwnerOnlyDirectory(Path directory) throws IOException {
		if (Files.exists(directory)) {
			throw new IOException(directory + " exists already: one backup per second at most");
		}
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createDirectories(directory.getParent());
			Files.createDirectory(directory,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		else {
			Files.createDirectories(directory);
		}
	}

	/** A file of the data directory and the store that copies it; null when it cannot. */
	private record Part(String file, @Nullable OnlineBackup store) {

		static Part of(String file, Object store) {
			return new Part(file, (store instanceof OnlineBackup backup) ? backup : null);
		}

	}

}
