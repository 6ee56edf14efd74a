package dev.faultline.storage.tck.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.events.EventStorage;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade contract of the event storage port: a database created at the oldest event
 * schema (V1 only), holding events written with that schema's plain SQL, is opened by the
 * adapter — which applies every newer migration present — and every event reads back
 * field for field; the migrated store then takes new events and sweeps old ones.
 *
 * <p>
 * Each adapter writes the rows with its engine's V1 SQL ({@link #writeAtOldestSchema}),
 * which must stay as the first release wrote them.
 */
public abstract class EventStorageUpgradeContract {

	/** Recent: ClickHouse's table TTL drops events older than the retention. */
	private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(1));

	/** Creates a fresh database at the oldest event schema (V1 only). */
	protected abstract void createOldestSchema() throws Exception;

	/** Writes the events into the V1 database with its plain SQL. */
	protected abstract void writeAtOldestSchema(List<StoredEvent> events) throws Exception;

	/** Opens the adapter on that database, which migrates it to the newest schema. */
	protected abstract EventStorage openMigrated();

	@Test
	void eventsOfTheOldestSchemaReadBackThroughTheNewest() throws Exception {
		StoredEvent full = new StoredEvent(7, "0123456789abcdef0123456789abcdef", 11, T0, T0.plusSeconds(2), "java",
				"error", "IllegalStateException: boom", "Main.run", "boom", "shop@1.2.3", "production", "/checkout",
				"fedcba9876543210fedcba9876543210", Map.of("browser", "Firefox 120", "handled", "no"),
				new EventUser("42", "ada", "ada@example.com", "10.0.0.1"), "a".repeat(32), "app",
				"{\"event_id\":\"0123456789abcdef0123456789abcdef\",\"extra\":{\"k\":\"v\"}}");
		StoredEvent bare = new StoredEvent(7, "11111111111111111111111111111111", 12, T0.minusSeconds(60),
				T0.minusSeconds(59), "python", "warning", "<unlabeled event>", "", "", null, null, null, null, Map.of(),
				null, "b".repeat(32), "fallback", "{}");
		createOldestSchema();
		writeAtOldestSchema(List.of(full, bare));

		try (EventStorage storage = openMigrated()) {
			assertThat(storage.eventReader().find(7, full.eventId())).hasValue(full);
			assertThat(storage.eventReader().find(7, bare.eventId())).hasValue(bare);
			assertThat(storage.eventReader().latest(7, 11)).hasValue(full);

			StoredEvent added = new StoredEvent(7, "22222222222222222222222222222222", 11, T0.plusSeconds(10),
					T0.plusSeconds(11), "java", "error", "IllegalStateException: boom", "Main.run", "boom", null, null,
					null, null, Map.of(), null, "a".repeat(32), "app", "{}");
			storage.eventWriter().write(List.of(added));
			assertThat(storage.eventReader().latest(7, 11)).hasValue(added);
			storage.eventMaintenance().deleteOlderThan(T0);
			assertThat(storage.eventReader().find(7, bare.eventId())).isEmpty();
			assertThat(storage.eventReader().find(7, full.eventId())).hasValue(full);
		}
	}

}
