package dev.faultline.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.faultline.storage.metadata.DuplicateException;

/**
 * Statement helpers shared by the stores. Values are always bound, never concatenated.
 */
final class Queries {

	private Queries() {
	}

	@FunctionalInterface
	interface RowMapper<T> {

		T map(ResultSet row) throws SQLException;

	}

	static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... values)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			Columns.bind(statement, values);
			try (ResultSet rows = statement.executeQuery()) {
				List<T> result = new ArrayList<>();
				while (rows.next()) {
					result.add(mapper.map(rows));
				}
				return result;
			}
		}
	}

	static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, Object... values)
			throws SQLException {
		return list(connection, sql, mapper, values).stream().findFirst();
	}

	static int update(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			Columns.bind(statement, values);
			return statement.executeUpdate();
		}
	}

	/**
	 * Runs an {@code INSERT … ON CONFLICT DO NOTHING RETURNING id}: no row back means a
	 * unique key was taken. Detecting duplicates this way, rather than by the engine's
	 * error code, keeps one code path for both engines and never aborts a PostgreSQL
	 * transaction.
	 * @return the generated id
	 * @throws DuplicateException when the row was not inserted
	 */
	static long insert(Connection connection, String sql, String duplicateMessage, Object... values)
			throws SQLException {
		return first(connection, sql, (row) -> row.getLong(1), values)
			.orElseThrow(() -> new DuplicateException(duplicateMessage));
	}

}
