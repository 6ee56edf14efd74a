package dev.faultline.storage.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

import dev.faultline.storage.metadata.MetadataStores;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own on the machine's PostgreSQL server (see ARCHITECTURE.md §7), for
 * one test class: created before its tests, dropped after them. Register it as a static
 * {@code @RegisterExtension} field.
 *
 * <p>
 * The server is {@code jdbc:postgresql://127.0.0.1:5432/} as user {@code postgres}
 * without a password unless the system property {@code faultline.it.postgres.url} (a URL
 * ending in {@code /}), {@code faultline.it.postgres.user} or
 * {@code faultline.it.postgres.password} says otherwise.
 */
final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

	private static final String SERVER = System.getProperty("faultline.it.postgres.url",
			"jdbc:postgresql://127.0.0.1:5432/");

	private static final String USER = System.getProperty("faultline.it.postgres.user", "postgres");

	private static final String PASSWORD = System.getProperty("faultline.it.postgres.password", "");

	private final String name = "faultline_it_" + UUID.randomUUID().toString().replace("-", "");

	@Override
	public void beforeAll(ExtensionContext context) {
		execute(SERVER + "postgres", "CREATE DATABASE " + this.name);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// FORCE: a pool that a failed test left open must not keep the database alive.
		execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	/**
	 * Opens the adapter on this database (migrating it on first use).
	 */
	MetadataStores open() {
		return open(Clock.systemUTC());
	}

	/**
	 * Opens the adapter on this database (migrating it on first use) with the given
	 * clock.
	 */
	MetadataStores open(Clock clock) {
		return PostgresMetadataStores.open(SERVER + this.name, USER, PASSWORD, clock);
	}

	/**
	 * Opens the adapter on this database with every metadata table emptied.
	 */
	MetadataStores openEmpty() {
		return openEmpty(Clock.systemUTC());
	}

	/**
	 * Opens the adapter on this database with every metadata table emptied and the given
	 * clock.
	 */
	MetadataStores openEmpty(Clock clock) {
		MetadataStores stores = open(clock);
		// The root tables cascade to every other metadata table; dead letters hang off
		// none.
		execute(SERVER + this.name, "TRUNCATE organizations, users, dead_letters RESTART IDENTITY CASCADE");
		return stores;
	}

	/**
	 * Migrates this database to {@code target} only and connects to it, for upgrade tests
	 * that write rows of an older schema.
	 */
	Connection migrateOnlyTo(String target) throws SQLException {
		Flyway.configure(getClass().getClassLoader())
			.dataSource(SERVER + this.name, USER, PASSWORD)
			.locations("classpath:db/migration/postgresql")
			.target(target)
			.load()
			.migrate();
		return DriverManager.getConnection(SERVER + this.name, USER, PASSWORD);
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

}
