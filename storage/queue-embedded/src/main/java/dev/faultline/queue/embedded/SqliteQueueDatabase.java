package dev.faultline.queue.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import org.sqlite.SQLiteConfig;

/**
 * Opens connections to the queue file and owns its schema.
 *
 * <p>
 * Every connection runs in WAL mode with {@code synchronous=FULL}: a committed
 * transaction has been fsynced, so it survives a crash of the process and of the machine.
 * WAL lets the consumers' connections read while the single writer appends.
 *
 * <p>
 * Payloads must not outlive their processing (they hold what SDKs send: cookies, tokens,
 * personal data): {@code secure_delete} overwrites deleted rows with zeros instead of
 * leaving them readable in free pages, the file is {@code auto_vacuum=INCREMENTAL} so
 * that the space of a processed backlog is given back, and {@link #reclaim(Connection)} /
 * {@link #truncateLog(Connection)} run once the consumers caught up. The file is created
 * owner-only (0600; SQLite gives its {@code -wal} and {@code -shm} files the database
 * file's mode) in a directory created 0700.
 */
final class SqliteQueueDatabase {

	/**
	 * {@code AUTOINCREMENT} matters: ids are positions and group offsets, so an id must
	 * never be reused after retention deleted every row (a plain rowid would restart at
	 * the highest remaining id and fall behind committed offsets).
	 */
	private static final String[] SCHEMA = { """
			CREATE TABLE IF NOT EXISTS envelope (
			  id INTEGER PRIMARY KEY AUTOINCREMENT,
			  project_id INTEGER NOT NULL,
			  public_key TEXT NOT NULL,
			  received_at_seconds INTEGER NOT NULL,
			  received_at_nanos INTEGER NOT NULL,
			  client_ip TEXT,
			  user_agent TEXT,
			  body BLOB NOT NULL
			)""", """
			CREATE TABLE IF NOT EXISTS consumer_group (
			  name TEXT PRIMARY KEY,
			  committed_id INTEGER NOT NULL
			)""" };

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private SqliteQueueDatabase() {
	}

	static Connection open(Path file) throws SQLException {
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
		// Only checkpoints can contend with the writer; wait for them rather than fail.
		config.setBusyTimeout(30_000);
		config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
		// After the log is reset it is cut back to this size, so old frames do not linger
		// in a log that once grew large.
		config.setJournalSizeLimit(4 * 1024 * 1024);
		return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
	}

	/**
	 * Creates the tables; converts a file made before incremental vacuum (or a new file,
	 * whose header WAL mode has already written) to {@code auto_vacuum=INCREMENTAL},
	 * which takes one {@code VACUUM}. Needs a connection in auto-commit mode.
	 */
	static void createSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String ddl : SCHEMA) {
				statement.execute(ddl);
			}
			if (pragma(statement, "auto_vacuum") != 2) {
				statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
				statement.execute("VACUUM");
			}
		}
	}

	/**
	 * Gives the free pages back to the file system (within the caller's transaction); the
	 * file shrinks when the log is next checkpointed.
	 */
	static void reclaim(Connection connection) throws SQLException {
		// executeUpdate steps the pragma to its end; execute() would free one page.
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("PRAGMA incremental_vacuum");
		}
	}

	/**
	 * Copies the log into the file and truncates it to zero bytes, so that the frames
	 * that held deleted payloads are gone too. Waits (busy timeout) for the writer and
	 * readers; needs a connection in auto-commit mode.
	 */
	static void truncateLog(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
		}
	}

	/**
	 * Creates {@code file} empty and owner-only (and its missing directories owner-only)
	 * unless it exists; on file systems without POSIX permissions, plainly.
	 */
	static void createOwnerOnly(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		if (parent != null && !Files.isDirectory(parent)) {
			if (posix) {
				Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				Files.createDirectories(parent);
			}
		}
		if (Files.exists(file)) {
			return;
		}
		try {
			if (posix) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Created meanwhile: its creator chose the mode.
		}
	}

	private static int pragma(Statement statement, String name) throws SQLException {
		try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
			row.next();
			return row.getInt(1);
		}
	}

}
