package dev.faultline.storage.spans;

import java.util.Objects;

/**
 * One measurement of a span (a web vital such as {@code lcp}, or a custom one).
 *
 * @param value the value, finite
 * @param unit Sentry's unit name ({@code millisecond}, {@code none}, {@code byte}…),
 * {@code none} for a bare number
 */
public record Measurement(double value, String unit) {

	public Measurement {
		Objects.requireNonNull(unit, "unit");
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("a measurement is finite: " + value);
		}
	}

}
