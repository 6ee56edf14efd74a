package dev.faultline.processor;

import dev.faultline.core.grouping.FingerprintRules;
import dev.faultline.core.grouping.Grouper;
import dev.faultline.core.grouping.GroupingResult;
import dev.faultline.core.grouping.StackTraceRules;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 4: computes the grouping hash of a normalized event. Thread-safe.
 */
final class GroupingStage {

	private final Grouper grouper = new Grouper();

	private final StackTraceRules stackTraceRules;

	private final FingerprintRules fingerprintRules;

	GroupingStage() {
		this(StackTraceRules.none(), FingerprintRules.none());
	}

	GroupingStage(StackTraceRules stackTraceRules, FingerprintRules fingerprintRules) {
		this.stackTraceRules = stackTraceRules;
		this.fingerprintRules = fingerprintRules;
	}

	/**
	 * Applies the stack-trace rules (which frames are in-app), then the fingerprint rules
	 * (the first match replaces the fingerprint), then groups.
	 */
	GroupingResult group(ObjectNode normalizedEvent) {
		this.stackTraceRules.apply(normalizedEvent);
		this.fingerprintRules.apply(normalizedEvent);
		return this.grouper.group(normalizedEvent);
	}

	/**
	 * Groups with a project's settings too: its in-app defaults, then the global
	 * stack-trace rules, then the project's (a later rule wins, so the project's do);
	 * then the project's fingerprint rules and, when none matched, the global ones.
	 */
	GroupingResult group(ObjectNode normalizedEvent, ProjectProcessing project) {
		project.inApp().apply(normalizedEvent);
		this.stackTraceRules.apply(normalizedEvent);
		project.stackTraceRules().apply(normalizedEvent);
		if (!project.fingerprintRules().apply(normalizedEvent)) {
			this.fingerprintRules.apply(normalizedEvent);
		}
		return this.grouper.group(normalizedEvent);
	}

	/**
	 * Records in the event why it was grouped as it was: Sentry's {@code hashes} and a
	 * {@code grouping_info} object ({@code hash}, {@code variant}, {@code components}),
	 * which the Web API's grouping-info endpoint serves.
	 */
	static void record(ObjectNode normalizedEvent, GroupingResult result) {
		normalizedEvent.putArray("hashes").add(result.hash());
		ObjectNode info = normalizedEvent.putObject("grouping_info");
		info.put("hash", result.hash());
		info.put("variant", result.variant());
		ArrayNode components = info.putArray("components");
		result.components().forEach(components::add);
	}

}
