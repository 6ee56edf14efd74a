package dev.faultline.boot.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Restoring a backup directory into a data directory: only into one without stores, only
 * files that are the engines' databases, owner-only, never over existing stores.
 */
class EmbeddedRestoreTest {

	@TempDir
	Path temp;

	@Test
	void restoresEveryFileOwnerOnlyIntoAnEmptyDataDirectory() throws Exception {
		Path backup = backup();
		Path data = Files.createDirectories(this.temp.resolve("data"));

		assertThat(EmbeddedRestore.restore(backup, data)).isTrue();

		assertThat(data).isDirectoryContaining("glob:**/queue.db")
			.isDirectoryContaining("glob:**/metadata.db")
			.isDirectoryContaining("glob:**/events.duckdb")
			.isDirectoryContaining("glob:**/dead-letters.key")
			.isDirectoryNotContaining("glob:**/*.restoring");
		for (String file : new String[] { "queue.db", "metadata.db", "events.duckdb", "dead-letters.key" }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file)))).as(file)
				.isEqualTo("rw-------");
		}
		assertThat(count("jdbc:sqlite:" + data.resolve("metadata.db"))).isEqualTo(1);
		assertThat(count("jdbc:duckdb:" + data.resolve("events.duckdb"))).isEqualTo(1);
	}

	@Test
	void leavesADataDirectoryThatHoldsTheStoresAlone() throws Exception {
		Path backup = backup();
		Path data = Files.createDirectories(this.temp.resolve("data"));
		EmbeddedRestore.restore(backup, data);
		execute("jdbc:sqlite:" + data.resolve("metadata.db"), "INSERT INTO t VALUES (2)");

		assertThat(EmbeddedRestore.restore(backup, data)).isFalse();
		assertThat(count("jdbc:sqlite:" + data.resolve("metadata.db"))).as("not overwritten").isEqualTo(2);
	}

	@Test
	void refusesADataDirectoryHoldingSomeStores() throws Exception {
		Path backup = backup();
		Path data = Files.createDirectories(this.temp.resolve("data"));
		Files.copy(backup.resolve("metadata.db"), data.resolve("metadata.db"));

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedRestore.restore(backup, data))
			.withMessageContaining("faultline.backup.restore-from")
			.withMessageContaining("metadata.db");
		assertThat(data).isDirectoryNotContaining("glob:**/queue.db");
	}

	@Test
	void refusesABackupWithAMissingOrForeignFile() throws Exception {
		Path backup = backup();
		Path data = Files.createDirectories(this.temp.resolve("data"));
		Files.delete(backup.resolve("queue.db"));
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedRestore.restore(backup, data))
			.withMessageContaining("queue.db is missing");

		Files.writeString(backup.resolve("queue.db"), "not a database, but long enough to have a header");
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedRestore.restore(backup, data))
			.withMessageContaining("not a SQLite database file");
		Files.copy(backup.resolve("metadata.db"), backup.resolve("queue.db"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.copy(backup.resolve("metadata.db"), backup.resolve("events.duckdb"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedRestore.restore(backup, data))
			.withMessageContaining("not a DuckDB database file");
		assertThat(data).isEmptyDirectory();
	}

	@Test
	void refusesADifferentDeadLetterKeyInTheDataDirectory() throws Exception {
		Path backup = backup();
		Path data = Files.createDirectories(this.temp.resolve("data"));
		Files.writeString(data.resolve("dead-letters.key"), "another key");

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedRestore.restore(backup, data))
			.withMessageContaining("dead-letters.key");
	}

	/** A backup directory with one-row databases made by the engines themselves. */
	private Path backup() throws SQLException, java.io.IOException {
		Path backup = Files.createDirectories(this.temp.resolve("backup"));
		for (String url : new String[] { "jdbc:sqlite:" + backup.resolve("queue.db"),
				"jdbc:sqlite:" + backup.resolve("metadata.db"), "jdbc:duckdb:" + backup.resolve("events.duckdb") }) {
			execute(url, "CREATE TABLE t (n INTEGER)");
			execute(url, "INSERT INTO t VALUES (1)");
		}
		Files.writeString(backup.resolve("dead-letters.key"), "key");
		return backup;
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int count(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
