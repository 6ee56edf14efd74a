package dev.faultline.sdk;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The two timestamp forms of the wire: RFC 3339 with milliseconds (events, breadcrumbs,
 * client reports, {@code sent_at}) and float epoch seconds with microseconds
 * (transactions and spans).
 */
final class Timestamps {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Timestamps() {
	}

	static String iso(Instant instant) {
		return ISO.format(instant);
	}

	/** Epoch seconds with six decimals, never in exponent notation. */
	static String seconds(Instant instant) {
		long micros = instant.getNano() / 1000;
		String fraction = Long.toString(1_000_000 + micros).substring(1);
		return instant.getEpochSecond() + "." + fraction;
	}

}
