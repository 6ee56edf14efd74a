package dev.faultline.alerts;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Sentry's string match operators of tag and attribute filters:
 * {@code eq ne sw ew co nc is
 * ns}. Comparisons ignore case, as Sentry's do.
 */
enum Match {

	EQ("eq"), NE("ne"), SW("sw"), EW("ew"), CO("co"), NC("nc"), IS("is"), NS("ns");

	private final String id;

	Match(String id) {
		this.id = id;
	}

	String id() {
		return this.id;
	}

	static Match of(String id) {
		for (Match match : values()) {
			if (match.id.equals(id)) {
				return match;
			}
		}
		throw new RuleException("match must be one of eq, ne, sw, ew, co, nc, is, ns: " + id);
	}

	/**
	 * Whether {@code actual} (null: the event lacks the attribute) matches {@code value}.
	 */
	boolean test(@Nullable String actual, String value) {
		if (this == IS) {
			return actual != null;
		}
		if (this == NS) {
			return actual == null;
		}
		if (actual == null) {
			return this == NE || this == NC;
		}
		String a = actual.toLowerCase(Locale.ROOT);
		String v = value.toLowerCase(Locale.ROOT);
		return switch (this) {
			case EQ -> a.equals(v);
			case NE -> !a.equals(v);
			case SW -> a.startsWith(v);
			case EW -> a.endsWith(v);
			case CO -> a.contains(v);
			case NC -> !a.contains(v);
			default -> throw new IllegalStateException(this.id);
		};
	}

}
