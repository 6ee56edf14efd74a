package dev.faultline.api.release;

import org.jspecify.annotations.Nullable;

/**
 * Sentry's {@code versionInfo} of a release version: {@code package@version+build} split
 * into its parts, the version read as a semantic version where it is one, and the short
 * form lists show ({@code shortVersion}): the version without its package, a commit hash
 * cut to 12 characters. Parsed by hand, in one pass over the text.
 *
 * @param packageName the part before the first {@code @}, when there is one and both
 * sides are non-empty
 * @param buildHash the whole version when it is a 40 or 64 digit hex commit hash
 */
record VersionInfo(@Nullable String packageName, Version version, String description, @Nullable String buildHash) {

	/**
	 * The version part.
	 *
	 * @param raw the version as written (without the package)
	 * @param major null unless the raw version is semantic
	 * @param pre the pre-release identifiers after {@code -}
	 * @param buildCode the build metadata after {@code +}
	 */
	record Version(String raw, @Nullable Long major, @Nullable Long minor, @Nullable Long patch, @Nullable String pre,
			@Nullable String buildCode) {

	}

	static VersionInfo parse(String release) {
		String packageName = null;
		String raw = release;
		int at = release.indexOf('@');
		if (at > 0 && at < release.length() - 1) {
			packageName = release.substring(0, at);
			raw = release.substring(at + 1);
		}
		if (isHash(raw)) {
			return new VersionInfo(packageName, new Version(raw, null, null, null, null, null), raw.substring(0, 12),
					raw);
		}
		Version version = semantic(raw);
		String description = raw;
		if (version.major() != null && version.buildCode() != null) {
			int plus = raw.indexOf('+');
			description = raw.substring(0, plus) + " (" + version.buildCode() + ")";
		}
		return new VersionInfo(packageName, version, description, null);
	}

	/**
	 * {@code MAJOR[.MINOR[.PATCH]][-PRE][+BUILD]}; anything else is raw only.
	 */
	private static Version semantic(String raw) {
		int plus = raw.indexOf('+');
		String main = (plus >= 0) ? raw.substring(0, plus) : raw;
		String build = (plus >= 0) ? raw.substring(plus + 1) : null;
		int dash = main.indexOf('-');
		String numbers = (dash >= 0) ? main.substring(0, dash) : main;
		String pre = (dash >= 0) ? main.substring(dash + 1) : null;
		String[] parts = numbers.split("\\.", -1);
		if (parts.length > 3 || (pre != null && pre.isEmpty()) || (build != null && build.isEmpty())) {
			return new Version(raw, null, null, null, null, null);
		}
		long[] values = new long[3];
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].isEmpty() || parts[i].length() > 18 || !digits(parts[i])) {
				return new Version(raw, null, null, null, null, null);
			}
			values[i] = Long.parseLong(parts[i]);
		}
		return new Version(raw, values[0], values[1], values[2], pre, build);
	}

	private static boolean digits(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isHash(String text) {
		if (text.length() != 40 && text.length() != 64) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
				return false;
			}
		}
		return true;
	}

}
