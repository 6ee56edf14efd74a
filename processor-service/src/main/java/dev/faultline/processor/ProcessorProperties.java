package dev.faultline.processor;

import java.time.Duration;
import java.util.List;

import dev.faultline.core.grouping.FingerprintRules;
import dev.faultline.core.grouping.StackTraceRules;
import dev.faultline.core.scrub.ScrubbingSettings;
import dev.faultline.processor.event.GroupingStage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The processor's settings ({@code faultline.processor.*}).
 *
 * @param scrubbing data scrubbing applied to every event before storage, with each
 * project's settings
 * @param grouping server-side grouping rules for every project, under each project's own
 * @param retention how long events are kept (at least a day)
 * @param ignoreWakeInterval how often issues ignored until a time that has passed are
 * made unresolved again (at least a second)
 * @param processingBudget the longest time the items of one envelope may take to process;
 * past it they are dropped ({@code invalid}, {@code processing_timeout}) and the envelope
 * is parked as a dead letter (at least 10 ms)
 * @param stallAfter how long the consumer loop may go without a poll returning or a batch
 * committed before its health turns down (at least the processing budget)
 * @param threads how many envelopes of a polled batch are prepared (normalized, scrubbed,
 * grouped) at once; storing stays on one thread, in queue order (at least 1)
 */
@ConfigurationProperties("faultline.processor")
record ProcessorProperties(@DefaultValue Scrubbing scrubbing, @DefaultValue Grouping grouping,
		@DefaultValue("90d") Duration retention, @DefaultValue("30s") Duration ignoreWakeInterval,
		@DefaultValue("3s") Duration processingBudget, @DefaultValue("5m") Duration stallAfter,
		@DefaultValue("2") int threads) {

	ProcessorProperties {
		if (threads < 1) {
			throw new IllegalArgumentException("faultline.processor.threads must be at least 1 but was " + threads);
		}
		if (processingBudget.toMillis() < 10) {
			throw new IllegalArgumentException(
					"faultline.processor.processing-budget must be at least 10ms but was " + processingBudget);
		}
		if (stallAfter.compareTo(processingBudget) < 0) {
			throw new IllegalArgumentException("faultline.processor.stall-after (" + stallAfter
					+ ") must be at least the processing budget (" + processingBudget + ")");
		}
	}

	/**
	 * Server-side grouping rules in Sentry's syntax, one rule per line, for every
	 * project: a project's own fingerprint rules are tried first and its stack-trace
	 * rules run after these. Malformed rules fail the start, naming the property and the
	 * line.
	 *
	 * @param fingerprintRules e.g. {@code error.type:DatabaseUnavailable -> system-down}
	 * @param stackTraceRules e.g. {@code stack.module:com.example.* +app}
	 */
	record Grouping(@DefaultValue("") String fingerprintRules, @DefaultValue("") String stackTraceRules) {

		GroupingStage stage() {
			FingerprintRules fingerprints;
			StackTraceRules stacks;
			try {
				fingerprints = FingerprintRules.parse(this.fingerprintRules);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("faultline.processor.grouping.fingerprint-rules: " + ex.getMessage(),
						ex);
			}
			try {
				stacks = StackTraceRules.parse(this.stackTraceRules);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("faultline.processor.grouping.stack-trace-rules: " + ex.getMessage(),
						ex);
			}
			return new GroupingStage(stacks, fingerprints);
		}

	}

	/**
	 * Data scrubbing for every project, the floor under each project's settings: the
	 * default scrubbers run when enabled here and in the project, IP removal when either
	 * asks, field lists are merged.
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
