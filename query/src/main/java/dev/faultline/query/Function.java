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
	FIRST_SEEN(false, false),
	/**
	 * {@code count_if(f, operator, value)}: rows meeting the aggregate's condition;
	 * {@code count_web_vitals(measurements.x, quality)} and {@code failure_count()} are
	 * counts of this kind with their own names.
	 */
	COUNT_IF(true, true),
	/**
	 * {@code count_web_vitals(measurements.x, good|meh|poor|any)}: see {@link WebVitals}.
	 */
	COUNT_WEB_VITALS(true, true),
	/**
	 * {@code failure_count()}: rows whose status is a failure (see
	 * {@link #FAILURE_RATE}).
	 */
	FAILURE_COUNT(true, true),
	/**
	 * {@code failure_rate()}: the share of rows whose status is present and none of
	 * {@code ok}, {@code cancelled}, {@code unknown} (Sentry's definition), from 0 to 1.
	 */
	FAILURE_RATE(true, true),
	/**
	 * {@code epm()}: rows per minute of the query's range, or of the bucket when
	 * bucketed.
	 */
	EPM(false, true),
	/** {@code tpm()}: {@link #EPM} under Sentry's transaction name. */
	TPM(false, true),
	/** {@code eps()}: rows per second of the range or bucket. */
	EPS(false, true),
	/** {@code tps()}: {@link #EPS} under Sentry's transaction name. */
	TPS(false, true),
	/**
	 * {@code apdex(T)}: (satisfied + tolerating / 2) / all, where a row with duration
	 * {@code d} is satisfied when {@code d <= T} and tolerating when {@code T < d <= 4T}.
	 */
	APDEX(true, true),
	/**
	 * {@code count_miserable(user, T)}: distinct users with a row of duration above
	 * {@code 4T}.
	 */
	COUNT_MISERABLE(true, false),
	/**
	 * {@code user_misery(T)}: {@code (miserable + 5.8875) / (users + 5.8875 + 111.8625)},
	 * Sentry's Bayesian estimate with its prior (alpha 5.8875, beta 111.8625).
	 */
	USER_MISERY(true, false);

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
