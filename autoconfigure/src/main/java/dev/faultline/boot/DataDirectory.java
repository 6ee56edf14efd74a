package dev.faultline.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import dev.faultline.boot.backup.EmbeddedRestore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded adapters' data directory. It holds every event, payload and credential
 * hash, so what Faultline creates there is owner-only: directories 0700, files 0600 (on
 * file systems with POSIX permissions). A directory the operator made is left as it is,
 * with a warning when others can read it.
 */
final class DataDirectory {

	private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);

	static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private DataDirectory() {
	}

	/**
	 * Creates the data directory (owner-only) when missing, restores
	 * {@code faultline.backup.restore-from} into it when that is set and the directory
	 * holds no stores yet ({@link EmbeddedRestore}), and returns it. Every embedded store
	 * calls this before it opens its file, so the first one restores them all.
	 */
	static Path prepare(FaultlineProperties properties) {
		Path dataDir = prepare(properties.dataDir());
		String restoreFrom = properties.backup().restoreFrom();
		if (!restoreFrom.isBlank()) {
			EmbeddedRestore.restore(Path.of(restoreFrom), dataDir);
		}
		return dataDir;
	}

	/**
	 * Creates the directory (owner-only) when missing and returns it.
	 * @throws UncheckedIOException naming {@code faultline.data-dir} when it cannot be
	 * created
	 */
	static Path prepare(Path dataDir) {
		try {
			if (!posix()) {
				return Files.createDirectories(dataDir);
			}
			if (Files.isDirectory(dataDir)) {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dataDir);
				if (permissions.contains(PosixFilePermission.OTHERS_READ)
						|| permissions.contains(PosixFilePermission.GROUP_READ)) {
					logger.warn("faultline.data-dir {} is readable by other users ({}); chmod 700 it", dataDir,
							PosixFilePermissions.toString(permissions));
				}
				return dataDir;
			}
			return Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("faultline.data-dir " + dataDir + " cannot be created", ex);
		}
	}

	/**
	 * Creates an empty owner-only file when {@code file} does not exist, for engines that
	 * take an empty file as a new database (SQLite, which gives its {@code -wal} and
	 * {@code -shm} files the database file's mode), and returns it.
	 */
	static Path ownerOnlyFile(Path file) {
		if (!posix() || Files.exists(file)) {
			return file;
		}
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
		}
		catch (FileAlreadyExistsException ex) {
			// Created meanwhile.
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + file, ex);
		}
		return file;
	}

	/**
	 * Makes a file an engine created by itself owner-only (DuckDB refuses an empty file,
	 * so it cannot be created beforehand; its passing {@code .wal} is protected by the
	 * directory).
	 */
	static void restrictToOwner(Path file) {
		if (!posix() || !Files.exists(file)) {
			return;
		}
		try {
			Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
		}
		catch (IOException ex) {
			logger.warn("cannot make {} owner-only: {}", file, ex.getMessage());
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
