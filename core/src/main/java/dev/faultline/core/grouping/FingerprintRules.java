package dev.faultline.core.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Frame;
import dev.faultline.protocol.event.SentryException;
import dev.faultline.core.text.ClientPatterns;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * Server-side fingerprint rules in Sentry's syntax, one rule per line:
 *
 * <pre>
 * # comment
 * error.type:DatabaseUnavailable -&gt; system-down
 * error.type:ConnectionError error.value:"*timeout*" -&gt; connection-timeout, {{ default }}
 * stack.function:"*.check" !logger:audit -&gt; check-failed title="Check failed"
 * logger:"payments.*" -&gt; {{ logger }}, {{ level }}
 * </pre>
 *
 * The first rule whose matchers all match (frame matchers against one and the same frame
 * of any exception or thread, see {@link RuleMatcher}) replaces the event's fingerprint,
 * as in Sentry. Variables are resolved when the rule applies: {@code {{ default }}} stays
 * for the {@link Grouper}; {@code {{ error.type }}}/{@code {{ type }}}, {@code {{
 * error.value }}}, {@code {{ message }}}, {@code {{ logger }}}, {@code {{ level }}},
 * {@code {{ transaction }}}, {@code {{ function }}}, {@code {{ module }}}, {@code {{
 * package }}} (of the first matching, else first in-app, else first frame) and {@code {{
 * tags.KEY }}} take the event's values ({@code <no-value>} when absent). An optional
 * {@code title="..."} replaces the title. The event records {@code _fingerprint_info}
 * ({@code matched_rule}, {@code client_fingerprint}). Immutable and thread-safe.
 */
public final class FingerprintRules {

	private static final Pattern VARIABLE = ClientPatterns.FINGERPRINT_VARIABLE.jdk();

	private static final com.google.re2j.Pattern TITLE = ClientPatterns.FINGERPRINT_TITLE.re2j();

	/** What frame variables read when the event has no frames: nothing. */
	private static final Frame NO_FRAME = new Frame(null, null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, Map.of());

	private final List<Rule> rules;

	private FingerprintRules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/**
	 * No rules: {@link #apply} changes nothing.
	 */
	public static FingerprintRules none() {
		return new FingerprintRules(List.of());
	}

	/**
	 * Parses the rules text.
	 * @throws IllegalArgumentException naming the line of the first malformed rule
	 */
	public static FingerprintRules parse(String text) {
		List<Rule> rules = new ArrayList<>();
		String[] lines = text.split("\\R");
		for (int n = 0; n < lines.length; n++) {
			String line = lines[n].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				int arrow = line.indexOf("->");
				if (arrow < 0) {
					throw new IllegalArgumentException("expected \"matchers -> fingerprint\"");
				}
				String right = line.substring(arrow + 2);
				String title = null;
				com.google.re2j.Matcher titleMatch = TITLE.matcher(right);
				if (titleMatch.find()) {
					title = titleMatch.group(1);
					right = right.substring(0, titleMatch.start());
				}
				List<String> fingerprint = new ArrayList<>();
				for (String value : right.split(",")) {
					String trimmed = unquote(value.strip());
					if (!trimmed.isEmpty()) {
						fingerprint.add(trimmed);
					}
				}
				if (fingerprint.isEmpty()) {
					throw new IllegalArgumentException("empty fingerprint");
				}
				rules.add(new Rule(line, RuleMatcher.parseAll(line.substring(0, arrow)), fingerprint, title));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("fingerprint rule on line " + (n + 1) + ": " + ex.getMessage(), ex);
			}
		}
		return new FingerprintRules(rules);
	}

	public boolean isEmpty() {
		return this.rules.isEmpty();
	}

	/**
	 * The normalized event with the first matching rule applied; null when no rule
	 * matches.
	 */
	public @Nullable Event apply(Event event) {
		for (Rule rule : this.rules) {
			Frame frame = rule.match(event);
			if (frame == null) {
				continue;
			}
			ObjectNode info = JsonNodeFactory.instance.objectNode();
			info.put("matched_rule", rule.text());
			if (event.fingerprint() != null) {
				ArrayNode client = info.putArray("client_fingerprint");
				event.fingerprint().forEach(client::add);
			}
			List<String> fingerprint = new ArrayList<>();
			for (String value : rule.fingerprint()) {
				fingerprint.add(resolve(value, event, frame));
			}
			Event.Builder result = event.toBuilder().fingerprint(fingerprint).putOther("_fingerprint_info", info);
			if (rule.title() != null) {
				result.title(rule.title());
			}
			return result.build();
		}
		return null;
	}

	private static String resolve(String value, Event event, Frame frame) {
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1).toLowerCase(Locale.ROOT);
			String replacement = "default".equals(name) ? matcher.group() : variable(name, event, frame);
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String variable(String name, Event event, Frame frame) {
		String value = switch (name) {
			case "type", "error.type" -> outermostException(event, true);
			case "value", "error.value" -> outermostException(event, false);
			case "message" -> RuleMatcher.message(event);
			case "logger" -> nonBlank(event.logger());
			case "level" -> nonBlank(event.level());
			case "transaction" -> nonBlank(event.transaction());
			case "function" -> nonBlank(frame.function());
			case "module" -> nonBlank(frame.module());
			case "package" -> nonBlank(frame.packageName());
			default -> name.startsWith("tags.") ? RuleMatcher.tag(event, name.substring("tags.".length())) : null;
		};
		return (value != null) ? value : "<no-value>";
	}

	private static @Nullable String outermostException(Event event, boolean type) {
		List<SentryException> exceptions = event.realExceptions();
		// wire order is innermost cause first; the outermost exception is what users see
		if (exceptions.isEmpty()) {
			return null;
		}
		SentryException outermost = exceptions.get(exceptions.size() - 1);
		return nonBlank(type ? outermost.type() : outermost.value());
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

	private record Rule(String text, List<RuleMatcher> matchers, List<String> fingerprint, @Nullable String title) {

		/**
		 * The frame the rule matched (a representative one when it has no frame
		 * matchers), an empty object when the event has no frames, or null when the rule
		 * does not match.
		 */
		@Nullable Frame match(Event event) {
			for (RuleMatcher matcher : this.matchers) {
				if (!matcher.isFrameMatcher() && !matcher.matchesEvent(event)) {
					return null;
				}
			}
			List<Frame> frames = EventFrames.all(event);
			List<RuleMatcher> frameMatchers = this.matchers.stream().filter(RuleMatcher::isFrameMatcher).toList();
			if (frameMatchers.isEmpty()) {
				Frame representative = frames.stream()
					.filter(Frame::isInApp)
					.reduce((first, second) -> second)
					.orElse(frames.isEmpty() ? null : frames.get(frames.size() - 1));
				return (representative != null) ? representative : NO_FRAME;
			}
			// newest frame first: the function that failed is the natural {{ function }}
			for (int i = frames.size() - 1; i >= 0; i--) {
				Frame frame = frames.get(i);
				if (frameMatchers.stream().allMatch((matcher) -> matcher.matchesFrame(frame))) {
					return frame;
				}
			}
			return null;
		}

	}

}
