package dev.faultline.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Event ids on the wire: UUIDs written as 32 hex characters (SDKs) or dashed
 * (sentry-cli's envelope header), in any case. Normalized form: 32 lower-case hex
 * characters.
 */
public final class EventIds {

	private EventIds() {
	}

	/**
	 * Normalizes an event id.
	 * @throws IllegalArgumentException when {@code id} is neither 32 hex characters nor a
	 * dashed 8-4-4-4-12 UUID
	 */
	public static String normalize(String id) {
		return tryNormalize(id).orElseThrow(() -> new IllegalArgumentException("not an event id"));
	}

	/**
	 * Normalizes an event id, or returns empty when it is not one.
	 */
	public static Optional<String> tryNormalize(String id) {
		String hex;
		if (id.length() == 32) {
			hex = id;
		}
		else if (id.length() == 36 && id.charAt(8) == '-' && id.charAt(13) == '-' && id.charAt(18) == '-'
				&& id.charAt(23) == '-') {
			hex = id.substring(0, 8) + id.substring(9, 13) + id.substring(14, 18) + id.substring(19, 23)
					+ id.substring(24);
		}
		else {
			return Optional.empty();
		}
		for (int i = 0; i < hex.length(); i++) {
			char c = hex.charAt(i);
			// Character.digit would also accept non-ASCII digits.
			boolean ascii = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (!ascii) {
				return Optional.empty();
			}
		}
		return Optional.of(hex.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether {@code id} is an event id in any accepted form.
	 */
	public static boolean isValid(String id) {
		return tryNormalize(id).isPresent();
	}

	/**
	 * A new random event id in normalized form.
	 */
	public static String generate() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
