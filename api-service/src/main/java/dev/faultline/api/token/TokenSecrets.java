package dev.faultline.api.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.faultline.api.auth.ApiTokens;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes new tokens in Sentry's formats, each carrying 32 bytes from a
 * {@link SecureRandom} (so a fast hash is a safe way to store them).
 *
 * <ul>
 * <li>personal: {@code sntryu_} and 64 hex digits;</li>
 * <li>organization: {@code sntrys_}, the standard base64 (padded) of a JSON payload
 * {@code {iat, url, region_url, org}}, {@code _}, and the unpadded standard base64 of the
 * secret. sentry-cli takes its organization and server URL from the payload, so the
 * payload's {@code url} is the instance's public URL. The base64 alphabet has no
 * {@code _}, so the three parts split unambiguously.</li>
 * </ul>
 * Thread-safe.
 */
final class TokenSecrets {

	static final String PERSONAL_PREFIX = "sntryu_";

	static final String ORGANIZATION_PREFIX = "sntrys_";

	/**
	 * How many trailing characters a list shows (Sentry's {@code tokenLastCharacters}).
	 */
	static final int LAST_CHARACTERS = 4;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final SecureRandom random;

	private final Clock clock;

	TokenSecrets(SecureRandom random, Clock clock) {
		this.random = random;
		this.clock = clock;
	}

	NewToken personal() {
		return NewToken.of(PERSONAL_PREFIX + HexFormat.of().formatHex(secret()));
	}

	/**
	 * @param organizationSlug the organization the token belongs to
	 * @param url the instance's public URL, without a trailing slash
	 */
	NewToken organization(String organizationSlug, String url) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("iat", this.clock.millis() / 1000.0);
		payload.put("url", url);
		payload.put("region_url", url);
		payload.put("org", organizationSlug);
		String encodedPayload = Base64.getEncoder()
			.encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
		String encodedSecret = Base64.getEncoder().withoutPadding().encodeToString(secret());
		return NewToken.of(ORGANIZATION_PREFIX + encodedPayload + "_" + encodedSecret);
	}

	private byte[] secret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * A token as made: the secret itself (shown once), its hash (stored) and its last
	 * characters (shown in lists).
	 */
	record NewToken(String token, String hash, String lastCharacters) {

		static NewToken of(String token) {
			return new NewToken(token, ApiTokens.hash(token), token.substring(token.length() - LAST_CHARACTERS));
		}

	}

}
