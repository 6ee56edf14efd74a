package dev.faultline.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link Query}: its columns and rows in the query's order. A value is of
 * its column's {@link FieldType} ({@link String}, {@link Long}, {@link Double},
 * {@link java.time.Instant}) or null when missing.
 *
 * @param columns the result columns, {@link Query#resultColumns()}
 * @param rows the rows, each as many values as columns
 * @param paging the cursors of the pages before and after this one
 */
public record QueryResult(List<ResultColumn> columns, List<List<@Nullable Object>> rows, Paging paging) {

	public QueryResult {
		Objects.requireNonNull(paging, "paging");
		columns = List.copyOf(columns);
		List<List<@Nullable Object>> copied = new ArrayList<>(rows.size());
		for (List<@Nullable Object> row : rows) {
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException(
						"row of " + row.size() + " values for " + columns.size() + " columns");
			}
			copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
		}
		rows = Collections.unmodifiableList(copied);
	}

	/**
	 * A result that is the only page.
	 * @param columns the result columns
	 * @param rows the rows
	 */
	public QueryResult(List<ResultColumn> columns, List<List<@Nullable Object>> rows) {
		this(columns, rows, Paging.SINGLE);
	}

	/**
	 * Returns Sentry's {@code meta.fields}: each column's type name.
	 * @return column name to type name, in column order
	 */
	public Map<String, String> metaFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		this.columns.forEach((column) -> fields.put(column.name(), column.type().metaName()));
		return fields;
	}

	/**
	 * Returns Sentry's {@code meta.units}: each column's unit (null where it has none).
	 * @return column name to unit, in column order
	 */
	public Map<String, @Nullable String> metaUnits() {
		Map<String, @Nullable String> units = new LinkedHashMap<>();
		this.columns.forEach((column) -> units.put(column.name(), column.unit()));
		return units;
	}

	/**
	 * Returns a value by row and column index.
	 * @param row the row index
	 * @param column the column index
	 * @return the value, or null when missing
	 */
	public @Nullable Object value(int row, int column) {
		return this.rows.get(row).get(column);
	}

	/**
	 * Returns the index of a column by name.
	 * @param name the column name
	 * @return its index
	 * @throws IllegalArgumentException when there is no such column
	 */
	public int columnIndex(String name) {
		for (int i = 0; i < this.columns.size(); i++) {
			if (Objects.equals(this.columns.get(i).name(), name)) {
				return i;
			}
		}
		throw new IllegalArgumentException("no column " + name);
	}

}
