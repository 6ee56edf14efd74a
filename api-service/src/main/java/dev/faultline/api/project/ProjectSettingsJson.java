package dev.faultline.api.project;

import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiException;
import dev.faultline.core.grouping.FingerprintRules;
import dev.faultline.core.grouping.StackTraceRules;
import dev.faultline.core.scrub.PiiConfig;
import dev.faultline.storage.metadata.ProjectSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * A project's processing settings in Sentry's project detail fields, and their partial
 * update ({@code PUT /api/0/projects/{org}/{project}/}). Rule texts are validated by
 * parsing them as the processor will; a syntax error is a 400 naming the field and line.
 */
final class ProjectSettingsJson {

	private ProjectSettingsJson() {
	}

	/**
	 * The fields Sentry's project detail carries ({@code relayPiiConfig} null when empty,
	 * as in Sentry), plus {@code inAppIncludes} / {@code inAppExcludes}.
	 */
	static void render(ProjectSettings settings, Map<String, @Nullable Object> json) {
		json.put("fingerprintingRules", settings.fingerprintingRules());
		json.put("groupingEnhancements", settings.groupingEnhancements());
		json.put("relayPiiConfig", settings.relayPiiConfig().isEmpty() ? null : settings.relayPiiConfig());
		json.put("scrubIPAddresses", settings.scrubIPAddresses());
		json.put("sensitiveFields", settings.sensitiveFields());
		json.put("safeFields", settings.safeFields());
		json.put("dataScrubber", settings.dataScrubber());
		json.put("dataScrubberDefaults", settings.dataScrubberDefaults());
		json.put("inAppIncludes", settings.inAppIncludes());
		json.put("inAppExcludes", settings.inAppExcludes());
	}

	/**
	 * The body of a project update: every field optional, an absent one is kept.
	 *
	 * @param relayPiiConfig Sentry's JSON text, or the JSON object itself; an empty
	 * string removes the rules
	 * @param options Sentry's project options; the inbound filter lists are read from it
	 * ({@link FilterOptions})
	 */
	record Update(@Nullable String fingerprintingRules, @Nullable String groupingEnhancements,
			@Nullable Object relayPiiConfig, @Nullable Boolean scrubIPAddresses, @Nullable List<String> sensitiveFields,
			@Nullable List<String> safeFields, @Nullable Boolean dataScrubber, @Nullable Boolean dataScrubberDefaults,
			@Nullable List<String> inAppIncludes, @Nullable List<String> inAppExcludes,
			@Nullable Map<String, @Nullable Object> options) {

		/**
		 * The merged settings.
		 * @throws ApiException 400 naming the field (and line) that is not valid
		 */
		ProjectSettings applyTo(ProjectSettings current, ObjectMapper mapper) {
			String fingerprints = (this.fingerprintingRules != null) ? this.fingerprintingRules
					: current.fingerprintingRules();
			String enhancements = (this.groupingEnhancements != null) ? this.groupingEnhancements
					: current.groupingEnhancements();
			String pii = current.relayPiiConfig();
			if (this.relayPiiConfig instanceof String text) {
				pii = text.strip();
			}
			else if (this.relayPiiConfig != null) {
				pii = mapper.writeValueAsString(this.relayPiiConfig);
			}
			validate("fingerprintingRules", () -> FingerprintRules.parse(fingerprints));
			validate("groupingEnhancements", () -> StackTraceRules.parse(enhancements));
			String piiText = pii;
			validate("relayPiiConfig", () -> PiiConfig.parse(piiText));
			try {
				return new ProjectSettings(fingerprints, enhancements, pii,
						pick(this.scrubIPAddresses, current.scrubIPAddresses()),
						pick(this.sensitiveFields, current.sensitiveFields()),
						pick(this.safeFields, current.safeFields()), pick(this.dataScrubber, current.dataScrubber()),
						pick(this.dataScrubberDefaults, current.dataScrubberDefaults()),
						pick(this.inAppIncludes, current.inAppIncludes()),
						pick(this.inAppExcludes, current.inAppExcludes()));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw ApiException.badRequest(String.valueOf(ex.getMessage()));
			}
		}

		private static <T> T pick(@Nullable T given, T current) {
			return (given != null) ? given : current;
		}

		private static void validate(String field, Runnable parse) {
			try {
				parse.run();
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest(field + ": " + ex.getMessage());
			}
		}

	}

}
