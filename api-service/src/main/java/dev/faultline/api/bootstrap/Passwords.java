package dev.faultline.api.bootstrap;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * How user passwords are hashed and generated; sign-in checks passwords with the same
 * encoder.
 */
public final class Passwords {

	private Passwords() {
	}

	/**
	 * PBKDF2-HMAC-SHA256 with Spring Security's 5.8 defaults (310,000 iterations, random
	 * salt): a standard slow hash available on every JRE without native code.
	 */
	public static PasswordEncoder encoder() {
		return Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

	/**
	 * 144 random bits as 24 URL-safe characters: strong, and easy to copy from a log.
	 */
	static String generate(SecureRandom random) {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
