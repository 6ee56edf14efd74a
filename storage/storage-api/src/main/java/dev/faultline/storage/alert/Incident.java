package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An incident of a metric alert rule: open from its detection until it resolves.
 *
 * @param identifier the organization's sequence number of the incident (Sentry's
 * {@code identifier}, the number in its URL)
 * @param status {@link #OPEN}, {@link #WARNING}, {@link #CRITICAL} or {@link #CLOSED}
 */
public record Incident(long id, long organizationId, long alertRuleId, long identifier, int status, String title,
		Instant dateStarted, Instant dateDetected, @Nullable Instant dateClosed) {

	/** Sentry's open status. */
	public static final int OPEN = 1;

	/** Sentry's closed (resolved) status. */
	public static final int CLOSED = 2;

	/** Open past the warning threshold. */
	public static final int WARNING = 10;

	/** Open past the critical threshold. */
	public static final int CRITICAL = 20;

	public Incident {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(dateStarted, "dateStarted");
		Objects.requireNonNull(dateDetected, "dateDetected");
	}

}
