package dev.faultline.testing.chdb;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

/**
 * One libchdb connection and the session state that belongs to it (the current database).
 * Not thread-safe: {@link ChdbEngine} lends each session to one request at a time,
 * because parameter binding and {@code USE} are per-connection state.
 */
final class ChdbSession implements AutoCloseable {

	private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");

	private final LibChdb library;

	private final Pointer handle;

	private final Pointer connection;

	private String database;

	private ChdbSession(LibChdb library, Pointer handle) {
		this.library = library;
		this.handle = handle;
		this.connection = handle.getPointer(0);
		this.database = "";
	}

	static ChdbSession connect(LibChdb library, String... arguments) {
		String[] argv = new String[arguments.length + 1];
		argv[0] = "clickhouse";
		System.arraycopy(arguments, 0, argv, 1, arguments.length);
		Pointer handle = JvmSignalHandlers.preserve(() -> library.chdb_connect(argv.length, argv));
		if (handle == null || handle.getPointer(0) == null) {
			throw new ChdbException(1, "chdb_connect failed for " + String.join(" ", arguments));
		}
		ChdbSession session = new ChdbSession(library, handle);
		session.database = new String(session.execute("SELECT currentDatabase()", "TSVRaw", Map.of()).data(),
				StandardCharsets.UTF_8)
			.strip();
		return session;
	}

	/**
	 * Makes {@code name} the current database of this session (no-op if it already is).
	 */
	void use(String name) {
		if (!name.equals(this.database)) {
			execute("USE " + quoteIdentifier(name), "TSV", Map.of());
			this.database = name;
		}
	}

	ChdbResult execute(String sql, String format, Map<String, String> parameters) {
		return execute(sql.getBytes(StandardCharsets.UTF_8), format, parameters);
	}

	/**
	 * Runs one statement, binding {@code {name:Type}} placeholders server-side.
	 * @throws ChdbException with the engine's code and message when it fails
	 */
	ChdbResult execute(byte[] sql, String format, Map<String, String> parameters) {
		byte[] formatBytes = format.getBytes(StandardCharsets.UTF_8);
		Pointer result;
		if (parameters.isEmpty()) {
			result = this.library.chdb_query_n(this.connection, sql, sql.length, formatBytes, formatBytes.length);
		}
		else {
			int count = parameters.size();
			Pointer[] names = new Pointer[count];
			long[] nameLengths = new long[count];
			Pointer[] values = new Pointer[count];
			long[] valueLengths = new long[count];
			int i = 0;
			for (Map.Entry<String, String> parameter : parameters.entrySet()) {
				byte[] name = parameter.getKey().getBytes(StandardCharsets.UTF_8);
				byte[] value = parameter.getValue().getBytes(StandardCharsets.UTF_8);
				names[i] = memory(name);
				nameLengths[i] = name.length;
				values[i] = memory(value);
				valueLengths[i] = value.length;
				i++;
			}
			result = this.library.chdb_query_with_params_n(this.connection, sql, sql.length, formatBytes,
					formatBytes.length, names, nameLengths, values, valueLengths, count);
		}
		if (result == null) {
			throw new ChdbException(1, "libchdb returned no result");
		}
		try {
			String error = this.library.chdb_result_error(result);
			if (error != null && !error.isEmpty()) {
				throw new ChdbException(code(error), error.strip());
			}
			long length = this.library.chdb_result_length(result);
			Pointer buffer = this.library.chdb_result_buffer(result);
			byte[] data = (length == 0 || buffer == null) ? new byte[0] : buffer.getByteArray(0, (int) length);
			return new ChdbResult(data, this.library.chdb_result_rows_read(result),
					this.library.chdb_result_bytes_read(result), this.library.chdb_result_rows_written(result),
					this.library.chdb_result_bytes_written(result),
					(long) (this.library.chdb_result_elapsed(result) * 1e9));
		}
		finally {
			this.library.chdb_destroy_query_result(result);
		}
	}

	@Override
	public void close() {
		this.library.chdb_close_conn(this.handle);
	}

	static String quoteIdentifier(String name) {
		return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
	}

	private static @Nullable Memory memory(byte[] bytes) {
		if (bytes.length == 0) {
			// JNA cannot allocate zero bytes; the length array says the value is empty.
			return new Memory(1);
		}
		Memory memory = new Memory(bytes.length);
		memory.write(0, bytes, 0, bytes.length);
		return memory;
	}

	private static int code(String error) {
		Matcher matcher = CODE.matcher(error);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
	}

}
