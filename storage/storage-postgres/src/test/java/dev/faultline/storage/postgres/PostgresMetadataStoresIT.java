package dev.faultline.storage.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.tck.metadata.MetadataStoresContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the metadata contract against the machine's PostgreSQL server (see ARCHITECTURE.md
 * §7). The class creates a database of its own and drops it afterwards; each test starts
 * from emptied tables.
 *
 * <p>
 * The server is {@code jdbc:postgresql://127.0.0.1:5432/} as user {@code postgres}
 * without a password unless the system property {@code faultline.it.postgres.url} (a URL
 * ending in {@code /}), {@code faultline.it.postgres.user} or
 * {@code faultline.it.postgres.password} says otherwise.
 */
class PostgresMetadataStoresIT extends MetadataStoresContract {

	private static final String SERVER = System.getProperty("faultline.it.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/");

	private static final String USER = System.getProperty("faultline.it.postgres.user", "postgres");

	private static final String PASSWORD = System.getProperty("faultline.it.postgres.password", "");

	private static final String DATABASE = "faultline_it_" + UUID.randomUUID().toString().replace("-", "");

	@BeforeAll
	static void createDatabase() throws SQLException {
		admin("CREATE DATABASE " + DATABASE);
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		// FORCE: a pool that a failed test left open must not keep the database alive.
		admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
	}

	@Override
	protected MetadataStores newStores() {
		MetadataStores stores = PostgresMetadataStores.open(SERVER + DATABASE, USER, PASSWORD);
		// Truncating the two root tables cascades to every other metadata table.
		execute(SERVER + DATABASE, "TRUNCATE organizations, users RESTART IDENTITY CASCADE");
		return stores;
	}

	@Test
	void reopeningKeepsDataAndDoesNotMigrateAgain() {
		try (MetadataStores first = PostgresMetadataStores.open(SERVER + DATABASE, USER, PASSWORD)) {
			first.organizations().create("reopen", "Reopen");
		}
		try (MetadataStores second = PostgresMetadataStores.open(SERVER + DATABASE, USER, PASSWORD)) {
			assertThat(second.organizations().findBySlug("reopen")).isPresent();
		}
	}

	private static void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
