package dev.faultline.api.project;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.faultline.api.web.ApiException;
import dev.faultline.core.text.ClientPatterns;

import org.jspecify.annotations.Nullable;

/**
 * Project slugs as Sentry allows them: lower-case letters, digits, {@code -} and
 * {@code _}, at most 50 characters, not only digits (a numeric slug would be mistaken for
 * an id).
 */
public final class Slugs {

	static final int MAX_LENGTH = 50;

	private static final Pattern VALID = ClientPatterns.SLUG_VALID.jdk();

	private static final Pattern NOT_ALLOWED = ClientPatterns.SLUG_NOT_ALLOWED.jdk();

	private Slugs() {
	}

	/**
	 * The slug to use: the given one when present (validated), else one derived from the
	 * name: lower-cased, every run of other characters replaced by one dash, dashes
	 * trimmed, cut to {@link #MAX_LENGTH}.
	 * @throws ApiException 400 when no valid slug results
	 */
	public static String choose(@Nullable String slug, String name) {
		String candidate = (slug != null && !slug.isBlank()) ? slug.trim() : fromName(name);
		if (!isValid(candidate)) {
			throw ApiException.badRequest("Enter a valid slug consisting of lowercase letters, numbers, "
					+ "underscores or hyphens. It cannot be entirely numeric.");
		}
		return candidate;
	}

	static String fromName(String name) {
		String slug = NOT_ALLOWED.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
		slug = trimDashes(slug);
		if (slug.length() > MAX_LENGTH) {
			slug = trimDashes(slug.substring(0, MAX_LENGTH));
		}
		return slug;
	}

	public static boolean isValid(String slug) {
		return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches()
				&& !slug.chars().allMatch(Character::isDigit);
	}

	private static String trimDashes(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && value.charAt(start) == '-') {
			start++;
		}
		while (end > start && value.charAt(end - 1) == '-') {
			end--;
		}
		return value.substring(start, end);
	}

}
