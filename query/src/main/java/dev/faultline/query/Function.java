package dev.faultline.query;

import java.util.Locale;

/**
 * The aggregate functions of the query model, with Sentry's names. Percentiles are exact
 * and interpolate linearly between the two nearest values (the {@code (n - 1) · q} rank,
 * as spreadsheet {@code PERCENTILE.INC}), so every engine answers the same.
 */
public enum Function {

	/** {@code count()}: rows in the group. */
	COUNT(false, true),
	/** {@code count_unique(f)}: distinct non-missing values. */
	COUNT_UNIQUE(true, false),
	/** {@code avg(f)} of a numeric column. */
	AVG(true, true),
	/** {@code sum(f)} of a numeric column. */
	SUM(true, true),
	/** {@code min(f)} of a numeric or date column. */
	MIN(true, false),
	/** {@code max(f)} of a numeric or date column. */
	MAX(true, false),
	/** {@code percentile(f, q)}, and {@code p50}…{@code p99} for fixed q. */
	PERCENTILE(true, true),
	/** {@code any(f)}: one of the group's values, unspecified which. */
	ANY(true, false),
	/** {@code last_seen()}: the newest timestamp. */
	LAST_SEEN(false, false),
	/** {@code first_seen()}: the oldest timestamp (Sentry's {@code min(timestamp)}). */
	FIRST_SEEN(false, false);

	private final boolean takesArgument;

	private final boolean countsDuplicates;

	Function(boolean takesArgument, boolean countsDuplicates) {
		this.takesArgument = takesArgument;
		this.countsDuplicates = countsDuplicates;
	}

	/**
	 * Returns whether the function reads a column.
	 * @return false for {@code count()}, {@code last_seen()} and {@code first_seen()}
	 */
	public boolean takesArgument() {
		return this.takesArgument;
	}

	/**
	 * Returns whether a second copy of a row could change the answer. An engine that
	 * collapses duplicate copies of a row lazily (ClickHouse's ReplacingMergeTree) can
	 * skip collapsing when no function of a query counts duplicates.
	 * @return true for count, avg, sum and percentile
	 */
	public boolean countsDuplicates() {
		return this.countsDuplicates;
	}

	/**
	 * Returns Sentry's name.
	 * @return for example {@code count_unique}
	 */
	public String sentryName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
