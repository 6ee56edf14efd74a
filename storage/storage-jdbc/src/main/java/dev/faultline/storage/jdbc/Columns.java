package dev.faultline.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Conversions both engines share. Timestamps are stored as epoch milliseconds in a 64-bit
 * integer column, because SQLite has no timestamp type and this keeps one SQL text for
 * both engines; every instant the stores return is therefore truncated to milliseconds.
 */
final class Columns {

	private Columns() {
	}

	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		return Instant.ofEpochMilli(row.getLong(column));
	}

	static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
		long millis = row.getLong(column);
		return row.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	static void bind(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof Instant instant) {
				statement.setLong(i + 1, instant.toEpochMilli());
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

}
