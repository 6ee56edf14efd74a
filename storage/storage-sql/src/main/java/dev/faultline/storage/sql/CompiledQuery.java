package dev.faultline.storage.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.faultline.query.Cursor;
import dev.faultline.query.Page;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import org.jspecify.annotations.Nullable;

/**
 * A query compiled for one dialect: the statement, its parameters, and how to read each
 * column. An adapter runs {@link #statement()}, reads the columns named
 * {@link #outputs()} as their {@link Output.Kind}, hands each row to {@link #row(List)}
 * and every row read to {@link #result(List)}.
 *
 * @param query the query compiled
 * @param statement the SQL and its parameters
 * @param outputs every column the statement selects, in order, by SQL alias: the result
 * columns and the sort keys
 * @param resultColumns for each result column, its index in {@code outputs}
 * @param keyColumns for each of the query's sort keys, its index in {@code outputs}
 */
public record CompiledQuery(Query query, SqlFragment statement, List<Output> outputs, List<Integer> resultColumns,
		List<Integer> keyColumns) {

	public CompiledQuery {
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(statement, "statement");
		outputs = List.copyOf(outputs);
		resultColumns = List.copyOf(resultColumns);
		keyColumns = List.copyOf(keyColumns);
	}

	/**
	 * How an adapter reads one result column.
	 *
	 * @param alias the column's alias in the statement
	 * @param kind the JDBC/engine type to read
	 */
	public record Output(String alias, Kind kind) {

		/**
		 * What the engine returns for a column.
		 */
		public enum Kind {

			/** A String (or NULL). */
			STRING,
			/** A 64-bit integer (or NULL). */
			LONG,
			/** A 64-bit float (or NULL). */
			DOUBLE,
			/** Milliseconds since the epoch as a 64-bit integer (or NULL): an Instant. */
			EPOCH_MILLIS,
			/** The 0-based index of the interval bucket: the bucket's start Instant. */
			BUCKET

		}

	}

	/**
	 * Turns the raw values of one row (as read per {@link Output.Kind}: String, Long,
	 * Double, or null) into the result's values.
	 * @param raw one value per output
	 * @return the row's values
	 */
	public List<@Nullable Object> row(List<@Nullable Object> raw) {
		List<@Nullable Object> values = new ArrayList<>(raw.size());
		for (int i = 0; i < raw.size(); i++) {
			Object value = raw.get(i);
			values.add(switch (this.outputs.get(i).kind()) {
				case EPOCH_MILLIS -> (value != null) ? Instant.ofEpochMilli((Long) value) : null;
				case BUCKET -> bucketStart((Long) value);
				default -> value;
			});
		}
		return values;
	}

	/**
	 * Collects read rows into the result: drops the extra row that tells whether there is
	 * a next page, turns a backward page back into the query's order, and makes the
	 * cursors around the page (key cursors when the query is {@link Query#seekable()
	 * seekable}).
	 * @param rows the rows in the statement's order, each from {@link #row(List)}
	 * @return the result
	 */
	public QueryResult result(List<List<@Nullable Object>> rows) {
		Page<List<@Nullable Object>> page = Page.of(this.query.cursor(), this.query.limit(), rows, this::key,
				this.query.seekable());
		List<List<@Nullable Object>> results = new ArrayList<>(page.items().size());
		for (List<@Nullable Object> row : page.items()) {
			List<@Nullable Object> values = new ArrayList<>(this.resultColumns.size());
			this.resultColumns.forEach((index) -> values.add(row.get(index)));
			results.add(values);
		}
		return new QueryResult(this.query.resultColumns(), results, page.paging());
	}

	/**
	 * Starts reading the rows of a forward page one at a time, keeping only the last
	 * row's sort key (for the next page's cursor): what a streaming adapter uses instead
	 * of {@link #result(List)}.
	 * @return a fresh reader of this statement's rows
	 * @throws IllegalArgumentException for a backward key cursor (its rows come reversed)
	 */
	public Streamer streamer() {
		if (this.query.cursor().keyed() && this.query.cursor().previous()) {
			throw new IllegalArgumentException("a streamed query reads forward pages only");
		}
		return new Streamer();
	}

	/**
	 * Reads the rows of one forward page in the statement's order. Not thread-safe.
	 */
	public final class Streamer {

		private int read;

		private @Nullable List<@Nullable Object> lastKey;

		private Streamer() {
		}

		/**
		 * Takes the next row the statement returned.
		 * @param row the row from {@link CompiledQuery#row(List)}
		 * @return its result values to hand on, or null for the extra row past the page
		 * (which only tells that a next page exists)
		 */
		public @Nullable List<@Nullable Object> next(List<@Nullable Object> row) {
			this.read++;
			if (this.read > CompiledQuery.this.query.limit()) {
				return null;
			}
			this.lastKey = key(row);
			List<@Nullable Object> values = new ArrayList<>(CompiledQuery.this.resultColumns.size());
			CompiledQuery.this.resultColumns.forEach((index) -> values.add(row.get(index)));
			return values;
		}

		/**
		 * The cursor of the page after the rows read, once the statement is exhausted.
		 * @return the cursor, or null when there is no next page
		 */
		public @Nullable Cursor nextCursor() {
			Query query = CompiledQuery.this.query;
			List<@Nullable Object> key = this.lastKey;
			if (this.read <= query.limit() || key == null) {
				return null;
			}
			return query.seekable() ? Cursor.ofKey(key, false)
					: Cursor.ofOffset(query.cursor().offset() + query.limit());
		}

	}

	private List<@Nullable Object> key(List<@Nullable Object> row) {
		List<@Nullable Object> key = new ArrayList<>(this.keyColumns.size());
		this.keyColumns.forEach((index) -> key.add(row.get(index)));
		return key;
	}

	private Instant bucketStart(@Nullable Long index) {
		Objects.requireNonNull(index, "bucket");
		long width = Objects.requireNonNull(this.query.interval()).toMillis();
		return Instant.ofEpochMilli(this.query.range().from().toEpochMilli() + index * width);
	}

}
