package dev.faultline.core.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The value of a {@link Filter}, typed by its key's {@link SearchKey.Kind}.
 */
public sealed interface SearchValue {

	/**
	 * An exact text; may be empty ({@code release:""} matches events without a release).
	 *
	 * @param value the text, unquoted and unescaped
	 */
	record Text(String value) implements SearchValue {

		public Text {
			Objects.requireNonNull(value, "value");
		}

	}

	/**
	 * A text with wildcards: {@code foo*bar} is the parts {@code ["foo", "bar"]},
	 * {@code *foo} is {@code ["", "foo"]}. Each part is literal (an escaped {@code \*} is
	 * a star in a part), and any run of characters may stand between two parts.
	 *
	 * @param parts the literal parts, at least two
	 */
	record Wildcard(List<String> parts) implements SearchValue {

		public Wildcard {
			parts = List.copyOf(parts);
			if (parts.size() < 2) {
				throw new IllegalArgumentException("a wildcard has at least two parts: " + parts);
			}
		}

	}

	/**
	 * A whole number ({@code times-seen:>10}, {@code 10k} is 10,000).
	 *
	 * @param value the number
	 */
	record Number(long value) implements SearchValue {

	}

	/**
	 * An instant: an absolute time with an operator, or a relative time resolved against
	 * the parser's clock.
	 *
	 * @param instant the instant
	 */
	record Time(Instant instant) implements SearchValue {

		public Time {
			Objects.requireNonNull(instant, "instant");
		}

	}

	/**
	 * A half-open time range {@code [from, until)}: an absolute date or timestamp written
	 * without an operator.
	 *
	 * @param from the first instant included
	 * @param until the first instant excluded, after {@code from}
	 */
	record TimeRange(Instant from, Instant until) implements SearchValue {

		public TimeRange {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(until, "until");
			if (!until.isAfter(from)) {
				throw new IllegalArgumentException("empty time range: " + from + " to " + until);
			}
		}

	}

	/**
	 * A value of {@code is:}.
	 *
	 * @param qualifier the qualifier
	 */
	record Is(IsQualifier qualifier) implements SearchValue {

		public Is {
			Objects.requireNonNull(qualifier, "qualifier");
		}

	}

	/**
	 * {@code key:[a, b*, "c d"]}: any of the values.
	 *
	 * @param values {@link Text} or {@link Wildcard} values, at least one
	 */
	record ValueList(List<SearchValue> values) implements SearchValue {

		public ValueList {
			values = List.copyOf(values);
			if (values.isEmpty()) {
				throw new IllegalArgumentException("a list has at least one value");
			}
			for (SearchValue value : values) {
				if (!(value instanceof Text) && !(value instanceof Wildcard)) {
					throw new IllegalArgumentException("a list holds text values only: " + value);
				}
			}
		}

	}

}
