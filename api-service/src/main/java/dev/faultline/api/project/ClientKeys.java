package dev.faultline.api.project;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Generates the public and secret parts of client keys: 128 random bits as 32 lower-case
 * hex characters, Sentry's format. Thread-safe.
 */
final class ClientKeys {

	private final SecureRandom random;

	ClientKeys(SecureRandom random) {
		this.random = random;
	}

	String next() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
