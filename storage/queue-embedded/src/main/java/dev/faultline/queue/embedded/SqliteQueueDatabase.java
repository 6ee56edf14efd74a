package dev.faultline.queue.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;

/**
 * Opens connections to the queue file and owns its schema.
 *
 * <p>
 * Every connection runs in WAL mode with {@code synchronous=FULL}: a committed
 * transaction has been fsynced, so it survives a crash of the process and of the machine.
 * WAL lets the consumers' connections read while the single writer appends.
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

	private SqliteQueueDatabase() {
	}

	static Connection open(Path file) throws SQLException {
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
		// Only checkpoints can contend with the writer; wait for them rather than fail.
		config.setBusyTimeout(30_000);
		return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
	}

	static void createSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String ddl : SCHEMA) {
				statement.execute(ddl);
			}
		}
	}

}
