package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of work on one connection.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {

	T run(Connection connection) throws SQLException;

}
