package dev.faultline.core.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.faultline.core.EventNodes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One matcher of Sentry's fingerprint and stack-trace rule syntax: {@code [!]key:glob}.
 * Globs use {@code *} (any run of characters, {@code **} likewise) and {@code ?} (one
 * character) and match case-insensitively. Keys: frame keys {@code stack.module} (alias
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
		return new RuleMatcher(canonical, compile(glob), negated);
	}

	boolean isFrameMatcher() {
		return this.key.startsWith("stack.");
	}

	/**
	 * Whether the frame matches (frame matchers only).
	 */
	boolean matchesFrame(JsonNode frame) {
		boolean matched = switch (this.key) {
			case "stack.module" -> test(EventNodes.text(frame, "module"));
			case "stack.function" -> test(EventNodes.text(frame, "function"));
			case "stack.abs_path" ->
				test(EventNodes.text(frame, "abs_path")) || test(EventNodes.text(frame, "filename"));
			case "stack.package" -> test(EventNodes.text(frame, "package"));
			case "stack.app" -> test(frame.path("in_app").asBoolean(false) ? "yes" : "no");
			default -> false;
		};
		return matched != this.negated;
	}

	/**
	 * Whether the event matches (event matchers only).
	 */
	boolean matchesEvent(JsonNode event) {
		boolean matched = switch (this.key) {
			case "error.type" -> anyException(event, "type");
			case "error.value" -> anyException(event, "value");
			case "message" -> test(message(event));
			case "logger" -> test(EventNodes.text(event, "logger"));
			case "level" -> test(EventNodes.text(event, "level"));
			case "family" -> test(family(EventNodes.text(event, "platform")));
			default -> test(tag(event, this.key.substring("tags.".length())));
		};
		return matched != this.negated;
	}

	private boolean anyException(JsonNode event, String field) {
		for (JsonNode exception : EventNodes.realExceptions(event)) {
			if (test(EventNodes.text(exception, field))) {
				return true;
			}
		}
		return false;
	}

	private boolean test(@Nullable String value) {
		return value != null && this.glob.matcher(value.toLowerCase(Locale.ROOT)).matches();
	}

	static @Nullable String message(JsonNode event) {
		String formatted = EventNodes.text(event.path("logentry"), "formatted");
		return (formatted != null) ? formatted : EventNodes.text(event.path("logentry"), "message");
	}

	static @Nullable String tag(JsonNode event, String key) {
		for (JsonNode pair : event.path("tags")) {
			if (key.equals(EventNodes.text(pair.get(0)))) {
				return EventNodes.text(pair.get(1));
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

	private static Pattern compile(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
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
