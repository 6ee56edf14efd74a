package dev.faultline.core.grouping;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Frame;

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
	 * The event with {@code in_app} set on the matching frames of every exception and
	 * thread; the event itself when nothing changed.
	 */
	public Event apply(Event event) {
		if (this.includes.isEmpty() && this.excludes.isEmpty()) {
			return event;
		}
		List<Frame> before = EventFrames.all(event);
		List<Frame> after = new ArrayList<>(before.size());
		for (Frame frame : before) {
			Boolean inApp = matches(frame, this.includes) ? Boolean.TRUE
					: matches(frame, this.excludes) ? Boolean.FALSE : null;
			after.add((inApp != null && !inApp.equals(frame.inApp())) ? frame.withInApp(inApp) : frame);
		}
		return EventFrames.replace(event, before, after);
	}

	private static boolean matches(Frame frame, List<String> prefixes) {
		for (String text : new String[] { frame.module(), frame.packageName(), frame.absPath(), frame.filename() }) {
			if (text == null) {
				continue;
			}
			for (String prefix : prefixes) {
				if (text.startsWith(prefix)) {
					return true;
				}
			}
		}
		return false;
	}

}
