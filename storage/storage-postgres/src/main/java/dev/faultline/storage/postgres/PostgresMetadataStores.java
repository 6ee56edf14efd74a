package dev.faultline.storage.postgres;

import java.time.Clock;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.faultline.storage.jdbc.DataSourceDatabase;
import dev.faultline.storage.jdbc.JdbcMetadataStores;
import org.flywaydb.core.Flyway;

/**
 * The metadata port on PostgreSQL (the distributed shape).
 *
 * <p>
 * Opening creates a HikariCP pool and migrates the schema with Flyway
 * ({@code classpath:db/migration/postgresql}); several processes may open the same
 * database at once (Flyway serializes their migrations with an advisory lock, the stores
 * rely on row locks and unique keys). Thread-safe; closing closes the pool.
 */
public final class PostgresMetadataStores extends JdbcMetadataStores {

	/**
	 * Connections per process. Metadata transactions are short; a few connections keep up
	 * with the processor's writes and the API's reads without crowding the server's
	 * {@code max_connections} when many replicas run.
	 */
	private static final int POOL_SIZE = 10;

	private PostgresMetadataStores(HikariDataSource pool, Clock clock) {
		super(new DataSourceDatabase(pool, pool), clock);
	}

	/**
	 * Connects and migrates.
	 * @param jdbcUrl such as {@code jdbc:postgresql://db:5432/faultline}
	 * @param password may be empty (trust or peer authentication)
	 * @throws RuntimeException when the database cannot be reached (HikariCP's
	 * {@code PoolInitializationException}) or the migration fails
	 * ({@code FlywayException}); nothing stays open then
	 */
	public static PostgresMetadataStores open(String jdbcUrl, String username, String password) {
		return open(jdbcUrl, username, password, Clock.systemUTC());
	}

	/**
	 * Like {@link #open(String, String, String)}, stamping new rows with the given clock.
	 */
	public static PostgresMetadataStores open(String jdbcUrl, String username, String password, Clock clock) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("faultline-metadata");
		config.setJdbcUrl(jdbcUrl);
		config.setUsername(username);
		config.setPassword(password);
		config.setMaximumPoolSize(POOL_SIZE);
		// Idle replicas should not hold a full pool open on the server.
		config.setMinimumIdle(2);
		config.setAutoCommit(true);
		HikariDataSource pool = new HikariDataSource(config);
		try {
			Flyway.configure(PostgresMetadataStores.class.getClassLoader())
				.dataSource(pool)
				.locations("classpath:db/migration/postgresql")
				.failOnMissingLocations(true)
				.load()
				.migrate();
			return new PostgresMetadataStores(pool, clock);
		}
		catch (RuntimeException ex) {
			pool.close();
			throw ex;
		}
	}

}
