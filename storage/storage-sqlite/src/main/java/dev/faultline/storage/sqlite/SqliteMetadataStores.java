package dev.faultline.storage.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

import dev.faultline.storage.backup.OnlineBackup;
import dev.faultline.storage.jdbc.JdbcMetadataStores;
import dev.faultline.storage.jdbc.MetadataAccessException;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * The metadata port on one SQLite file (the embedded shape).
 *
 * <p>
 * Opening creates the file when missing and migrates its schema with Flyway
 * ({@code classpath:db/migration/sqlite}). Only one process should open a file at a time:
 * writes are serialized inside this object, not across processes. Thread-safe.
 */
public final class SqliteMetadataStores extends JdbcMetadataStores implements OnlineBackup {

	/** Read connections; WAL lets them run beside the single writer. */
	private static final int READERS = 4;

	private final String url;

	private SqliteMetadataStores(SqliteDatabase database, String url, Clock clock) {
		super(database, clock);
		this.url = url;
	}

	/**
	 * {@code VACUUM INTO} on a connection of its own (the pool's readers are read-only
	 * and its writer works in transactions, both of which SQLite refuses for it): one
	 * read snapshot, WAL letting writers go on, copied into a compact new file that
	 * SQLite removes again when the copy fails.
	 */
	@Override
	public void backupTo(Path target) {
		Path file = target.toAbsolutePath();
		if (Files.exists(file)) {
			throw new IllegalArgumentException("backup target " + file + " exists already");
		}
		SQLiteDataSource source = new SQLiteDataSource(SqliteDatabase.config());
		source.setUrl(this.url);
		try (Connection connection = source.getConnection();
				PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
			vacuum.setString(1, file.toString());
			vacuum.execute();
		}
		catch (SQLException ex) {
			throw new MetadataAccessException("cannot back up " + this.url + " to " + file, ex);
		}
	}

	/**
	 * Opens (and creates or migrates) the database file.
	 * @param databaseFile the file; missing parent directories are created
	 * @throws dev.faultline.storage.jdbc.MetadataAccessException when the file cannot be
	 * opened
	 * @throws org.flywaydb.core.api.FlywayException when the migration fails
	 */
	public static SqliteMetadataStores open(Path databaseFile) {
		return open(databaseFile, Clock.systemUTC());
	}

	/**
	 * Like {@link #open(Path)}, stamping new rows with the given clock.
	 */
	public static SqliteMetadataStores open(Path databaseFile, Clock clock) {
		Path file = databaseFile.toAbsolutePath();
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the directory of " + file, ex);
		}
		String url = "jdbc:sqlite:" + file;
		migrate(url);
		return new SqliteMetadataStores(SqliteDatabase.open(url, READERS), url, clock);
	}

	private static void migrate(String url) {
		SQLiteDataSource dataSource = new SQLiteDataSource(SqliteDatabase.config());
		dataSource.setUrl(url);
		Flyway.configure(SqliteMetadataStores.class.getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:db/migration/sqlite")
			.failOnMissingLocations(true)
			// SQLite answers ALTER TABLE … ADD COLUMN with its own check query's (empty)
			// result, which Flyway would print as a table for every such statement.
			.outputQueryResults(false)
			.load()
			.migrate();
	}

}
