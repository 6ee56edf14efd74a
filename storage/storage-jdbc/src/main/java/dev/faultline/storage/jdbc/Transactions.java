package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in one transaction on a connection: the transaction helper every
 * {@link JdbcDatabase} shares.
 */
public final class Transactions {

	private Transactions() {
	}

	/**
	 * Commits when the work returns, rolls back when it throws, and leaves the connection
	 * in auto-commit mode either way so that a pooled connection goes back clean.
	 * @throws SQLException from the work or the commit, after the rollback
	 */
	public static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
		connection.setAutoCommit(false);
		try {
			T result = work.run(connection);
			connection.commit();
			return result;
		}
		catch (SQLException | RuntimeException | Error ex) {
			try {
				connection.rollback();
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

}
