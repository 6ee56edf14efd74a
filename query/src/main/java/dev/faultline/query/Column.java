package dev.faultline.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A column a {@link Dataset} offers, declared once: its public name (Sentry's field name,
 * such as {@code user.email}), its type and unit (for {@code meta.fields} and
 * {@code meta.units}), whether it can be missing, and where its values come from.
 *
 * @param name the public name
 * @param type the value type
 * @param unit the unit Sentry names in {@code meta.units} ({@code millisecond},
 * {@code byte}…), or null
 * @param nullable whether a row can lack the value; a missing text compares as the empty
 * string in conditions (as in Sentry, a negated filter then matches it)
 * @param source a stored column, or one side of the tag pairs
 */
public record Column(String name, FieldType type, @Nullable String unit, boolean nullable, Source source) {

	/**
	 * Where a column's values come from.
	 */
	public enum Source {

		/** A column (or fixed expression) of each stored row. */
		STORED,
		/**
		 * The key of one tag pair: reading it turns each row into one row per tag
		 * (Sentry's {@code tags.key}).
		 */
		TAG_KEY,
		/** The value of one tag pair, with {@link #TAG_KEY} ({@code tags.value}). */
		TAG_VALUE

	}

	public Column {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(source, "source");
		if (name.isEmpty()) {
			throw new IllegalArgumentException("a column has a name");
		}
	}

	/**
	 * Returns a stored column without a unit.
	 * @param name the public name
	 * @param type the value type
	 * @param nullable whether a row can lack the value
	 * @return the column
	 */
	public static Column stored(String name, FieldType type, boolean nullable) {
		return new Column(name, type, null, nullable, Source.STORED);
	}

	/**
	 * Returns whether reading this column expands rows into tag pairs.
	 * @return true for {@code tags.key} and {@code tags.value}
	 */
	public boolean tagPair() {
		return this.source != Source.STORED;
	}

}
