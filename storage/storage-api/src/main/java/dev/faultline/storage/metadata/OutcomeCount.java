package dev.faultline.storage.metadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How many items of one data category of a project had one outcome in one hour, as
 * Sentry's stats pages count them.
 *
 * @param projectId the project
 * @param hour the start of the hour (UTC, whole hour)
 * @param category the data category ({@code error}, {@code transaction}, {@code span},
 * {@code session}, {@code attachment}, {@code monitor}, {@code log_item}, …)
 * @param outcome {@code accepted}, {@code filtered}, {@code rate_limited},
 * {@code invalid}, {@code abuse} or {@code client_discard}
 * @param reason why, for anything but {@code accepted}; empty when there is none
 * @param quantity how many items (or, for attachments, bytes, as Sentry counts them)
 * @param timesSeen how many items (attachments included) were counted: Sentry's
 * {@code times_seen}, what {@code stats_v2}'s {@code sum(times_seen)} adds up
 */
public record OutcomeCount(long projectId, Instant hour, String category, String outcome, String reason, long quantity,
		long timesSeen) {

	public OutcomeCount {
		Objects.requireNonNull(hour, "hour");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(reason, "reason");
		if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
			throw new IllegalArgumentException("hour must be the start of an hour but was " + hour);
		}
		if (category.isEmpty() || outcome.isEmpty()) {
			throw new IllegalArgumentException("category and outcome must not be empty");
		}
		if (quantity < 0 || timesSeen < 0) {
			throw new IllegalArgumentException(
					"quantity and times seen must not be negative but were " + quantity + ", " + timesSeen);
		}
	}

	/**
	 * A count of items whose quantity is their number ({@code timesSeen == quantity}).
	 */
	public OutcomeCount(long projectId, Instant hour, String category, String outcome, String reason, long quantity) {
		this(projectId, hour, category, outcome, reason, quantity, quantity);
	}

}
