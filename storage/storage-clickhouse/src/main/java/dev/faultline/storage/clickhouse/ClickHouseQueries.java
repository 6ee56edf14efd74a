package dev.faultline.storage.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.data_formats.ClickHouseBinaryFormatReader;
import com.clickhouse.client.api.query.QueryResponse;
import dev.faultline.query.Cursor;
import dev.faultline.query.Query;
import dev.faultline.query.QueryResult;
import dev.faultline.storage.events.QueryLimitExceededException;
import dev.faultline.storage.events.QueryLimitExceededException.Limit;
import dev.faultline.storage.events.QueryLimits;
import dev.faultline.storage.events.QueryRowSink;
import dev.faultline.storage.sql.CompiledQuery;
import dev.faultline.storage.sql.QueryCompiler;
import org.jspecify.annotations.Nullable;

/**
 * The query role on ClickHouse: compiled queries run on a client (and HTTP connection
 * pool) of their own, not the writer's, each with its {@link QueryLimits} as the
 * statement's {@code SETTINGS} ({@code max_execution_time}, {@code max_rows_to_read},
 * {@code max_bytes_to_read}, {@code max_memory_usage}, {@code max_rows_to_group_by}, all
 * with the {@code throw} overflow mode), so the server itself stops a query over a limit.
 * The settings travel in the SQL rather than as URL parameters so that any server and
 * proxy applies them alike. Rows are read from the response stream as they arrive.
 * Thread-safe.
 */
final class ClickHouseQueries {

	/** ClickHouse's error codes of its limits. */
	private static final int TOO_MANY_ROWS = 158;

	private static final int TIMEOUT_EXCEEDED = 159;

	private static final int MEMORY_LIMIT_EXCEEDED = 241;

	private static final int TOO_MANY_BYTES = 307;

	private static final int TOO_MANY_ROWS_OR_BYTES = 396;

	/**
	 * How long past its own time limit the client waits before giving up on the server.
	 */
	private static final long GRACE_SECONDS = 30;

	private static final long UNTIMED_SECONDS = 600;

	private final Client client;

	private final QueryCompiler compiler;

	ClickHouseQueries(Client client, QueryCompiler compiler) {
		this.client = client;
		this.compiler = compiler;
	}

	QueryResult run(Query query, QueryLimits limits) {
		CompiledQuery compiled = this.compiler.compile(query);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		read(compiled, limits, (raw) -> rows.add(compiled.row(raw)));
		return compiled.result(rows);
	}

	@Nullable Cursor stream(Query query, QueryLimits limits, QueryRowSink sink) {
		CompiledQuery compiled = this.compiler.compile(query);
		CompiledQuery.Streamer streamer = compiled.streamer();
		read(compiled, limits, (raw) -> {
			List<@Nullable Object> values = streamer.next(compiled.row(raw));
			if (values != null) {
				sink.accept(values);
			}
		});
		return streamer.nextCursor();
	}

	@FunctionalInterface
	private interface RawRows {

		void accept(List<@Nullable Object> raw) throws Exception;

	}

	private void read(CompiledQuery compiled, QueryLimits limits, RawRows rows) {
		String sql = compiled.statement().sql() + settings(limits);
		long wait = limits.timed() ? limits.timeout().toSeconds() + GRACE_SECONDS : UNTIMED_SECONDS;
		List<CompiledQuery.Output> outputs = compiled.outputs();
		try (QueryResponse response = this.client.query(sql, compiled.statement().namedParameters())
			.get(wait, TimeUnit.SECONDS)) {
			ClickHouseBinaryFormatReader reader = this.client.newBinaryFormatReader(response);
			while (reader.hasNext()) {
				reader.next();
				List<@Nullable Object> raw = new ArrayList<>(outputs.size());
				for (CompiledQuery.Output output : outputs) {
					raw.add(value(reader, output));
				}
				rows.accept(raw);
			}
		}
		catch (Exception ex) {
			QueryLimitExceededException limit = limit(ex, limits);
			if (limit != null) {
				throw limit;
			}
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			if (ex instanceof QueryLimitExceededException || ex instanceof IllegalArgumentException) {
				throw (RuntimeException) ex;
			}
			throw new ClickHouseAccessException("Cannot run a " + compiled.query().dataset() + " query", ex);
		}
	}

	private static @Nullable Object value(ClickHouseBinaryFormatReader row, CompiledQuery.Output output) {
		String alias = output.alias();
		if (!row.hasValue(alias)) {
			return null;
		}
		return switch (output.kind()) {
			case STRING -> row.getString(alias);
			case DOUBLE -> row.getDouble(alias);
			default -> row.getLong(alias);
		};
	}

	/**
	 * The limits as a {@code SETTINGS} clause; numbers from configuration only, never
	 * from a request.
	 */
	static String settings(QueryLimits limits) {
		List<String> settings = new ArrayList<>();
		if (limits.timed()) {
			settings.add(String.format(Locale.ROOT, "max_execution_time = %.3f", limits.timeout().toMillis() / 1000.0));
			settings.add("timeout_overflow_mode = 'throw'");
		}
		if (limits.maxRowsToRead() > 0) {
			settings.add("max_rows_to_read = " + limits.maxRowsToRead());
		}
		if (limits.maxBytesToRead() > 0) {
			settings.add("max_bytes_to_read = " + limits.maxBytesToRead());
		}
		if (limits.maxRowsToRead() > 0 || limits.maxBytesToRead() > 0) {
			settings.add("read_overflow_mode = 'throw'");
		}
		if (limits.maxMemoryBytes() > 0) {
			settings.add("max_memory_usage = " + limits.maxMemoryBytes());
		}
		if (limits.maxGroups() > 0) {
			settings.add("max_rows_to_group_by = " + limits.maxGroups());
			settings.add("group_by_overflow_mode = 'throw'");
		}
		return settings.isEmpty() ? "" : " SETTINGS " + String.join(", ", settings);
	}

	/** A configured limit's value, or the server's own when none was set. */
	private static String of(long value, String unit) {
		return (value > 0) ? " of " + value + unit : " (the server's own)";
	}

	/** The limit a server error reports, or null for another failure. */
	private static @Nullable QueryLimitExceededException limit(Throwable failure, QueryLimits limits) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ServerException server) {
				String message = String.valueOf(server.getMessage());
				Limit limit = switch (server.getCode()) {
					case TIMEOUT_EXCEEDED -> Limit.TIME;
					case MEMORY_LIMIT_EXCEEDED -> Limit.MEMORY;
					case TOO_MANY_BYTES -> Limit.BYTES_READ;
					case TOO_MANY_ROWS,
							TOO_MANY_ROWS_OR_BYTES ->
						message.contains("GROUP BY") ? Limit.GROUPS
								: message.contains("bytes") && !message.contains("rows") ? Limit.BYTES_READ
										: Limit.ROWS_READ;
					default -> null;
				};
				if (limit == null) {
					return null;
				}
				return new QueryLimitExceededException(limit, describe(limit, limits), server);
			}
		}
		return null;
	}

	private static String describe(Limit limit, QueryLimits limits) {
		return switch (limit) {
			case TIME -> "The query ran past its time limit" + of(limits.timeout().toMillis(), " ms");
			case ROWS_READ -> "The query would read more rows than its limit" + of(limits.maxRowsToRead(), " rows");
			case BYTES_READ -> "The query would read more bytes than its limit" + of(limits.maxBytesToRead(), " bytes");
			case MEMORY -> "The query needed more memory than its limit" + of(limits.maxMemoryBytes(), " bytes");
			case GROUPS -> "The query would build more groups than its limit" + of(limits.maxGroups(), " groups");
		};
	}

}
