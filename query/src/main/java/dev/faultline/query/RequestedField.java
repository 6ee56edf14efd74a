package dev.faultline.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A field a client asked for, as it wrote it, and the expression it reads. Sentry keys
 * result rows and {@code meta} by the exact requested strings
 * ({@code percentile(transaction.duration, 0.99)} stays so, though the model names the
 * expression {@code p99(transaction.duration)}).
 *
 * @param text the field string as requested
 * @param expression what it reads
 */
public record RequestedField(String text, Expression expression) {

	public RequestedField {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(expression, "expression");
	}

	/**
	 * Returns Sentry's {@code meta.fields} of requested fields: the type names of the
	 * declared columns and of the functions' results ({@code integer} for counts,
	 * {@code number} or {@code duration} for averages and percentiles, {@code rate} for
	 * {@code epm()}, {@code percentage} for {@code failure_rate()}, the column's own type
	 * for min, max and sum, {@code date} for last_seen…).
	 * @param fields the requested fields, in order
	 * @return field string to type name, in order
	 */
	public static Map<String, String> metaFields(List<RequestedField> fields) {
		Map<String, String> meta = new LinkedHashMap<>();
		fields.forEach((field) -> meta.put(field.text(), field.expression().metaType()));
		return meta;
	}

	/**
	 * Returns Sentry's {@code meta.units} of requested fields: each declared column's
	 * unit (a function of a column keeps its unit, counts have none).
	 * @param fields the requested fields, in order
	 * @return field string to unit or null, in order
	 */
	public static Map<String, @Nullable String> metaUnits(List<RequestedField> fields) {
		Map<String, @Nullable String> meta = new LinkedHashMap<>();
		fields.forEach((field) -> meta.put(field.text(), field.expression().unit()));
		return meta;
	}

}
