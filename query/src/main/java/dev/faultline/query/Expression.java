package dev.faultline.query;

import java.util.Objects;

/**
 * What a query selects, groups by, orders by or filters on: a dataset {@link Field}, one
 * {@link Tag} of each row, an {@link Aggregate} over the rows of a group, or an
 * {@link Equation} between fields or between aggregates.
 */
public sealed interface Expression permits Expression.Field, Expression.Tag, Aggregate, Equation {

	/**
	 * Returns whether the expression's value is computed over the rows of a group (an
	 * aggregate, or an equation between aggregates) rather than per row.
	 * @return whether it needs an aggregated query
	 */
	default boolean overGroup() {
		return false;
	}

	/**
	 * Returns the type of the expression's values.
	 * @return the type
	 */
	FieldType type();

	/**
	 * Returns the type name Sentry's {@code meta.fields} gives the expression's values:
	 * the type's name, or a finer one of Sentry's ({@code rate}, {@code percentage}) for
	 * some functions.
	 * @return for example {@code integer} or {@code rate}
	 */
	default String metaType() {
		return type().metaName();
	}

	/**
	 * Returns the unit of the expression's values, for {@code meta.units}.
	 * @return the unit, or null
	 */
	default @org.jspecify.annotations.Nullable String unit() {
		return null;
	}

	/**
	 * Returns the name a result column of this expression gets, as Sentry writes it
	 * ({@code user.email}, {@code tags[browser]}, {@code count_unique(user.id)}).
	 * @return the name
	 */
	String name();

	/**
	 * Returns a field of the dataset.
	 * @param dataset the dataset
	 * @param name the column's name or alias
	 * @return the field
	 * @throws IllegalArgumentException when the dataset has no such column
	 */
	static Field field(Dataset dataset, String name) {
		return new Field(dataset.column(name));
	}

	/**
	 * Returns the tag of each row with this key.
	 * @param key the tag key
	 * @return the tag expression
	 */
	static Tag tag(String key) {
		return new Tag(key);
	}

	/**
	 * A declared column.
	 *
	 * @param column the column
	 */
	record Field(Column column) implements Expression {

		public Field {
			Objects.requireNonNull(column, "column");
		}

		@Override
		public FieldType type() {
			return this.column.type();
		}

		@Override
		public @org.jspecify.annotations.Nullable String unit() {
			return this.column.unit();
		}

		@Override
		public String name() {
			return this.column.name();
		}

	}

	/**
	 * The value of one tag of each row: the empty string when the row lacks it.
	 *
	 * @param key the tag key, any text (it is bound, never written into SQL)
	 */
	record Tag(String key) implements Expression {

		public Tag {
			Objects.requireNonNull(key, "key");
		}

		@Override
		public FieldType type() {
			return FieldType.STRING;
		}

		@Override
		public String name() {
			return "tags[" + this.key + "]";
		}

	}

}
