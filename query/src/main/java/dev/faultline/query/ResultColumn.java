package dev.faultline.query;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A column of a {@link QueryResult}: what Sentry's API answers in {@code meta.fields}
 * ({@code name → type}) and {@code meta.units} ({@code name → unit}).
 *
 * @param name the expression's name ({@code count()}, {@code user.email}…), or
 * {@code time} for the bucket start
 * @param type the type of its values
 * @param unit its unit, or null
 */
public record ResultColumn(String name, FieldType type, @Nullable String unit) {

	public ResultColumn {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
	}

}
