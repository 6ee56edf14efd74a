package dev.faultline.ingest.outcome;

import java.util.Locale;

/**
 * What became of an item, in Sentry's outcome vocabulary (Relay's {@code outcome.rs}).
 * Every item ends with exactly one, with a reason for all but {@link #ACCEPTED}.
 */
public enum Outcome {

	/** Stored. */
	ACCEPTED,

	/** Dropped by an inbound filter or sampling. */
	FILTERED,

	/** Dropped by a rate limit or quota. */
	RATE_LIMITED,

	/** Malformed or too large. */
	INVALID,

	/** Dropped for abuse (e.g. a disabled key that keeps sending). */
	ABUSE,

	/** Dropped by the SDK itself, as it reported in a client report. */
	CLIENT_DISCARD;

	/**
	 * The lower-case name used in metrics, the store and the stats API.
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
