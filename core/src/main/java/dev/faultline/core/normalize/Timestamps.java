package dev.faultline.core.normalize;

import java.time.Instant;

import dev.faultline.protocol.event.Timestamp;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes Sentry timestamps. SDKs send RFC 3339 strings (with or without a zone;
 * none means UTC) or epoch seconds as a float; the normalized form is ISO-8601 UTC with
 * exactly three fraction digits, e.g. {@code 2026-11-24T23:58:38.083Z}. The rules live
 * with the protocol's {@link Timestamp}; this is their face for raw JSON.
 */
public final class Timestamps {

	private Timestamps() {
	}

	/**
	 * Parses a timestamp node; null when absent or unreadable.
	 */
	public static @Nullable Instant parse(@Nullable JsonNode node) {
		if (node == null || !(node.isNumber() || node.isString())) {
			return null;
		}
		return new Timestamp(node).instant();
	}

	/**
	 * Parses an RFC 3339 / ISO-8601 text or a number of epoch seconds in text; null when
	 * unreadable.
	 */
	public static @Nullable Instant parse(@Nullable String text) {
		return Timestamp.parse(text);
	}

	/**
	 * Reads a typed timestamp; null when absent or unreadable.
	 */
	public static @Nullable Instant parse(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.instant() : null;
	}

	/**
	 * Formats an instant in the normalized form (UTC, milliseconds).
	 */
	public static String format(Instant instant) {
		return Timestamp.format(instant);
	}

}
