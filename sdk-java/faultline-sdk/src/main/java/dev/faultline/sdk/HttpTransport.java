package dev.faultline.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

/**
 * Posts gzip-compressed envelopes to the DSN's envelope endpoint with
 * {@code X-Sentry-Auth}, as the official Java SDK does, over {@link HttpClient}.
 */
final class HttpTransport implements Transport {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	/**
	 * HTTP/1.1 because the default HTTP/2 client sends an {@code h2c} upgrade on plain
	 * {@code http://}, which some proxies in front of ingest mishandle.
	 */
	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final Dsn dsn;

	private final String auth;

	HttpTransport(Dsn dsn) {
		this.dsn = dsn;
		this.auth = dsn.authHeader(FaultlineClient.SDK_NAME + "/" + FaultlineClient.SDK_VERSION);
	}

	@Override
	public TransportResponse send(byte[] envelope) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.dsn.envelopeUri())
			.timeout(TIMEOUT)
			.header("Content-Type", "application/x-sentry-envelope")
			.header("Content-Encoding", "gzip")
			.header("X-Sentry-Auth", this.auth)
			.header("User-Agent", FaultlineClient.SDK_NAME + "/" + FaultlineClient.SDK_VERSION)
			.POST(HttpRequest.BodyPublishers.ofByteArray(gzip(envelope)))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			return new TransportResponse(response.statusCode(),
					response.headers().firstValue("X-Sentry-Rate-Limits").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while sending", ex);
		}
	}

	private static byte[] gzip(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		return out.toByteArray();
	}

}
