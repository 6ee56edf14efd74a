package dev.faultline.processor.housekeeping;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.duckdb.DuckDbEventStore;
import dev.faultline.storage.events.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The retention sweep on the real DuckDB store.
 */
class RetentionSweeperTest {

	private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

	@TempDir
	Path dir;

	@Test
	void removesWhatIsOlderThanTheRetention() {
		try (DuckDbEventStore events = DuckDbEventStore.open(this.dir.resolve("events.duckdb"))) {
			events
				.write(List.of(event("a", NOW.minus(Duration.ofDays(91))), event("b", NOW.minus(Duration.ofDays(89)))));
			RetentionSweeper sweeper = new RetentionSweeper(events, Duration.ofDays(90),
					Clock.fixed(NOW, ZoneOffset.UTC));

			assertThat(sweeper.sweep()).isEqualTo(NOW.minus(Duration.ofDays(90)));
			assertThat(events.find(1, "a".repeat(32))).isEmpty();
			assertThat(events.find(1, "b".repeat(32))).isPresent();
		}
	}

	@Test
	void retentionBelowADayIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetentionSweeper(null, Duration.ofHours(2), Clock.systemUTC()))
			.withMessageContaining("faultline.processor.retention");
	}

	private static StoredEvent event(String id, Instant at) {
		return new StoredEvent(1, id.repeat(32), 7, at, at, "java", "error", "t", "c", "m", null, null, null, null,
				Map.of(), null, "0".repeat(32), "app", "{}");
	}

}
