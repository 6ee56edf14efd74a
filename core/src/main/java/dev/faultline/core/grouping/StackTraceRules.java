package dev.faultline.core.grouping;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Frame;

/**
 * Server-side stack-trace rules in Sentry's syntax, one rule per line: frame matchers
 * (see {@link RuleMatcher}; event matchers such as {@code family:} allowed too) followed
 * by actions {@code +app} / {@code -app}, which set {@code in_app} on every matching
 * frame and so decide what the {@code app} grouping variant compares:
 *
 * <pre>
 * stack.module:com.example.*  +app
 * stack.module:com.example.generated.* -app
 * family:javascript stack.abs_path:**&#47;node_modules/** -app
 * </pre>
 *
 * Rules apply in order, so a later rule overrides an earlier one for the frames both
 * match. Immutable and thread-safe.
 */
public final class StackTraceRules {

	private final List<Rule> rules;

	private StackTraceRules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static StackTraceRules none() {
		return new StackTraceRules(List.of());
	}

	/**
	 * Parses the rules text.
	 * @throws IllegalArgumentException naming the line of the first malformed rule
	 */
	public static StackTraceRules parse(String text) {
		List<Rule> rules = new ArrayList<>();
		String[] lines = text.split("\\R");
		for (int n = 0; n < lines.length; n++) {
			String line = lines[n].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				String[] tokens = line.split("\\s+");
				String action = tokens[tokens.length - 1];
				if (!action.equals("+app") && !action.equals("-app")) {
					throw new IllegalArgumentException("expected the action +app or -app at the end");
				}
				String matchers = line.substring(0, line.lastIndexOf(action));
				rules.add(new Rule(RuleMatcher.parseAll(matchers), action.equals("+app")));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("stack-trace rule on line " + (n + 1) + ": " + ex.getMessage(), ex);
			}
		}
		return new StackTraceRules(rules);
	}

	public boolean isEmpty() {
		return this.rules.isEmpty();
	}

	/**
	 * The normalized event with the rules applied to every frame of its exceptions and
	 * threads; the event itself when no frame changed {@code in_app}.
	 */
	public Event apply(Event event) {
		if (this.rules.isEmpty()) {
			return event;
		}
		List<Frame> before = EventFrames.all(event);
		List<Frame> frames = new ArrayList<>(before);
		for (Rule rule : this.rules) {
			boolean eventMatches = rule.matchers()
				.stream()
				.filter((matcher) -> !matcher.isFrameMatcher())
				.allMatch((matcher) -> matcher.matchesEvent(event));
			if (!eventMatches) {
				continue;
			}
			for (int i = 0; i < frames.size(); i++) {
				Frame frame = frames.get(i);
				boolean frameMatches = rule.matchers()
					.stream()
					.filter(RuleMatcher::isFrameMatcher)
					.allMatch((matcher) -> matcher.matchesFrame(frame));
				if (frameMatches && frame.isInApp() != rule.inApp()) {
					frames.set(i, frame.withInApp(rule.inApp()));
				}
			}
		}
		return EventFrames.replace(event, before, frames);
	}

	private record Rule(List<RuleMatcher> matchers, boolean inApp) {

	}

}
