package dev.faultline.protocol.envelope;

import java.util.Objects;

/**
 * An envelope body that does not follow the envelope grammar. Carries a stable
 * {@link Reason} that callers may expose to clients (ingest sends it as
 * {@code X-Sentry-Error}); the message adds detail for logs and never echoes payload
 * bytes.
 */
public class EnvelopeParseException extends RuntimeException {

	private final Reason reason;

	public EnvelopeParseException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why an envelope was rejected. Names are stable: they appear in responses, logs and
	 * metrics.
	 */
	public enum Reason {

		/** The body has no bytes at all. */
		EMPTY,

		/** The first line is not a single JSON object in valid UTF-8. */
		INVALID_ENVELOPE_HEADER,

		/** An item header line is not a single JSON object in valid UTF-8. */
		INVALID_ITEM_HEADER,

		/** An item header has no non-empty string {@code type}. */
		MISSING_ITEM_TYPE,

		/** An item header's {@code length} is not a non-negative integer. */
		INVALID_LENGTH,

		/** An item header's {@code length} is negative. */
		NEGATIVE_LENGTH,

		/** The body ends before the {@code length} bytes an item header announced. */
		LENGTH_PAST_END,

		/** A length-delimited payload is followed by something other than a newline. */
		MISSING_NEWLINE_AFTER_PAYLOAD,

		/** A header nests JSON deeper than {@link EnvelopeDecoder#MAX_HEADER_DEPTH}. */
		TOO_DEEPLY_NESTED;

		/**
		 * The reason in the lower-case form used on the wire, e.g.
		 * {@code length_past_end}.
		 */
		public String wireName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
