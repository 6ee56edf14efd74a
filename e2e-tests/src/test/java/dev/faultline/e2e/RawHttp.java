package dev.faultline.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a plain socket that behaves as SDK transports do: it writes the
 * whole request, body included, before it reads a byte of the answer. (The JDK's
 * {@code HttpClient} reads while it writes, so it sees an early 413 that such a client
 * would miss.)
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Writes {@code head} (request line and headers, without the blank line) and then
	 * {@code body}, then reads one response.
	 * @throws IOException when the server breaks the connection while the body is written
	 * or before the answer is read, which is the failure under test
	 */
	static Response exchange(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			for (int offset = 0; offset < body.length; offset += 64 * 1024) {
				out.write(body, offset, Math.min(64 * 1024, body.length - offset));
			}
			out.flush();
			return read(socket.getInputStream());
		}
	}

	/**
	 * Writes only {@code head} (for {@code Expect: 100-continue}) and reads the first
	 * response the server sends, interim or final.
	 */
	static Response headOnly(int port, String head) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		String statusLine = line(in);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		String body = "";
		if (status >= 200 && headers.containsKey("content-length")) {
			body = new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
		}
		return new Response(status, headers, body);
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new IOException("connection closed before the end of the response head");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	record Response(int status, Map<String, String> headers, String body) {

	}

}
