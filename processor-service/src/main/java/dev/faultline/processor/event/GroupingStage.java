package dev.faultline.processor.event;

import java.util.Objects;

import dev.faultline.core.grouping.FingerprintRules;
import dev.faultline.core.grouping.Grouper;
import dev.faultline.core.grouping.GroupingResult;
import dev.faultline.core.grouping.StackTraceRules;
import dev.faultline.processor.pipeline.ProjectProcessing;
import dev.faultline.protocol.event.Event;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stage 4: computes the grouping hash of a normalized event. Thread-safe.
 */
public final class GroupingStage {

	private final Grouper grouper = new Grouper();

	private final StackTraceRules stackTraceRules;

	private final FingerprintRules fingerprintRules;

	public GroupingStage() {
		this(StackTraceRules.none(), FingerprintRules.none());
	}

	public GroupingStage(StackTraceRules stackTraceRules, FingerprintRules fingerprintRules) {
		this.stackTraceRules = stackTraceRules;
		this.fingerprintRules = fingerprintRules;
	}

	/**
	 * Groups with a project's settings: its in-app defaults, then the global stack-trace
	 * rules, then the project's (a later rule wins, so the project's do); then the
	 * project's fingerprint rules and, when none matched, the global ones. The returned
	 * event carries what the rules changed and why it was grouped so ({@link #record}).
	 */
	public Grouped group(Event normalizedEvent, ProjectProcessing project) {
		Event event = project.inApp().apply(normalizedEvent);
		event = this.stackTraceRules.apply(event);
		event = project.stackTraceRules().apply(event);
		Event fingerprinted = project.fingerprintRules().apply(event);
		if (fingerprinted == null) {
			fingerprinted = this.fingerprintRules.apply(event);
		}
		if (fingerprinted != null) {
			event = fingerprinted;
		}
		GroupingResult result = this.grouper.group(event);
		return new Grouped(record(event, result), result);
	}

	/**
	 * Records in the event why it was grouped as it was: Sentry's {@code hashes} and a
	 * {@code grouping_info} object ({@code hash}, {@code variant}, {@code components}),
	 * which the Web API's grouping-info endpoint serves.
	 */
	public static Event record(Event event, GroupingResult result) {
		ArrayNode hashes = JsonNodeFactory.instance.arrayNode().add(result.hash());
		ObjectNode info = JsonNodeFactory.instance.objectNode();
		info.put("hash", result.hash());
		info.put("variant", result.variant());
		ArrayNode components = info.putArray("components");
		result.components().forEach(components::add);
		return event.toBuilder().putOther("hashes", hashes).putOther("grouping_info", info).build();
	}

	/**
	 * A grouped event.
	 *
	 * @param event the event as grouped, with its grouping recorded
	 * @param result how it was grouped
	 */
	public record Grouped(Event event, GroupingResult result) {

		public Grouped {
			Objects.requireNonNull(event, "event");
			Objects.requireNonNull(result, "result");
		}

	}

}
