package dev.faultline.sdk;

import java.io.IOException;

/**
 * Delivers one encoded envelope. Called from the SDK's single sender thread only, so an
 * implementation need not be thread-safe.
 */
public interface Transport extends AutoCloseable {

	/**
	 * Sends an envelope.
	 * @param envelope the uncompressed envelope bytes
	 * @return the server's status and rate-limit headers
	 * @throws IOException when the server could not be reached; the envelope then goes to
	 * the offline cache
	 */
	TransportResponse send(byte[] envelope) throws IOException;

	/**
	 * The default transport: gzip-compressed envelopes posted to the DSN's endpoint with
	 * {@code X-Sentry-Auth}. Useful to wrap.
	 * @param dsn where to send
	 * @return the transport
	 */
	static Transport http(Dsn dsn) {
		return new HttpTransport(dsn);
	}

	@Override
	default void close() {
	}

}
