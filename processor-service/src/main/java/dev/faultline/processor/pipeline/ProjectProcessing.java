package dev.faultline.processor.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.faultline.core.filter.InboundFilters;
import dev.faultline.core.grouping.FingerprintRules;
import dev.faultline.core.grouping.InAppDefaults;
import dev.faultline.core.grouping.StackTraceRules;
import dev.faultline.core.scrub.DataScrubber;
import dev.faultline.core.scrub.PiiConfig;
import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.storage.metadata.ProjectFilters;
import dev.faultline.storage.metadata.ProjectSettings;

/**
 * What the processor applies to one project's events, compiled from its
 * {@link ProjectSettings} and the processor-wide scrubbing properties. Immutable and
 * thread-safe.
 *
 * @param scrubber the project's data scrubbing (advanced rules, defaults, IP, fields)
 * @param inApp the project's in-app defaults
 * @param stackTraceRules the project's stack-trace rules (applied after the global ones,
 * so they win)
 * @param fingerprintRules the project's fingerprint rules (tried before the global ones)
 * @param filters the project's inbound data filters
 */
public record ProjectProcessing(DataScrubber scrubber, InAppDefaults inApp, StackTraceRules stackTraceRules,
		FingerprintRules fingerprintRules, InboundFilters filters) {

	public ProjectProcessing {
		Objects.requireNonNull(scrubber, "scrubber");
		Objects.requireNonNull(inApp, "inApp");
		Objects.requireNonNull(stackTraceRules, "stackTraceRules");
		Objects.requireNonNull(fingerprintRules, "fingerprintRules");
		Objects.requireNonNull(filters, "filters");
	}

	/**
	 * Compiles a project's settings, without inbound filters.
	 * @see #compile(ProjectSettings, ProjectFilters, ScrubbingSettings)
	 */
	public static ProjectProcessing compile(ProjectSettings settings, ScrubbingSettings global) {
		return compile(settings, ProjectFilters.NONE, global);
	}

	/**
	 * Compiles a project's settings over the processor-wide scrubbing settings, which are
	 * the operator's floor: the default scrubbers run when the operator enables them and
	 * the project keeps {@code dataScrubber} and {@code dataScrubberDefaults} on; IP
	 * removal runs when either asks; sensitive fields (the project's only while
	 * {@code dataScrubber} is on) and safe fields are the union of both lists. The
	 * project's inbound filters are compiled alongside.
	 * @throws IllegalArgumentException when a stored rule text or filter entry cannot be
	 * parsed (the message names the setting and line)
	 */
	public static ProjectProcessing compile(ProjectSettings settings, ProjectFilters filters,
			ScrubbingSettings global) {
		boolean defaults = global.defaults() && settings.dataScrubber() && settings.dataScrubberDefaults();
		List<String> sensitive = new ArrayList<>(global.sensitiveFields());
		if (settings.dataScrubber()) {
			sensitive.addAll(settings.sensitiveFields());
		}
		List<String> safe = new ArrayList<>(global.safeFields());
		safe.addAll(settings.safeFields());
		ScrubbingSettings scrubbing = new ScrubbingSettings(defaults,
				global.ipAddresses() || settings.scrubIPAddresses(), sensitive, safe);
		PiiConfig advanced;
		StackTraceRules stacks;
		FingerprintRules fingerprints;
		try {
			advanced = PiiConfig.parse(settings.relayPiiConfig());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("relayPiiConfig: " + ex.getMessage(), ex);
		}
		try {
			stacks = StackTraceRules.parse(settings.groupingEnhancements());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("groupingEnhancements: " + ex.getMessage(), ex);
		}
		try {
			fingerprints = FingerprintRules.parse(settings.fingerprintingRules());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("fingerprintingRules: " + ex.getMessage(), ex);
		}
		InboundFilters inbound;
		try {
			inbound = InboundFilters.compile(filters.browserExtensions(), filters.localhost(), filters.webCrawlers(),
					filters.legacyBrowsers(), filters.errorMessages(), filters.releases(), filters.blacklistedIps());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("filters: " + ex.getMessage(), ex);
		}
		return new ProjectProcessing(new DataScrubber(scrubbing, advanced),
				new InAppDefaults(settings.inAppIncludes(), settings.inAppExcludes()), stacks, fingerprints, inbound);
	}

}
