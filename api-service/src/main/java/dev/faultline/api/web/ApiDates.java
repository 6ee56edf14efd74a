package dev.faultline.api.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Dates as the Web API writes them: ISO-8601 UTC with milliseconds, the same width every
 * time (unlike {@link Instant#toString()}), so clients that parse with a fixed pattern
 * work.
 */
public final class ApiDates {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private ApiDates() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

	public static @Nullable String formatNullable(@Nullable Instant instant) {
		return (instant != null) ? format(instant) : null;
	}

}
