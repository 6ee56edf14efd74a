package dev.faultline.storage.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.tck.events.EventStorageUpgradeContract;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link EventStorageUpgradeContract} on a DuckDB file made at V1, its rows written
 * with V1's columns (zone-less UTC timestamps, a VARCHAR map of tags).
 */
class DuckDbEventStorageUpgradeTest extends EventStorageUpgradeContract {

	@TempDir
	Path directory;

	private String url() {
		return "jdbc:duckdb:" + this.directory.resolve("events.duckdb");
	}

	@Override
	protected void createOldestSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(url())) {
			DuckDbSchema.migrate(connection, 1);
		}
	}

	@Override
	protected void writeAtOldestSchema(List<StoredEvent> events) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement()) {
			for (StoredEvent event : events) {
				boolean hasUser = event.user() != null;
				statement
					.execute("INSERT INTO events (project_id, event_id, issue_id, timestamp, received_at, platform, "
							+ "level, title, culprit, message, release, environment, transaction_name, trace_id, tags, "
							+ "has_user, user_id, user_username, user_email, user_ip_address, primary_hash, "
							+ "grouping_variant, payload) VALUES (" + event.projectId() + ", " + text(event.eventId())
							+ ", " + event.issueId() + ", make_timestamp(" + event.timestamp().toEpochMilli() * 1000
							+ "), make_timestamp(" + event.receivedAt().toEpochMilli() * 1000 + "), "
							+ text(event.platform()) + ", " + text(event.level()) + ", " + text(event.title()) + ", "
							+ text(event.culprit()) + ", " + text(event.message()) + ", " + text(event.release()) + ", "
							+ text(event.environment()) + ", " + text(event.transaction()) + ", "
							+ text(event.traceId()) + ", MAP {"
							+ event.tags()
								.entrySet()
								.stream()
								.map((tag) -> text(tag.getKey()) + ": " + text(tag.getValue()))
								.collect(Collectors.joining(", "))
							+ "}::MAP(VARCHAR, VARCHAR), " + hasUser + ", " + text(hasUser ? event.user().id() : null)
							+ ", " + text(hasUser ? event.user().username() : null) + ", "
							+ text(hasUser ? event.user().email() : null) + ", "
							+ text(hasUser ? event.user().ipAddress() : null) + ", " + text(event.primaryHash()) + ", "
							+ text(event.groupingVariant()) + ", " + text(event.payload()) + ")");
			}
		}
	}

	@Override
	protected EventStorage openMigrated() {
		return DuckDbEventStorage.open(this.directory.resolve("events.duckdb"));
	}

	private static String text(@Nullable String value) {
		return (value == null) ? "NULL" : "'" + value.replace("'", "''") + "'";
	}

}
