package dev.faultline.protocol.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The credentials an SDK presents with a request, read from an {@code X-Sentry-Auth}
 * header ({@code Sentry sentry_key=…, sentry_version=7, …}, with or without spaces after
 * the commas) or from query parameters ({@code ?sentry_key=…&sentry_version=7}). Keys may
 * be given with or without the {@code sentry_} prefix; unknown keys such as
 * {@code sentry_timestamp} are ignored.
 *
 * @param publicKey the DSN public key, never empty
 * @param secretKey the deprecated DSN secret, or null
 * @param client the SDK identifier such as {@code sentry.java/8.62.0}, or null
 */
public record SentryAuth(String publicKey, @Nullable String secretKey, @Nullable String client) {

	private static final String SCHEME = "sentry ";

	public SentryAuth {
		Objects.requireNonNull(publicKey, "publicKey");
		if (publicKey.isEmpty()) {
			throw new IllegalArgumentException("publicKey is empty");
		}
	}

	/**
	 * Parses an {@code X-Sentry-Auth} (or {@code Authorization: Sentry …}) header value.
	 * @throws AuthParseException when the value is not a list of {@code key=value} pairs
	 * or has no key
	 */
	public static SentryAuth fromHeader(String header) {
		String value = header.trim();
		if (value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			value = value.substring(SCHEME.length());
		}
		Map<String, String> parameters = new HashMap<>();
		for (String pair : value.split(",")) {
			String trimmed = pair.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals <= 0) {
				throw new AuthParseException(AuthParseException.Reason.INVALID_AUTH_HEADER,
						"auth header part is not key=value");
			}
			parameters.putIfAbsent(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
		}
		return fromParameters(parameters);
	}

	/**
	 * Parses a raw (still percent-encoded) query string.
	 * @throws AuthParseException when it has no {@code sentry_key}
	 */
	public static SentryAuth fromQueryString(@Nullable String query) {
		Map<String, String> parameters = new HashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String key = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				parameters.putIfAbsent(decode(key), decode(value));
			}
		}
		return fromParameters(parameters);
	}

	/**
	 * Whether the raw query string carries a {@code sentry_key} (with or without prefix),
	 * i.e. whether {@link #fromQueryString} would find credentials in it.
	 */
	public static boolean hasKeyInQuery(@Nullable String query) {
		if (query == null) {
			return false;
		}
		for (String pair : query.split("&")) {
			String key = decode((pair.indexOf('=') < 0) ? pair : pair.substring(0, pair.indexOf('=')));
			if (normalizeKey(key).equals("key")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Builds credentials from decoded parameters.
	 * @throws AuthParseException when there is no non-empty {@code sentry_key}
	 */
	public static SentryAuth fromParameters(Map<String, String> parameters) {
		@Nullable String key = null;
		@Nullable String secret = null;
		@Nullable String client = null;
		for (Map.Entry<String, String> entry : parameters.entrySet()) {
			String value = entry.getValue();
			switch (normalizeKey(entry.getKey())) {
				case "key" -> key = (key == null) ? value : key;
				case "secret" -> secret = (secret == null) ? value : secret;
				case "client" -> client = (client == null) ? value : client;
				default -> {
					// sentry_version, sentry_timestamp and anything else carry no
					// credential.
				}
			}
		}
		if (key == null || key.isEmpty()) {
			throw new AuthParseException(AuthParseException.Reason.MISSING_PUBLIC_KEY, "no sentry_key given");
		}
		return new SentryAuth(key, emptyToNull(secret), emptyToNull(client));
	}

	/**
	 * Credentials carried by a DSN (the envelope {@code dsn} header of a tunnel).
	 */
	public static SentryAuth fromDsn(Dsn dsn) {
		return new SentryAuth(dsn.publicKey(), dsn.secretKey(), null);
	}

	private static String normalizeKey(String key) {
		String lower = key.trim().toLowerCase(Locale.ROOT);
		return lower.startsWith("sentry_") ? lower.substring("sentry_".length()) : lower;
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A malformed escape is kept verbatim rather than failing the whole request.
			return value;
		}
	}

}
