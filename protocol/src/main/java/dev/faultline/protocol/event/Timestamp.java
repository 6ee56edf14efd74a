package dev.faultline.protocol.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A protocol timestamp as it was sent: an RFC 3339 string (a missing zone means UTC) or a
 * number of epoch seconds. The value is kept verbatim so that encoding gives back the
 * same JSON; {@link #instant()} reads it.
 *
 * @param raw a JSON string or number
 */
public record Timestamp(JsonNode raw) {

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	/** 9999-12-31T23:59:59Z: later epoch seconds are taken as garbage. */
	private static final double MAX_EPOCH_SECONDS = 253402300799d;

	public Timestamp {
		Objects.requireNonNull(raw, "raw");
		if (!raw.isString() && !raw.isNumber()) {
			throw new IllegalArgumentException("a timestamp is a string or a number");
		}
	}

	/**
	 * The normalized form of an instant: ISO-8601 UTC with exactly three fraction digits,
	 * e.g. {@code 2026-11-24T23:58:38.083Z}.
	 */
	public static Timestamp of(Instant instant) {
		return new Timestamp(JsonNodeFactory.instance.stringNode(format(instant)));
	}

	/**
	 * Formats an instant in the normalized form (UTC, milliseconds).
	 */
	public static String format(Instant instant) {
		return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * The instant, to the millisecond; null when the value cannot be read.
	 */
	public @Nullable Instant instant() {
		return this.raw.isNumber() ? fromEpochSeconds(this.raw.asDouble()) : parse(this.raw.stringValue());
	}

	/**
	 * Parses RFC 3339 / ISO-8601 text (zone optional, UTC assumed) or epoch seconds in
	 * text; null when unreadable.
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

	private static @Nullable Instant fromEpochSeconds(double seconds) {
		if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
			return null;
		}
		return Instant.ofEpochMilli(Math.round(seconds * 1000d));
	}

}
