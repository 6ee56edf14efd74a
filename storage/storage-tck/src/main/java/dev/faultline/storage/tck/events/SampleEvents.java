package dev.faultline.storage.tck.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;

/**
 * Builds realistic {@link StoredEvent}s for the contract suite.
 *
 * <p>
 * Timestamps are millisecond-precise and lie in the recent past (relative to when the
 * instance was created) because a store may expire old events (ClickHouse's TTL). Event
 * ids are 32 lower-case hex characters derived from a counter, so they sort in creation
 * order. Not thread-safe.
 */
public final class SampleEvents {

	private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * The instant {@code offsetMillis} after this instance's base time.
	 */
	public Instant at(long offsetMillis) {
		return this.base.plusMillis(offsetMillis);
	}

	/**
	 * A fresh event id, greater than every id handed out before by this instance.
	 */
	public String nextEventId() {
		return eventId(this.sequence.incrementAndGet());
	}

	/**
	 * The event id for {@code n}: 32 lower-case hex characters ordering like {@code n}.
	 */
	public static String eventId(long n) {
		return "0000000000000000" + HexFormat.of().toHexDigits(n);
	}

	/**
	 * A fully populated event: every nullable field set, three tags, a user.
	 */
	public StoredEvent full(long projectId, long issueId, Instant timestamp) {
		return full(projectId, nextEventId(), issueId, timestamp);
	}

	public StoredEvent full(long projectId, String eventId, long issueId, Instant timestamp) {
		return new StoredEvent(projectId, eventId, issueId, timestamp, timestamp.plusMillis(250), "java", "error",
				"IllegalStateException: boom", "com.example.Service in handle", "boom", "backend@1.2.3", "production",
				"/api/orders", "4bf92f3577b34da6a3ce929d0e0e4736",
				Map.of("browser", "Firefox 128", "os.name", "Linux", "level", "error"),
				new EventUser("42", "alice", "alice@example.com", "203.0.113.7"), "d41d8cd98f00b204e9800998ecf8427e",
				"app", "{\"event_id\":\"" + eventId + "\",\"message\":\"boom\"}");
	}

	/**
	 * An event with the given level, release, environment, tags and grouping hash (no
	 * user), for tag and move tests.
	 */
	public StoredEvent tagged(long projectId, long issueId, Instant timestamp, String level, @Nullable String release,
			@Nullable String environment, Map<String, String> tags, String primaryHash) {
		String eventId = nextEventId();
		return new StoredEvent(projectId, eventId, issueId, timestamp, timestamp, "java", level, "Error " + eventId, "",
				"", release, environment, null, null, tags, null, primaryHash, "app", "{}");
	}

	/**
	 * A minimal event: every nullable field null, no tags, no user.
	 */
	public StoredEvent minimal(long projectId, long issueId, Instant timestamp) {
		String eventId = nextEventId();
		return new StoredEvent(projectId, eventId, issueId, timestamp, timestamp, "other", "info", "", "", "", null,
				null, null, null, Map.of(), null, "0", "fallback", "{}");
	}

}
