package dev.faultline.storage.alert;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One entry of an incident's timeline, with Sentry's activity types.
 *
 * @param value for a status change the new status, for detection the metric value
 * @param previousValue for a status change the old status
 */
public record IncidentActivity(long id, long incidentId, int type, @Nullable String value,
		@Nullable String previousValue, Instant dateCreated) {

	/** The incident was detected (value: the metric value). */
	public static final int DETECTED = 1;

	/** Its status changed. */
	public static final int STATUS_CHANGE = 2;

	/** A comment. */
	public static final int COMMENT = 3;

	/** The incident started. */
	public static final int STARTED = 4;

	public IncidentActivity {
		Objects.requireNonNull(dateCreated, "dateCreated");
	}

}
