package dev.faultline.testing.chdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.clickhouse.client.api.internal.CompressedBlockInputStream;
import com.clickhouse.client.api.internal.CompressedBlockOutputStream;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import net.jpountz.lz4.LZ4Factory;
import org.jspecify.annotations.Nullable;

/**
 * Speaks the ClickHouse HTTP interface over a {@link ChdbEngine}: one statement per
 * request.
 *
 * <p>
 * Request: SQL in the body, or in the {@code query} URL parameter with the body appended
 * as the statement's data (inserts); {@code param_<name>} binds {@code {name:Type}};
 * database from {@code X-ClickHouse-Database} or {@code database}; output format from
 * {@code X-ClickHouse-Format} or {@code default_format} (a {@code FORMAT} clause in the
 * SQL wins); {@code compress=1} answers in ClickHouse's LZ4 block framing and
 * {@code decompress=1} reads the body in it. Credentials are accepted as given. Other URL
 * parameters are server settings, which this test server ignores.
 *
 * <p>
 * Response: 200 with {@code X-ClickHouse-Timezone}, {@code X-ClickHouse-Format},
 * {@code X-ClickHouse-Query-Id} and {@code X-ClickHouse-Summary}; on failure a 4xx/5xx
 * with {@code X-ClickHouse-Exception-Code} and a {@code Code: N. DB::Exception: …} body.
 */
final class ClickHouseHttpHandler implements HttpHandler {

	private static final Logger LOG = Logger.getLogger(ClickHouseHttpHandler.class.getName());

	/** URL parameters that are protocol, not server settings. */
	private static final Set<String> PROTOCOL_PARAMETERS = Set.of("query", "database", "default_format", "compress",
			"decompress", "query_id", "user", "password", "session_id", "session_timeout", "session_check",
			"wait_end_of_query", "buffer_size", "role", "enable_http_compression");

	private static final int LZ4_BLOCK_SIZE = 1 << 20;

	private final ChdbEngine engine;

	ClickHouseHttpHandler(ChdbEngine engine) {
		this.engine = engine;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/ping") || path.equals("/replicas_status")) {
				respond(exchange, 200, "Ok.\n".getBytes(StandardCharsets.UTF_8));
				return;
			}
			Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
			String queryId = firstNonBlank(query.get("query_id"),
					exchange.getRequestHeaders().getFirst("X-ClickHouse-Query-Id"), UUID.randomUUID().toString());
			exchange.getResponseHeaders().set("X-ClickHouse-Query-Id", queryId);
			exchange.getResponseHeaders().set("X-ClickHouse-Server-Display-Name", "chdb");
			try {
				serve(exchange, query);
			}
			catch (ChdbException ex) {
				LOG.log(Level.FINE, "Query {0} failed: {1}", new Object[] { queryId, ex.getMessage() });
				fail(exchange, ex.code(), ex.getMessage());
			}
			catch (RuntimeException ex) {
				LOG.log(Level.WARNING, "Query " + queryId + " failed in the server", ex);
				fail(exchange, 1001, "Code: 1001. DB::Exception: chdb test server: " + ex);
			}
		}
	}

	private void serve(HttpExchange exchange, Map<String, String> query) throws IOException {
		Headers headers = exchange.getRequestHeaders();
		String encoding = headers.getFirst("Content-Encoding");
		if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
			throw new ChdbException(1001, "Code: 1001. DB::Exception: chdb test server: Content-Encoding " + encoding
					+ " is not supported; use ClickHouse's LZ4 framing (decompress=1) or none");
		}
		if (query.containsKey("enable_http_compression") && !"0".equals(query.get("enable_http_compression"))
				&& headers.getFirst("Accept-Encoding") != null) {
			throw new ChdbException(1001, "Code: 1001. DB::Exception: chdb test server: HTTP compression "
					+ "(enable_http_compression) is not supported; use compress=1 (LZ4 framing) or none");
		}
		byte[] body = readBody(exchange.getRequestBody(), "1".equals(query.get("decompress")));
		byte[] sql = statement(query.get("query"), body);
		if (sql.length == 0) {
			throw new ChdbException(62, "Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR)");
		}
		String database = firstNonBlank(headers.getFirst("X-ClickHouse-Database"), query.get("database"));
		String format = firstNonBlank(headers.getFirst("X-ClickHouse-Format"), query.get("default_format"),
				"TabSeparated");
		Map<String, String> parameters = new LinkedHashMap<>();
		query.forEach((name, value) -> {
			if (name.startsWith("param_")) {
				parameters.put(name.substring("param_".length()), value);
			}
			else if (!PROTOCOL_PARAMETERS.contains(name)) {
				LOG.log(Level.FINE, "Ignoring server setting {0}={1}", new Object[] { name, value });
			}
		});
		ChdbResult result = this.engine.withSession(database, (session) -> session.execute(sql, format, parameters));
		Headers response = exchange.getResponseHeaders();
		response.set("X-ClickHouse-Format", format);
		response.set("X-ClickHouse-Timezone", this.engine.timezone());
		response.set("X-ClickHouse-Summary", summary(result));
		response.set("Content-Type", "application/octet-stream");
		byte[] data = result.data();
		if ("1".equals(query.get("compress"))) {
			data = compress(data);
		}
		respond(exchange, 200, data);
	}

	private static byte[] statement(@Nullable String queryParameter, byte[] body) {
		if (queryParameter == null || queryParameter.isEmpty()) {
			return body;
		}
		byte[] head = queryParameter.getBytes(StandardCharsets.UTF_8);
		if (body.length == 0) {
			return head;
		}
		// As ClickHouse does: the body continues the statement (the data of an INSERT).
		byte[] sql = new byte[head.length + 1 + body.length];
		System.arraycopy(head, 0, sql, 0, head.length);
		sql[head.length] = '\n';
		System.arraycopy(body, 0, sql, head.length + 1, body.length);
		return sql;
	}

	private static byte[] readBody(InputStream in, boolean lz4Framed) throws IOException {
		if (!lz4Framed) {
			return in.readAllBytes();
		}
		try (InputStream blocks = new CompressedBlockInputStream(in, LZ4Factory.fastestInstance().fastDecompressor(),
				LZ4_BLOCK_SIZE)) {
			return blocks.readAllBytes();
		}
	}

	private static byte[] compress(byte[] data) throws IOException {
		ByteArrayOutputStream framed = new ByteArrayOutputStream(data.length / 2 + 64);
		try (OutputStream out = new CompressedBlockOutputStream.LZ4OutputStream(framed,
				LZ4Factory.fastestInstance().fastCompressor(), LZ4_BLOCK_SIZE)) {
			out.write(data);
		}
		return framed.toByteArray();
	}

	private static String summary(ChdbResult result) {
		return String.format(Locale.ROOT,
				"{\"read_rows\":\"%d\",\"read_bytes\":\"%d\",\"written_rows\":\"%d\",\"written_bytes\":\"%d\","
						+ "\"total_rows_to_read\":\"%d\",\"result_rows\":\"%d\",\"result_bytes\":\"%d\","
						+ "\"elapsed_ns\":\"%d\"}",
				result.rowsRead(), result.bytesRead(), result.rowsWritten(), result.bytesWritten(), result.rowsRead(),
				result.rowsRead(), result.data().length, result.elapsedNanos());
	}

	private void fail(HttpExchange exchange, int code, @Nullable String message) throws IOException {
		String text = (message == null) ? "" : message;
		if (!text.startsWith("Code: ")) {
			text = "Code: " + code + ". DB::Exception: " + text;
		}
		Headers response = exchange.getResponseHeaders();
		response.set("X-ClickHouse-Exception-Code", Integer.toString(code));
		response.set("Content-Type", "text/plain; charset=UTF-8");
		// Error bodies are never LZ4-framed: the client detects the missing magic and
		// reads
		// the text as is, exactly as with a real server that fails before any output.
		respond(exchange, status(code),
				(text + " (version " + this.engine.version() + " (chdb))\n").getBytes(StandardCharsets.UTF_8));
	}

	private static int status(int code) {
		return switch (code) {
			case 62, 27, 26, 6, 72, 130, 117, 241 -> 400;
			case 60, 81 -> 404;
			case 516 -> 401;
			case 497 -> 403;
			default -> 500;
		};
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static Map<String, String> parseQuery(@Nullable String rawQuery) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return parameters;
		}
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return parameters;
	}

	private static String firstNonBlank(@Nullable String first, @Nullable String second, String fallback) {
		String found = firstNonBlank(first, second);
		return (found != null) ? found : fallback;
	}

	private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
		if (first != null && !first.isBlank()) {
			return first;
		}
		if (second != null && !second.isBlank()) {
			return second;
		}
		return null;
	}

}
