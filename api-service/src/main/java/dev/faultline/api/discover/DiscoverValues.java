package dev.faultline.api.discover;

import java.time.Instant;

import dev.faultline.api.web.ApiDates;
import org.jspecify.annotations.Nullable;

/**
 * Result values as Discover's JSON carries them: dates as ISO-8601 UTC strings, numbers
 * and text as they are, a float that is no number (NaN, infinite) as null.
 */
final class DiscoverValues {

	private DiscoverValues() {
	}

	static @Nullable Object json(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return ApiDates.format(instant);
		}
		if (value instanceof Double number && !Double.isFinite(number)) {
			return null;
		}
		return value;
	}

}
