package dev.faultline.storage.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.ProjectSettingsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the project settings contract against the machine's PostgreSQL server, in a
 * database of its own (same server settings as {@link PostgresMetadataStoresIT}).
 */
class PostgresProjectSettingsIT extends ProjectSettingsContract {

	private static final String SERVER = System.getProperty("faultline.it.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/");

	private static final String USER = System.getProperty("faultline.it.postgres.user", "postgres");

	private static final String PASSWORD = System.getProperty("faultline.it.postgres.password", "");

	private static final String DATABASE = "faultline_it_" + UUID.randomUUID().toString().replace("-", "");

	@BeforeAll
	static void createDatabase() throws SQLException {
		execute(SERVER + "postgres", "CREATE DATABASE " + DATABASE);
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
	}

	@Override
	protected MetadataStores newStores() {
		MetadataStores stores = PostgresMetadataStores.open(SERVER + DATABASE, USER, PASSWORD);
		try {
			// Truncating the two root tables cascades to every other metadata table.
			execute(SERVER + DATABASE, "TRUNCATE organizations, users RESTART IDENTITY CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return stores;
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
