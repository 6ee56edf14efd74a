package dev.faultline.processor.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.faultline.storage.events.EventMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event retention: every {@link #INTERVAL} (and once shortly after start) removes the
 * events older than the configured retention ({@code faultline.processor.retention}, 90
 * days by default) through {@link EventMaintenance#deleteOlderThan}. DuckDB has no TTL,
 * so this is its retention; ClickHouse also drops whole partitions after 90 days by TTL.
 * The sweep is idempotent, so several processor instances may all run it. A failed sweep
 * is logged and tried again at the next interval ({@link PeriodicTask}).
 */
public final class RetentionSweeper extends PeriodicTask {

	static final Duration INTERVAL = Duration.ofHours(1);

	private static final Logger logger = LoggerFactory.getLogger(RetentionSweeper.class);

	private final EventMaintenance events;

	private final Duration retention;

	private final Clock clock;

	public RetentionSweeper(EventMaintenance events, Duration retention, Clock clock) {
		super("faultline-retention", Duration.ofMinutes(1), INTERVAL);
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"faultline.processor.retention must be at least 1d but was " + retention);
		}
		this.events = events;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Runs one sweep now; returns the cutoff used.
	 */
	Instant sweep() {
		Instant cutoff = this.clock.instant().minus(this.retention);
		this.events.deleteOlderThan(cutoff);
		return cutoff;
	}

	@Override
	void runOnce() {
		logger.debug("Removed events older than {}", sweep());
	}

}
