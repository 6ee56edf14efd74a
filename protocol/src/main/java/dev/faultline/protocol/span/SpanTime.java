package dev.faultline.protocol.span;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the times of spans: float epoch seconds (what every SDK sends for spans) or an
 * RFC 3339 string, kept to the microsecond.
 */
public final class SpanTime {

	/** 9999-12-31T23:59:59Z: later epoch seconds are taken as garbage. */
	private static final double MAX_EPOCH_SECONDS = 253402300799d;

	private SpanTime() {
	}

	/**
	 * Returns the instant of a time value, or null when it is missing or unreadable.
	 * @param value a JSON number of epoch seconds or an RFC 3339 string
	 * @return the instant, microsecond precision
	 */
	public static @Nullable Instant read(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (value.isNumber()) {
			double seconds = value.asDouble();
			if (!Double.isFinite(seconds) || seconds < 0 || seconds > MAX_EPOCH_SECONDS) {
				return null;
			}
			return ofEpochMicros(Math.round(seconds * 1_000_000d));
		}
		if (value.isString()) {
			try {
				Instant parsed = Instant.parse(value.stringValue());
				return ofEpochMicros(parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	private static Instant ofEpochMicros(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
	}

}
