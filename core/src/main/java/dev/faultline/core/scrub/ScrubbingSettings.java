package dev.faultline.core.scrub;

import java.util.List;
import java.util.Locale;

/**
 * What {@link DataScrubber} removes, after Sentry's project settings "Data Scrubber",
 * "Use Default Scrubbers", "Prevent Storing of IP Addresses", "Additional Sensitive
 * Fields" and "Safe Fields".
 *
 * @param defaults whether Sentry's default rules apply (sensitive key names, cookies,
 * bearer tokens, credentials in URLs, private keys, credit card numbers passing the Luhn
 * check, US social security numbers)
 * @param ipAddresses whether the user's IP address (and the request headers that carry
 * it) are removed
 * @param sensitiveFields further key names (case-insensitive, matched as substrings)
 * whose values are removed
 * @param safeFields key names (case-insensitive, exact) never scrubbed by key name
 */
public record ScrubbingSettings(boolean defaults, boolean ipAddresses, List<String> sensitiveFields,
		List<String> safeFields) {

	public ScrubbingSettings {
		sensitiveFields = sensitiveFields.stream()
			.map((field) -> field.trim().toLowerCase(Locale.ROOT))
			.filter((field) -> !field.isEmpty())
			.toList();
		safeFields = safeFields.stream()
			.map((field) -> field.trim().toLowerCase(Locale.ROOT))
			.filter((field) -> !field.isEmpty())
			.toList();
	}

	/**
	 * Sentry's defaults for a new project: default rules on, IP addresses kept.
	 */
	public static ScrubbingSettings defaultSettings() {
		return new ScrubbingSettings(true, false, List.of(), List.of());
	}

}
