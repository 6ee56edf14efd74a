package dev.faultline.core.normalize;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes Sentry timestamps. SDKs send RFC 3339 strings (with or without a zone;
 * none means UTC) or epoch seconds as a float; the normalized form is ISO-8601 UTC with
 * exactly three fraction digits, e.g. {@code 2026-11-24T23:58:38.083Z}.
 */
public final class Timestamps {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	/**
	 * Parses a timestamp node; null when absent or unreadable.
	 */
	public static @Nullable Instant parse(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isNumber()) {
			return fromEpochSeconds(node.asDouble());
		}
		if (node.isString()) {
			return parse(node.stringValue());
		}
		return null;
	}

	/**
	 * Parses an RFC 3339 / ISO-8601 text or a number of epoch seconds in text; null when
	 * unreadable.
	 */
	public static @Nullable Instant parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.trim();
		try {
			return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException ex) {
			// not zoned; try the forms below
		}
		try {
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException ex) {
			// not a local date-time either; maybe epoch seconds
		}
		try {
			return fromEpochSeconds(Double.parseDouble(value));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Formats an instant in the normalized form (UTC, milliseconds).
	 */
	public static String format(Instant instant) {
		return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	private static @Nullable Instant fromEpochSeconds(double seconds) {
		if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0 || seconds > 253402300799d) {
			return null;
		}
		return Instant.ofEpochMilli(Math.round(seconds * 1000d));
	}

}
