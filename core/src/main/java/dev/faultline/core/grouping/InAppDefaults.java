package dev.faultline.core.grouping;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's in-app defaults ({@code inAppIncludes} / {@code inAppExcludes}): a frame
 * whose module (package) or path starts with an include prefix is in-app, else one that
 * starts with an exclude prefix is not; other frames keep what the SDK said. Includes win
 * over excludes, as in Sentry's SDK options. Applied before stack-trace rules, which can
 * still override them. Immutable and thread-safe.
 *
 * @param includes prefixes of in-app modules or paths
 * @param excludes prefixes of modules or paths that are not in-app
 */
public record InAppDefaults(List<String> includes, List<String> excludes) {

	/**
	 * No defaults: the SDK's {@code in_app} stands.
	 */
	public static final InAppDefaults NONE = new InAppDefaults(List.of(), List.of());

	public InAppDefaults {
		includes = includes.stream().map(String::strip).filter((prefix) -> !prefix.isEmpty()).toList();
		excludes = excludes.stream().map(String::strip).filter((prefix) -> !prefix.isEmpty()).toList();
	}

	/**
	 * Sets {@code in_app} on the matching frames of every exception and thread; returns
	 * how many frames changed.
	 */
	public int apply(ObjectNode event) {
		if (this.includes.isEmpty() && this.excludes.isEmpty()) {
			return 0;
		}
		int changed = 0;
		for (JsonNode frame : StackTraceRules.allFrames(event)) {
			if (!(frame instanceof ObjectNode object)) {
				continue;
			}
			Boolean inApp = matches(frame, this.includes) ? Boolean.TRUE
					: matches(frame, this.excludes) ? Boolean.FALSE : null;
			if (inApp != null && (!object.path("in_app").isBoolean() || object.get("in_app").asBoolean() != inApp)) {
				object.put("in_app", inApp);
				changed++;
			}
		}
		return changed;
	}

	private static boolean matches(JsonNode frame, List<String> prefixes) {
		for (String field : List.of("module", "package", "abs_path", "filename")) {
			JsonNode value = frame.get(field);
			if (value != null && value.isString()) {
				String text = value.asString();
				for (String prefix : prefixes) {
					if (text.startsWith(prefix)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
