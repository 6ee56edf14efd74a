package dev.faultline.storage.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.faultline.query.Cursor;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.storage.events.QueryLimitExceededException;
import dev.faultline.storage.events.QueryLimits;
import dev.faultline.storage.events.QueryRowSink;
import dev.faultline.storage.sql.CompiledQuery;
import dev.faultline.storage.sql.QueryCompiler;
import dev.faultline.storage.sql.SqlFragment;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The connections the query role reads on: duplicates of the writer's connection (one
 * database, DuckDB's MVCC: a reader sees committed writes and never blocks a writer), so
 * a slow question never holds the lock or the connection the processor writes with.
 *
 * <p>
 * Guard rails per query ({@link QueryLimits}): the time limit covers waiting for a free
 * connection and running, and is enforced by cancelling the statement (DuckDB's
 * interrupt) when it is due; the budget of rows to read is checked first by counting the
 * rows of the query's projects and time range (DuckDB counts no rows while reading);
 * bytes, memory and groups are not enforced here (DuckDB's memory limit is one for the
 * database, and it has no per-query read or group limits). Results are streamed from the
 * engine (the driver's default), so a large page is never held here. Thread-safe.
 */
final class DuckDbReaders implements AutoCloseable {

	private final BlockingQueue<DuckDBConnection> idle;

	private final List<DuckDBConnection> all = new ArrayList<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "duckdb-query-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final QueryCompiler compiler;

	/**
	 * @param writer the store's connection, duplicated for each reader
	 * @param size how many queries may run at once
	 * @param compiler the dialect's compiler
	 */
	DuckDbReaders(DuckDBConnection writer, int size, QueryCompiler compiler) throws SQLException {
		this.idle = new ArrayBlockingQueue<>(size);
		this.compiler = compiler;
		for (int i = 0; i < size; i++) {
			DuckDBConnection reader = writer.duplicate();
			this.all.add(reader);
			this.idle.add(reader);
		}
	}

	QueryResult run(Query query, QueryLimits limits) {
		CompiledQuery compiled = this.compiler.compile(query);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		read(query, compiled, limits, (row) -> rows.add(compiled.row(row)));
		return compiled.result(rows);
	}

	@Nullable Cursor stream(Query query, QueryLimits limits, QueryRowSink sink) {
		CompiledQuery compiled = this.compiler.compile(query);
		CompiledQuery.Streamer streamer = compiled.streamer();
		read(query, compiled, limits, (raw) -> {
			List<@Nullable Object> values = streamer.next(compiled.row(raw));
			if (values != null) {
				try {
					sink.accept(values);
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new SinkFailure(ex);
				}
			}
		});
		return streamer.nextCursor();
	}

	@FunctionalInterface
	private interface RawRows {

		void accept(List<@Nullable Object> raw);

	}

	private void read(Query query, CompiledQuery compiled, QueryLimits limits, RawRows rows) {
		long deadline = limits.timed() ? System.nanoTime() + limits.timeout().toNanos() : Long.MAX_VALUE;
		DuckDBConnection connection = borrow(limits, deadline);
		try {
			if (limits.maxRowsToRead() > 0) {
				SqlFragment count = this.compiler.rowsInScope(query);
				long[] inScope = new long[1];
				execute(connection, count, limits, deadline, (row) -> inScope[0] = row.getLong(1));
				if (inScope[0] > limits.maxRowsToRead()) {
					throw new QueryLimitExceededException(QueryLimitExceededException.Limit.ROWS_READ,
							"The query would read " + inScope[0] + " rows; the limit of rows to read is "
									+ limits.maxRowsToRead(),
							null);
				}
			}
			List<CompiledQuery.Output> outputs = compiled.outputs();
			execute(connection, compiled.statement(), limits, deadline, (row) -> {
				List<@Nullable Object> raw = new ArrayList<>(outputs.size());
				for (int i = 0; i < outputs.size(); i++) {
					raw.add(value(row, i + 1, outputs.get(i).kind()));
				}
				rows.accept(raw);
			});
		}
		catch (SinkFailure ex) {
			throw new DuckDbAccessException("A streamed query's receiver failed", ex.getCause());
		}
		finally {
			this.idle.add(connection);
		}
	}

	@FunctionalInterface
	private interface RowReader {

		void accept(ResultSet row) throws SQLException;

	}

	/**
	 * Runs one statement, cancelled when the deadline passes.
	 */
	private void execute(DuckDBConnection connection, SqlFragment fragment, QueryLimits limits, long deadline,
			RowReader reader) {
		AtomicBoolean expired = new AtomicBoolean();
		try (PreparedStatement statement = connection.prepareStatement(fragment.sql())) {
			List<Object> parameters = fragment.parameters();
			for (int i = 0; i < parameters.size(); i++) {
				statement.setObject(i + 1, parameters.get(i));
			}
			ScheduledFuture<?> cancel = null;
			if (deadline != Long.MAX_VALUE) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw timeout(limits, null);
				}
				cancel = this.timer.schedule(() -> {
					expired.set(true);
					try {
						statement.cancel();
					}
					catch (SQLException ex) {
						// Finished or closed meanwhile: nothing left to stop.
					}
				}, remaining, TimeUnit.NANOSECONDS);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					reader.accept(rows);
				}
			}
			finally {
				if (cancel != null) {
					cancel.cancel(false);
				}
			}
			if (expired.get()) {
				// Cancelled as the last rows were read: the answer may be cut short.
				throw timeout(limits, null);
			}
		}
		catch (SQLException ex) {
			if (expired.get()) {
				throw timeout(limits, ex);
			}
			throw new DuckDbAccessException("Cannot read events", ex);
		}
	}

	private DuckDBConnection borrow(QueryLimits limits, long deadline) {
		try {
			DuckDBConnection connection = (deadline == Long.MAX_VALUE) ? this.idle.take()
					: this.idle.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (connection == null) {
				throw new QueryLimitExceededException(QueryLimitExceededException.Limit.TIME,
						"Every reading connection stayed busy for the query's time limit of "
								+ describe(limits.timeout()),
						null);
			}
			return connection;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DuckDbAccessException("Interrupted while waiting for a reading connection", ex);
		}
	}

	private static QueryLimitExceededException timeout(QueryLimits limits, @Nullable Throwable cause) {
		return new QueryLimitExceededException(QueryLimitExceededException.Limit.TIME,
				"The query ran past its time limit of " + describe(limits.timeout()), cause);
	}

	static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	private static @Nullable Object value(ResultSet row, int index, CompiledQuery.Output.Kind kind)
			throws SQLException {
		Object value = switch (kind) {
			case STRING -> row.getString(index);
			case DOUBLE -> row.getDouble(index);
			default -> row.getLong(index);
		};
		return row.wasNull() ? null : value;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		for (DuckDBConnection connection : this.all) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closing the database follows; a reader that fails to close goes with
				// it.
			}
		}
	}

	/** A sink's checked failure carried out of the row loop. */
	private static final class SinkFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SinkFailure(Exception cause) {
			super(cause);
		}

	}

}
