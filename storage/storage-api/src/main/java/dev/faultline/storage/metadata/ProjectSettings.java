package dev.faultline.storage.metadata;

import java.util.List;
import java.util.Objects;

/**
 * A project's processing settings, named as in Sentry's project details. The store keeps
 * the rule texts as given; the API validates them (by parsing) before they are stored and
 * the processor parses them again when it applies them.
 *
 * @param fingerprintingRules server-side fingerprint rules, one per line (Sentry's
 * syntax); empty for none
 * @param groupingEnhancements stack-trace rules ({@code +app}/{@code -app}), one per
 * line; empty for none
 * @param relayPiiConfig advanced data scrubbing rules as Sentry's JSON text
 * ({@code {"rules": …, "applications": …}}); empty for none
 * @param scrubIPAddresses whether IP addresses are removed from events
 * @param sensitiveFields extra field names whose values are scrubbed
 * @param safeFields field names never scrubbed
 * @param dataScrubber whether data scrubbing runs at all (Sentry's default: on)
 * @param dataScrubberDefaults whether Sentry's default sensitive names and patterns apply
 * @param inAppIncludes module/package or path prefixes whose frames are in-app
 * @param inAppExcludes module/package or path prefixes whose frames are not in-app
 */
public record ProjectSettings(String fingerprintingRules, String groupingEnhancements, String relayPiiConfig,
		boolean scrubIPAddresses, List<String> sensitiveFields, List<String> safeFields, boolean dataScrubber,
		boolean dataScrubberDefaults, List<String> inAppIncludes, List<String> inAppExcludes) {

	/**
	 * What a project has until its settings are changed: Sentry's defaults.
	 */
	public static final ProjectSettings DEFAULTS = new ProjectSettings("", "", "", false, List.of(), List.of(), true,
			true, List.of(), List.of());

	public ProjectSettings {
		Objects.requireNonNull(fingerprintingRules, "fingerprintingRules");
		Objects.requireNonNull(groupingEnhancements, "groupingEnhancements");
		Objects.requireNonNull(relayPiiConfig, "relayPiiConfig");
		sensitiveFields = entries(sensitiveFields, "sensitiveFields");
		safeFields = entries(safeFields, "safeFields");
		inAppIncludes = entries(inAppIncludes, "inAppIncludes");
		inAppExcludes = entries(inAppExcludes, "inAppExcludes");
	}

	// Lists are stored one entry a line, so an entry cannot hold a line break; blank
	// entries say nothing and are dropped.
	private static List<String> entries(List<String> values, String name) {
		Objects.requireNonNull(values, name);
		for (String value : values) {
			if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
				throw new IllegalArgumentException(name + " entries must be single lines");
			}
		}
		return values.stream().map(String::strip).filter((value) -> !value.isEmpty()).toList();
	}

}
