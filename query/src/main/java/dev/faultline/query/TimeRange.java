package dev.faultline.query;

import java.time.Instant;
import java.util.Objects;

/**
 * The half-open range {@code [from, to)} of row timestamps a query reads.
 *
 * @param from the first instant included
 * @param to the first instant excluded, after {@code from}
 */
public record TimeRange(Instant from, Instant to) {

	public TimeRange {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to: " + from + ", " + to);
		}
	}

	/**
	 * Every row, whatever its timestamp: compilers add no time condition for it.
	 */
	public static final TimeRange ALL = new TimeRange(Instant.EPOCH, Instant.parse("2200-01-01T00:00:00Z"));

	/**
	 * Returns the range from {@code from} on, without end.
	 * @param from the first instant included
	 * @return the range up to {@link #ALL}'s end
	 */
	public static TimeRange since(Instant from) {
		return new TimeRange(from, ALL.to());
	}

}
