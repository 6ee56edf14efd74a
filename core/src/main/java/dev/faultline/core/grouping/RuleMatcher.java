package dev.faultline.core.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Frame;
import dev.faultline.protocol.event.Pairs;
import dev.faultline.protocol.event.SentryException;
import com.google.re2j.Pattern;
import dev.faultline.core.text.UserPatterns;
import org.jspecify.annotations.Nullable;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * One matcher of Sentry's fingerprint and stack-trace rule syntax: {@code [!]key:glob}.
 * Globs use {@code *} (any run of characters, {@code **} likewise) and {@code ?} (one
 * character) and match case-insensitively, on RE2/J (linear in the value whatever the
 * glob, see {@link UserPatterns}). Keys: frame keys {@code stack.module} (alias
 * {@code module}), {@code stack.function} ({@code function}), {@code stack.abs_path}
 * ({@code path}, matched against the absolute path and the file name),
 * {@code stack.package} ({@code package}), {@code app} ({@code yes}/{@code no}); event
 * keys {@code error.type} ({@code type}), {@code error.value} ({@code value}),
 * {@code message}, {@code logger}, {@code level}, {@code family} ({@code javascript},
 * {@code native}, {@code other}), {@code tags.<key>}.
 */
record RuleMatcher(String key, Pattern glob, boolean negated) {

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("module", "stack.module"),
			Map.entry("function", "stack.function"), Map.entry("path", "stack.abs_path"),
			Map.entry("package", "stack.package"), Map.entry("type", "error.type"), Map.entry("value", "error.value"),
			Map.entry("app", "stack.app"), Map.entry("stack.app", "stack.app"));

	private static final List<String> KEYS = List.of("stack.module", "stack.function", "stack.abs_path",
			"stack.package", "stack.app", "error.type", "error.value", "message", "logger", "level", "family");

	static RuleMatcher of(String key, String glob, boolean negated) {
		String canonical = ALIASES.getOrDefault(key, key);
		if (!KEYS.contains(canonical) && !canonical.startsWith("tags.")) {
			throw new IllegalArgumentException("unknown matcher " + key);
		}
		return new RuleMatcher(canonical, UserPatterns.glob(glob), negated);
	}

	boolean isFrameMatcher() {
		return this.key.startsWith("stack.");
	}

	/**
	 * Whether the frame matches (frame matchers only).
	 */
	boolean matchesFrame(Frame frame) {
		boolean matched = switch (this.key) {
			case "stack.module" -> test(nonBlank(frame.module()));
			case "stack.function" -> test(nonBlank(frame.function()));
			case "stack.abs_path" -> test(nonBlank(frame.absPath())) || test(nonBlank(frame.filename()));
			case "stack.package" -> test(nonBlank(frame.packageName()));
			case "stack.app" -> test(frame.isInApp() ? "yes" : "no");
			default -> false;
		};
		return matched != this.negated;
	}

	/**
	 * Whether the event matches (event matchers only).
	 */
	boolean matchesEvent(Event event) {
		boolean matched = switch (this.key) {
			case "error.type" -> anyException(event, true);
			case "error.value" -> anyException(event, false);
			case "message" -> test(message(event));
			case "logger" -> test(nonBlank(event.logger()));
			case "level" -> test(nonBlank(event.level()));
			case "family" -> test(family(nonBlank(event.platform())));
			default -> test(tag(event, this.key.substring("tags.".length())));
		};
		return matched != this.negated;
	}

	private boolean anyException(Event event, boolean type) {
		for (SentryException exception : event.realExceptions()) {
			if (test(nonBlank(type ? exception.type() : exception.value()))) {
				return true;
			}
		}
		return false;
	}

	private boolean test(@Nullable String value) {
		return value != null && this.glob.matcher(value.toLowerCase(Locale.ROOT)).matches();
	}

	static @Nullable String message(Event event) {
		if (event.logentry() == null) {
			return null;
		}
		String formatted = nonBlank(event.logentry().formatted());
		return (formatted != null) ? formatted : nonBlank(event.logentry().message());
	}

	static @Nullable String tag(Event event, String key) {
		if (event.tags() == null) {
			return null;
		}
		for (Pairs.Pair pair : event.tags().pairs()) {
			if (key.equals(nonBlank(pair.key()))) {
				return nonBlank(pair.value());
			}
		}
		return null;
	}

	static String family(@Nullable String platform) {
		if (platform == null) {
			return "other";
		}
		return switch (platform) {
			case "javascript", "node" -> "javascript";
			case "native", "c", "cocoa", "objc" -> "native";
			default -> "other";
		};
	}

	/**
	 * Splits a rule's left-hand side into matchers: {@code [!]key:value} separated by
	 * blanks, values optionally in double quotes.
	 */
	static List<RuleMatcher> parseAll(String text) {
		List<RuleMatcher> matchers = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			if (Character.isWhitespace(text.charAt(i))) {
				i++;
				continue;
			}
			boolean negated = text.charAt(i) == '!';
			if (negated) {
				i++;
			}
			int colon = text.indexOf(':', i);
			if (colon < 0) {
				throw new IllegalArgumentException("expected key:value at \"" + text.substring(i) + "\"");
			}
			String key = text.substring(i, colon).trim();
			i = colon + 1;
			String value;
			if (i < text.length() && text.charAt(i) == '"') {
				int close = text.indexOf('"', i + 1);
				if (close < 0) {
					throw new IllegalArgumentException("unterminated quote in \"" + text + "\"");
				}
				value = text.substring(i + 1, close);
				i = close + 1;
			}
			else {
				int end = i;
				while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
					end++;
				}
				value = text.substring(i, end);
				i = end;
			}
			matchers.add(of(key, value, negated));
		}
		if (matchers.isEmpty()) {
			throw new IllegalArgumentException("a rule needs at least one matcher");
		}
		return matchers;
	}

}
