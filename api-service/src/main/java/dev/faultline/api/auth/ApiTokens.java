package dev.faultline.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How API tokens are stored: only their SHA-256, so a leaked database does not leak
 * usable tokens. A fast hash is enough because tokens are long random strings, not
 * passwords.
 */
public final class ApiTokens {

	private ApiTokens() {
	}

	/**
	 * The lower-case hex SHA-256 of the token's UTF-8 bytes.
	 */
	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every JRE ships SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
