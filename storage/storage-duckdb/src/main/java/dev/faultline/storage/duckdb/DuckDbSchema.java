package dev.faultline.storage.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.faultline.storage.metadata.SchemaVersion;

/**
 * Applies the versioned schema resources ({@code db/duckdb/V<n>__<name>.sql}) that a
 * database file does not have yet, each in its own transaction, recording them in
 * {@code schema_version}.
 *
 * <p>
 * A tiny runner rather than Flyway: the event database has one writer process and a
 * handful of forward-only scripts, so Flyway's DuckDB plugin (and its version pinning)
 * would cost more than it saves.
 */
final class DuckDbSchema {

	/** Every migration, in order; append only. */
	private static final List<String> MIGRATIONS = List.of("V1__events.sql", "V2__spans.sql", "V3__sessions.sql");

	private DuckDbSchema() {
	}

	static void migrate(Connection connection) throws SQLException {
		migrate(connection, MIGRATIONS.size());
	}

	/**
	 * Applies the migrations up to {@code target} only (upgrade tests start from the
	 * oldest schema).
	 */
	static void migrate(Connection connection, int target) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
					+ "script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
		}
		int current = currentVersion(connection);
		for (int version = current + 1; version <= target; version++) {
			apply(connection, version, MIGRATIONS.get(version - 1));
		}
	}

	/** The newest migration, which every opened database has. */
	static SchemaVersion newest() {
		return SchemaVersion.ofScript(MIGRATIONS.get(MIGRATIONS.size() - 1));
	}

	private static int currentVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
			rows.next();
			int version = rows.getInt(1);
			if (version > MIGRATIONS.size()) {
				throw new IllegalStateException("Event database has schema version " + version
						+ ", newer than this Faultline (" + MIGRATIONS.size() + "); refusing to open it");
			}
			return version;
		}
	}

	private static void apply(Connection connection, int version, String script) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement();
				PreparedStatement record = connection
					.prepareStatement("INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
			statement.execute(read(script));
			record.setInt(1, version);
			record.setString(2, script);
			record.executeUpdate();
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static String read(String script) {
		String resource = "/db/duckdb/" + script;
		try (InputStream in = DuckDbSchema.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing schema resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
