package dev.faultline.ingest.body;

import java.io.IOException;

import dev.faultline.ingest.IngestProperties;
import dev.faultline.ingest.http.IngestRejection;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Reads an ingest request body straight from the servlet stream, whatever its
 * {@code Content-Type} (Node sends none, browsers {@code text/plain}), undoing its
 * {@code Content-Encoding} within the configured limits. Thread-safe.
 */
@Component
public class RequestBodyReader {

	private final IngestProperties properties;

	public RequestBodyReader(IngestProperties properties) {
		this.properties = properties;
	}

	/**
	 * Reads an envelope body, at most {@code max-envelope-size} decompressed.
	 * @throws IngestRejection 413, 400 or 415 as described in {@link ContentDecoding}
	 */
	public byte[] readEnvelope(HttpServletRequest request) {
		return read(request, this.properties.maxEnvelopeSize().toBytes());
	}

	/**
	 * Reads a legacy store body, at most {@code max-store-size} decompressed.
	 */
	public byte[] readStore(HttpServletRequest request) {
		return read(request, this.properties.maxStoreSize().toBytes());
	}

	private byte[] read(HttpServletRequest request, long maxDecoded) {
		long maxReceived = this.properties.maxCompressedSize().toBytes();
		if (request.getContentLengthLong() > maxReceived) {
			throw IngestRejection.tooLarge("request_too_large", "Content-Length exceeds " + maxReceived + " bytes");
		}
		try {
			return ContentDecoding.decode(request.getInputStream(), request.getHeader("Content-Encoding"), maxReceived,
					maxDecoded);
		}
		catch (IOException ex) {
			throw IngestRejection.badRequest("body_read_failed", "request body could not be read: " + ex);
		}
	}

}
