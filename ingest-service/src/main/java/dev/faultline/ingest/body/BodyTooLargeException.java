package dev.faultline.ingest.body;

import java.io.IOException;

/**
 * Reading stopped because a stream produced more bytes than allowed. An
 * {@link IOException} so that it passes through decompressor streams unchanged.
 */
class BodyTooLargeException extends IOException {

	private final boolean compressed;

	BodyTooLargeException(boolean compressed, long limit) {
		super(((compressed) ? "request body" : "decompressed body") + " exceeds " + limit + " bytes");
		this.compressed = compressed;
	}

	/**
	 * Whether the limit on the bytes as received (rather than decompressed) was hit.
	 */
	boolean compressed() {
		return this.compressed;
	}

}
