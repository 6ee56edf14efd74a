package dev.faultline.storage.metadata;

/**
 * Orders of the issue list, named after Sentry's {@code sort} parameter values
 * ({@code date}, {@code new}, {@code freq}, {@code user}). Every order is descending,
 * ties broken by id descending.
 */
public enum IssueSort {

	/** Last seen. */
	DATE,
	/** First seen. */
	NEW,
	/** Times seen. */
	FREQ,
	/** User count. */
	USER

}
