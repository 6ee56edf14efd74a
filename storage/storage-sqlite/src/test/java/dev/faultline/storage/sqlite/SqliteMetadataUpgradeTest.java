package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MetadataUpgradeContract;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Runs {@link MetadataUpgradeContract} on a SQLite file made at V1.
 */
class SqliteMetadataUpgradeTest extends MetadataUpgradeContract {

	@TempDir
	Path directory;

	private Path file() {
		return this.directory.resolve("metadata.db");
	}

	@Override
	protected Connection oldestSchema() throws SQLException {
		SQLiteDataSource dataSource = new SQLiteDataSource(SqliteDatabase.config());
		dataSource.setUrl("jdbc:sqlite:" + file());
		Flyway.configure(getClass().getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:db/migration/sqlite")
			.target("1")
			.load()
			.migrate();
		return dataSource.getConnection();
	}

	@Override
	protected MetadataStores openMigrated() {
		return SqliteMetadataStores.open(file());
	}

}
