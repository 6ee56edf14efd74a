package dev.faultline.storage.events;

import java.util.Objects;

/**
 * A query stopped by one of its {@link QueryLimits}: the engine did not finish it and no
 * partial answer exists. This is the asker's question being too wide, not a store
 * failure; the API answers it with 400 and {@link #advice()}.
 */
public final class QueryLimitExceededException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Which guard rail stopped the query. */
	public enum Limit {

		/** It ran longer than its timeout. */
		TIME("time limit"),
		/** It would read more rows than allowed. */
		ROWS_READ("limit of rows to read"),
		/** It would read more bytes than allowed. */
		BYTES_READ("limit of bytes to read"),
		/** It needed more memory than allowed. */
		MEMORY("memory limit"),
		/** It would build more groups than allowed. */
		GROUPS("limit of groups");

		private final String label;

		Limit(String label) {
			this.label = label;
		}

		/** The limit as a sentence names it ({@code time limit}). */
		public String label() {
			return this.label;
		}

	}

	private final Limit limit;

	/**
	 * @param limit the limit that stopped the query
	 * @param message what was exceeded, with the limit's value
	 * @param cause the engine's error, or null
	 */
	public QueryLimitExceededException(Limit limit, String message,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super(message, cause);
		this.limit = Objects.requireNonNull(limit, "limit");
	}

	/** The limit that stopped the query. */
	public Limit limit() {
		return this.limit;
	}

	/**
	 * How to ask a question that fits: what narrows the work this limit counts.
	 * @return a sentence for the asker
	 */
	public String advice() {
		return switch (this.limit) {
			case GROUPS -> "Group by fewer or less varied columns, or add conditions, a shorter time range or fewer "
					+ "projects.";
			case MEMORY ->
				"Group by fewer columns, select fewer functions, or use a shorter time range or fewer " + "projects.";
			default -> "Use a shorter time range, fewer projects or more conditions, or group by fewer columns.";
		};
	}

}
