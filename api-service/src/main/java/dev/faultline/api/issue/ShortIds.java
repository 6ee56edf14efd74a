package dev.faultline.api.issue;

import java.util.Locale;

/**
 * Sentry's short issue ids: the project slug upper-cased, a dash, and the per-project
 * short number in upper-case base 36 ({@code checkout} and 47 give {@code CHECKOUT-1B}).
 */
public final class ShortIds {

	private ShortIds() {
	}

	public static String format(String projectSlug, long shortNumber) {
		return projectSlug.toUpperCase(Locale.ROOT) + "-" + Long.toString(shortNumber, 36).toUpperCase(Locale.ROOT);
	}

}
