package dev.faultline.storage.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newest migration applied to a database's schema.
 *
 * @param version the migration's version (Flyway's {@code V<version>__…})
 * @param description what it did, as its file name says
 */
public record SchemaVersion(String version, String description) {

	private static final Pattern SCRIPT = Pattern.compile("V([0-9.]+)__(.+)\\.sql");

	/**
	 * The version and description a migration script's name states, as Flyway reads them:
	 * {@code V2__spans.sql} is version {@code 2}, "spans"; underscores read as spaces.
	 * @throws IllegalArgumentException when the name is not {@code V<n>__<name>.sql}
	 */
	public static SchemaVersion ofScript(String fileName) {
		Matcher matcher = SCRIPT.matcher(fileName);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a migration script name: " + fileName);
		}
		return new SchemaVersion(matcher.group(1), matcher.group(2).replace('_', ' '));
	}

}
