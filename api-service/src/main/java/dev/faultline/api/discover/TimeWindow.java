package dev.faultline.api.discover;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import dev.faultline.api.web.ApiException;
import dev.faultline.query.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * The time parameters of Discover requests, as Sentry reads them: {@code statsPeriod}
 * ({@code 30m}, {@code 24h}, {@code 14d}, {@code 2w}; it wins over {@code start} and
 * {@code end}), or {@code start} and {@code end} as ISO-8601 instants; 14 days back from
 * now when none is given. Ranges are at most {@link #MAX_RANGE}, the retention of event
 * data. Stats intervals ({@code interval}) are written the same way, with seconds too.
 * Also read by the release-health sessions endpoint, with its own default period.
 */
public final class TimeWindow {

	/** Sentry's default range of Discover requests. */
	static final Duration DEFAULT_PERIOD = Duration.ofDays(14);

	/** The longest range a request reads (Sentry's maximum retention). */
	static final Duration MAX_RANGE = Duration.ofDays(90);

	private TimeWindow() {
	}

	/**
	 * Reads the range of a Discover request ({@link #DEFAULT_PERIOD} when none is given).
	 * @param now the instant periods count back from
	 * @throws ApiException 400 for a malformed, empty or too long range
	 */
	static TimeRange range(Instant now, @Nullable String statsPeriod, @Nullable String start, @Nullable String end) {
		return range(now, statsPeriod, start, end, DEFAULT_PERIOD);
	}

	/**
	 * Reads the range of a request.
	 * @param now the instant periods count back from
	 * @param defaultPeriod the range back from now when none is given
	 * @throws ApiException 400 for a malformed, empty or too long range
	 */
	public static TimeRange range(Instant now, @Nullable String statsPeriod, @Nullable String start,
			@Nullable String end, Duration defaultPeriod) {
		Instant from;
		Instant to;
		if (statsPeriod != null && !statsPeriod.isBlank()) {
			Duration period = duration(statsPeriod, false);
			if (period == null) {
				throw ApiException
					.badRequest("Invalid statsPeriod: " + statsPeriod + " (use a number with m, h, d or w)");
			}
			to = now;
			from = now.minus(period);
		}
		else if (start != null || end != null) {
			if (start == null || end == null) {
				throw ApiException.badRequest("start and end are both required");
			}
			from = instant("start", start);
			to = instant("end", end);
		}
		else {
			to = now;
			from = now.minus(defaultPeriod);
		}
		if (!from.isBefore(to)) {
			throw ApiException.badRequest("start must be before end");
		}
		if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
			throw ApiException.badRequest("The time range is longer than the limit of " + MAX_RANGE.toDays()
					+ " days; choose a shorter statsPeriod or start and end");
		}
		return new TimeRange(from, to);
	}

	/**
	 * Reads a period or interval: digits and one unit of {@code s} (intervals only),
	 * {@code m}, {@code h}, {@code d} or {@code w}.
	 * @param text the text
	 * @param seconds whether {@code s} is allowed
	 * @return the duration, or null when the text is none
	 */
	public static @Nullable Duration duration(String text, boolean seconds) {
		String trimmed = text.trim();
		if (trimmed.length() < 2 || trimmed.length() > 8) {
			return null;
		}
		long amount = 0;
		for (int i = 0; i < trimmed.length() - 1; i++) {
			char c = trimmed.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			amount = amount * 10 + (c - '0');
		}
		if (amount == 0) {
			return null;
		}
		return switch (trimmed.charAt(trimmed.length() - 1)) {
			case 's' -> seconds ? Duration.ofSeconds(amount) : null;
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			case 'd' -> Duration.ofDays(amount);
			case 'w' -> Duration.ofDays(7 * amount);
			default -> null;
		};
	}

	private static Instant instant(String name, String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				// Sentry's clients also send local date-times, meant as UTC.
				return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw ApiException.badRequest(name + " is not an ISO-8601 date-time: " + value);
			}
		}
	}

}
