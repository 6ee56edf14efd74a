package dev.faultline.storage.clickhouse;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.command.CommandSettings;
import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.StoredEvent;
import dev.faultline.storage.tck.events.EventStorageUpgradeContract;
import dev.faultline.testing.chdb.ChdbHttpServer;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link EventStorageUpgradeContract} on a ClickHouse database (libchdb behind the
 * HTTP test server) made with V1's script only, its rows written with V1's columns.
 */
class ClickHouseEventStorageUpgradeIT extends EventStorageUpgradeContract {

	private final String database = "upgrade_" + UUID.randomUUID().toString().replace("-", "");

	private final ClickHouseSettings settings = new ClickHouseSettings(ChdbHttpServer.shared().endpoint(), "default",
			"", this.database);

	@Override
	protected void createOldestSchema() throws Exception {
		try (Client client = client()) {
			ClickHouseSchema.apply(client, this.database, 1);
		}
	}

	@Override
	protected void writeAtOldestSchema(List<StoredEvent> events) throws Exception {
		try (Client client = client()) {
			for (StoredEvent event : events) {
				boolean hasUser = event.user() != null;
				String insert = "INSERT INTO events (project_id, event_id, issue_id, timestamp, received_at, platform, "
						+ "level, title, culprit, message, release, environment, transaction, trace_id, tags, "
						+ "has_user, user_id, user_username, user_email, user_ip_address, primary_hash, "
						+ "grouping_variant, payload) VALUES (" + event.projectId() + ", " + text(event.eventId())
						+ ", " + event.issueId() + ", fromUnixTimestamp64Milli(" + event.timestamp().toEpochMilli()
						+ ", 'UTC'), fromUnixTimestamp64Milli(" + event.receivedAt().toEpochMilli() + ", 'UTC'), "
						+ text(event.platform()) + ", " + text(event.level()) + ", " + text(event.title()) + ", "
						+ text(event.culprit()) + ", " + text(event.message()) + ", " + text(event.release()) + ", "
						+ text(event.environment()) + ", " + text(event.transaction()) + ", " + text(event.traceId())
						+ ", map("
						+ event.tags()
							.entrySet()
							.stream()
							.map((tag) -> text(tag.getKey()) + ", " + text(tag.getValue()))
							.collect(Collectors.joining(", "))
						+ "), " + hasUser + ", " + text(hasUser ? event.user().id() : null) + ", "
						+ text(hasUser ? event.user().username() : null) + ", "
						+ text(hasUser ? event.user().email() : null) + ", "
						+ text(hasUser ? event.user().ipAddress() : null) + ", " + text(event.primaryHash()) + ", "
						+ text(event.groupingVariant()) + ", " + text(event.payload()) + ")";
				CommandSettings settings = new CommandSettings();
				settings.setDatabase(this.database);
				client.execute(insert, settings).get(60, TimeUnit.SECONDS).close();
			}
		}
	}

	@Override
	protected EventStorage openMigrated() {
		return ClickHouseEventStorage.open(this.settings);
	}

	private Client client() {
		return new Client.Builder().addEndpoint(this.settings.endpoint())
			.setUsername(this.settings.username())
			.setPassword(this.settings.password())
			.setDefaultDatabase(this.database)
			.build();
	}

	private static String text(@Nullable String value) {
		return (value == null) ? "NULL" : "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
