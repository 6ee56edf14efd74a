package dev.faultline.api.releasehealth;

import java.util.Arrays;
import java.util.Optional;

/**
 * What sessions can be grouped by ({@code groupBy}): the project, the release, the
 * environment and the session's status ({@code healthy}, {@code errored},
 * {@code unhandled}, {@code abnormal}, {@code crashed}).
 */
public enum SessionGroupKey {

	/** By project id. */
	PROJECT("project", "project.id"),

	/** By release. */
	RELEASE("release", "release"),

	/** By environment. */
	ENVIRONMENT("environment", "environment"),

	/** By status. */
	STATUS("session.status", "session.status");

	private final String sentryName;

	private final String column;

	SessionGroupKey(String sentryName, String column) {
		this.sentryName = sentryName;
		this.column = column;
	}

	/** The name in {@code groupBy} and in a group's {@code by}. */
	public String sentryName() {
		return this.sentryName;
	}

	/** The column of the sessions dataset. */
	String column() {
		return this.column;
	}

	/**
	 * Reads a {@code groupBy} value.
	 * @param name the value
	 * @return the key, or empty for one Sentry does not group sessions by
	 */
	public static Optional<SessionGroupKey> parse(String name) {
		return Arrays.stream(values()).filter((key) -> key.sentryName.equals(name.trim())).findFirst();
	}

}
