package dev.faultline.processor;

import java.util.List;

import dev.faultline.core.scrub.ScrubbingSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The processor's settings ({@code faultline.processor.*}).
 *
 * @param scrubbing data scrubbing applied to every event before storage
 */
@ConfigurationProperties("faultline.processor")
record ProcessorProperties(@DefaultValue Scrubbing scrubbing) {

	/**
	 * Data scrubbing for every project (per-project settings override it later).
	 *
	 * @param defaults Sentry's default scrubbers (sensitive keys, cookies, tokens, card
	 * numbers)
	 * @param ipAddresses whether user IP addresses are removed
	 * @param sensitiveFields additional key names whose values are removed
	 * @param safeFields key names never scrubbed by name
	 */
	record Scrubbing(@DefaultValue("true") boolean defaults, @DefaultValue("false") boolean ipAddresses,
			@DefaultValue List<String> sensitiveFields, @DefaultValue List<String> safeFields) {

		ScrubbingSettings settings() {
			return new ScrubbingSettings(this.defaults, this.ipAddresses, this.sensitiveFields, this.safeFields);
		}

	}

}
