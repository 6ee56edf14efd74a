package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * A {@link JdbcDatabase} over a connection pool, for engines that handle concurrent
 * writers themselves (PostgreSQL). Each call borrows one connection for its duration.
 */
public final class DataSourceDatabase implements JdbcDatabase {

	private final DataSource dataSource;

	private final AutoCloseable onClose;

	/**
	 * @param dataSource a pool; its connections may start in any auto-commit mode
	 * @param onClose closes the pool
	 */
	public DataSourceDatabase(DataSource dataSource, AutoCloseable onClose) {
		this.dataSource = dataSource;
		this.onClose = onClose;
	}

	@Override
	public <T> T read(SqlWork<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new MetadataAccessException("metadata read failed", ex);
		}
	}

	@Override
	public <T> T write(SqlWork<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return Transactions.inTransaction(connection, work);
		}
		catch (SQLException ex) {
			throw new MetadataAccessException("metadata write failed", ex);
		}
	}

	@Override
	public boolean isHealthy() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		try {
			this.onClose.close();
		}
		catch (Exception ex) {
			throw new MetadataAccessException("closing the metadata database failed", ex);
		}
	}

}
