package dev.faultline.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of stored data a query reads (errors today; transactions, spans, logs and
 * sessions next), with the columns it offers. Every dataset has a {@code project.id}
 * (queries are always scoped to projects), a {@code timestamp} (the time range and
 * buckets) and identity columns that order its rows totally. Immutable.
 */
public final class Dataset {

	/** The column every query is scoped by. */
	public static final String PROJECT = "project.id";

	/** The column time ranges and interval buckets apply to. */
	public static final String TIMESTAMP = "timestamp";

	/**
	 * The column, when a dataset has it, of how many rows each stored row stands for (the
	 * inverse of the client's sample rate): counts and rates are extrapolated by it.
	 */
	public static final String SAMPLE_WEIGHT = "sample_weight";

	private final String name;

	private final List<Column> columns;

	private final Map<String, Column> byName = new LinkedHashMap<>();

	private final List<Column> identity;

	/**
	 * @param name the dataset's name (Sentry's {@code dataset} parameter)
	 * @param columns the columns, unique by name, including {@link #PROJECT} and
	 * {@link #TIMESTAMP}
	 * @param aliases other names of columns ({@code event.id} for {@code id})
	 * @param identity names of the columns whose values identify a row, after the
	 * timestamp: the tie-breakers of a total order over rows
	 */
	public Dataset(String name, List<Column> columns, Map<String, String> aliases, List<String> identity) {
		this.name = Objects.requireNonNull(name, "name");
		this.columns = List.copyOf(columns);
		for (Column column : this.columns) {
			if (this.byName.put(column.name(), column) != null) {
				throw new IllegalArgumentException("column declared twice: " + column.name());
			}
		}
		aliases.forEach((alias, target) -> this.byName.put(alias, require(target)));
		this.identity = identity.stream().map(this::require).toList();
		require(PROJECT);
		if (require(TIMESTAMP).type() != FieldType.DATE) {
			throw new IllegalArgumentException("timestamp must be a date");
		}
	}

	private Column require(String column) {
		Column found = this.byName.get(column);
		if (found == null) {
			throw new IllegalArgumentException("dataset " + this.name + " has no column " + column);
		}
		return found;
	}

	public String name() {
		return this.name;
	}

	/**
	 * Returns the declared columns in declaration order (aliases not repeated).
	 * @return the columns
	 */
	public List<Column> columns() {
		return this.columns;
	}

	/**
	 * Looks a column up by its name or an alias.
	 * @param name the name as a user wrote it
	 * @return the column, or empty when the dataset has none of that name
	 */
	public Optional<Column> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/**
	 * Returns a column by name or alias.
	 * @param name the name
	 * @return the column
	 * @throws IllegalArgumentException when the dataset has no such column
	 */
	public Column column(String name) {
		return require(name);
	}

	/**
	 * Returns the columns that, after {@link #TIMESTAMP}, identify a row.
	 * @return the identity columns
	 */
	public List<Column> identity() {
		return this.identity;
	}

	/**
	 * Returns the column of the rows' sample weights ({@link #SAMPLE_WEIGHT}).
	 * @return the column, or empty when every row stands for itself
	 */
	public Optional<Column> sampleWeight() {
		return find(SAMPLE_WEIGHT);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
