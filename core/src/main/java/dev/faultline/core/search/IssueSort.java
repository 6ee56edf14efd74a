package dev.faultline.core.search;

import java.util.Optional;

/**
 * How an issue search is ordered, by Sentry's {@code sort} parameter; always descending,
 * as in Sentry. Answered by the metadata store (issue counters), never the event store.
 */
public enum IssueSort {

	/** {@code date}: the newest last-seen first (Sentry's default). */
	LAST_SEEN("date"),
	/** {@code new}: the newest first-seen first. */
	FIRST_SEEN("new"),
	/** {@code freq}: the most events first. */
	EVENTS("freq"),
	/** {@code user}: the most affected users first. */
	USERS("user");

	private final String parameter;

	IssueSort(String parameter) {
		this.parameter = parameter;
	}

	/**
	 * Returns the sort named by Sentry's {@code sort} parameter value.
	 * @param parameter {@code date}, {@code new}, {@code freq} or {@code user}
	 * @return the sort, or empty for any other value
	 */
	public static Optional<IssueSort> fromParameter(String parameter) {
		for (IssueSort sort : values()) {
			if (sort.parameter.equals(parameter)) {
				return Optional.of(sort);
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the value of Sentry's {@code sort} parameter for this sort.
	 * @return for example {@code date}
	 */
	public String parameter() {
		return this.parameter;
	}

}
