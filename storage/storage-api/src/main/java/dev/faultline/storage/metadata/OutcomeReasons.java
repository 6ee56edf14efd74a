package dev.faultline.storage.metadata;

/**
 * The reasons recorded with an {@link Outcome} by more than one component, named as Relay
 * names them where it has a name. A reason is a stable lower-case code, never free text.
 */
public final class OutcomeReasons {

	/** {@link Outcome#ACCEPTED} has none. */
	public static final String NONE = "";

	/**
	 * {@link Outcome#FILTERED}: an item kind whose processing is not built yet; counted
	 * so that a user sees in the stats what was sent and not kept.
	 */
	public static final String UNSUPPORTED = "unsupported";

	/**
	 * {@link Outcome#FILTERED}: the event's grouping hash was discarded (Sentry's name).
	 */
	public static final String DISCARDED_HASH = "discarded-hash";

	/**
	 * {@link Outcome#INVALID}: an envelope's processing exceeded the processing budget;
	 * all its items are dropped.
	 */
	public static final String PROCESSING_TIMEOUT = "processing_timeout";

	/** {@link Outcome#INVALID}: an event id that was already processed. */
	public static final String DUPLICATE = "duplicate";

	/** {@link Outcome#INVALID}: a payload that is not the JSON its item type needs. */
	public static final String INVALID_JSON = "invalid_json";

	/** {@link Outcome#INVALID}: a queued record that is not a well-formed envelope. */
	public static final String INVALID_ENVELOPE = "invalid_envelope";

	/** {@link Outcome#INVALID}: processing failed for a reason of our own. */
	public static final String INTERNAL = "internal";

	private OutcomeReasons() {
	}

}
