package dev.faultline.storage.jdbc;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release name that is a semantic version ({@code 1.2.10}, {@code 2.0.0-rc.1},
 * {@code 1.4}), optionally behind a package prefix as Sentry SDKs send it
 * ({@code my-app@1.2.0}). Ordered by SemVer 2.0 precedence: numeric parts numerically, a
 * pre-release below its release, build metadata ignored.
 */
record SemanticVersion(BigInteger major, BigInteger minor, BigInteger patch,
		List<String> preRelease) implements Comparable<SemanticVersion> {

	private static final Pattern VERSION = Pattern
		.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

	private static final Pattern NUMERIC = Pattern.compile("\\d+");

	SemanticVersion {
		preRelease = List.copyOf(preRelease);
	}

	/**
	 * The version of a release name, or empty when it is not a semantic version.
	 */
	static Optional<SemanticVersion> parse(String release) {
		// The last '@' separates the package: package names may start with one
		// (@scope/app).
		String version = release.substring(release.lastIndexOf('@') + 1);
		Matcher matcher = VERSION.matcher(version);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String patch = matcher.group(3);
		String preRelease = matcher.group(4);
		return Optional.of(new SemanticVersion(new BigInteger(matcher.group(1)), new BigInteger(matcher.group(2)),
				(patch != null) ? new BigInteger(patch) : BigInteger.ZERO,
				(preRelease != null) ? List.of(preRelease.split("\\.", -1)) : List.of()));
	}

	@Override
	public int compareTo(SemanticVersion other) {
		int result = this.major.compareTo(other.major);
		if (result == 0) {
			result = this.minor.compareTo(other.minor);
		}
		if (result == 0) {
			result = this.patch.compareTo(other.patch);
		}
		return (result != 0) ? result : comparePreRelease(this.preRelease, other.preRelease);
	}

	private static int comparePreRelease(List<String> left, List<String> right) {
		if (left.isEmpty() || right.isEmpty()) {
			// a release ranks above any of its pre-releases
			return Boolean.compare(left.isEmpty(), right.isEmpty());
		}
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			int result = compareIdentifier(left.get(i), right.get(i));
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.size(), right.size());
	}

	private static int compareIdentifier(String left, String right) {
		boolean leftNumeric = NUMERIC.matcher(left).matches();
		boolean rightNumeric = NUMERIC.matcher(right).matches();
		if (leftNumeric && rightNumeric) {
			return new BigInteger(left).compareTo(new BigInteger(right));
		}
		if (leftNumeric != rightNumeric) {
			// numeric identifiers rank below alphanumeric ones
			return leftNumeric ? -1 : 1;
		}
		return left.compareTo(right);
	}

}
