package dev.faultline.query;

import java.util.Locale;

/**
 * The type of a column or result value, named as Sentry's {@code meta.fields} names it.
 * Values in a {@link QueryResult} are {@link String} (STRING), {@link Long} (INTEGER),
 * {@link Double} (NUMBER, DURATION) or {@link java.time.Instant} (DATE).
 */
public enum FieldType {

	STRING, INTEGER, NUMBER, DURATION, DATE;

	/**
	 * Returns the name Sentry's API answers in {@code meta.fields}.
	 * @return for example {@code string} or {@code date}
	 */
	public String metaName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Returns whether values of this type can be averaged, summed and ranked by
	 * percentile.
	 * @return true for INTEGER, NUMBER and DURATION
	 */
	public boolean numeric() {
		return this == INTEGER || this == NUMBER || this == DURATION;
	}

}
