package dev.faultline.storage.metadata;

import java.util.Locale;

/**
 * What became of an item, in Sentry Relay's outcome vocabulary ({@code outcome.rs}).
 * Every item ingest or the processor sees ends with exactly one, with a reason for all
 * but {@link #ACCEPTED} ({@link OutcomeReasons}); recorded per data category
 * ({@code dev.faultline.protocol.envelope.DataCategories}) in the {@link OutcomeStore}.
 */
public enum Outcome {

	/** Stored. */
	ACCEPTED,

	/**
	 * Dropped on purpose: an inbound filter, a discarded hash, a kind not processed yet.
	 */
	FILTERED,

	/** Dropped by a rate limit or quota. */
	RATE_LIMITED,

	/** Malformed, too large, a duplicate, or too expensive to process. */
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
