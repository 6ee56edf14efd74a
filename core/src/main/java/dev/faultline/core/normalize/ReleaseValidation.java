package dev.faultline.core.normalize;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Sentry's (Relay's) rules for the {@code release} and {@code environment} names of an
 * event. An invalid name is dropped from the event while the event itself is kept, and
 * the reason is recorded in {@code _meta} (see {@link EventNormalizer}), because a
 * release such as {@code latest} or a name with a slash would break release URLs and
 * filters everywhere else.
 */
public final class ReleaseValidation {

	/**
	 * Longest accepted release name, in chars.
	 */
	public static final int MAX_RELEASE_LENGTH = 200;

	/**
	 * Longest accepted environment name, in chars.
	 */
	public static final int MAX_ENVIRONMENT_LENGTH = 64;

	private ReleaseValidation() {
	}

	/**
	 * Why {@code release} (already trimmed) is not a valid release name, or null when it
	 * is.
	 */
	public static @Nullable String releaseError(String release) {
		if (release.isEmpty()) {
			return "empty release";
		}
		if (release.equals(".") || release.equals("..") || release.toLowerCase(Locale.ROOT).equals("latest")) {
			return "reserved release name";
		}
		if (release.length() > MAX_RELEASE_LENGTH) {
			return "release longer than " + MAX_RELEASE_LENGTH + " characters";
		}
		return hasForbiddenChar(release) ? "invalid character in release" : null;
	}

	/**
	 * Why {@code environment} (already trimmed) is not a valid environment name, or null
	 * when it is.
	 */
	public static @Nullable String environmentError(String environment) {
		if (environment.toLowerCase(Locale.ROOT).equals("none")) {
			return "reserved environment name";
		}
		if (environment.length() > MAX_ENVIRONMENT_LENGTH) {
			return "environment longer than " + MAX_ENVIRONMENT_LENGTH + " characters";
		}
		return hasForbiddenChar(environment) ? "invalid character in environment" : null;
	}

	// Slashes break the URL paths that name releases and environments; line breaks and
	// tabs break headers, lists and the search syntax.
	private static boolean hasForbiddenChar(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '/' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
				return true;
			}
		}
		return false;
	}

}
