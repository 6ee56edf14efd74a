package dev.faultline.core.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Generated hostile strings for one pattern, each a function of the length wanted: every
 * character the pattern mentions (and a base set of boundary characters) repeated,
 * alternated with each boundary character ({@code a+a+…}, {@code a.a.…}), the pattern's
 * literal runs repeated ({@code -----BEGIN-----BEGIN…}, {@code ://://…}) alone and
 * followed by a boundary character, digit runs with separators, nested quotes and
 * brackets, and {@code //}/{@code @} runs for URL patterns. The shapes that make a
 * backtracking engine retry from every position are these: many places where a match
 * could start, none where it can finish.
 */
final class AdversarialInputs {

	/** Characters that separate tokens; alternated with every other character. */
	private static final String BOUNDARIES = " .+-/:@=\"'_,\n";

	/** Characters every pattern is tried with, whatever it mentions. */
	private static final String BASE = "aAzZ019 \t\n.-+/:@=\"'_{}[]()%$\\,;&?#!*fxé";

	private static final List<String> FIXED_UNITS = List.of("a+", "a.", "a-", "a:", "a@", "@a", "a=", "a/",
			"-----BEGIN", "-----BEGIN ", "-----BEGIN PRIVATE KEY-----", "1 ", "1-", "1.", "1:", "12.", "1.1.1.1 ",
			"123-", "12-", "1234 ", "0x", "ff:", "ff-", "f0", "a://", "//", "@", "a:a@", "a:a", "//a:", "\"a", "'a",
			"[\"", "{\"a\":", "a=b&", "token=", "token=a", "password", "Bearer ", "Bearer a", "$$Lambda$", "$Proxy",
			"%s", "{0}", "{{", "{{ ", "/home/", "/users/", "ab-", "a/b", "1a", "::", "::1", "a b", "=true", "\\u",
			"\\\\");

	private static final List<String> NESTINGS = List.of("[]", "{}", "()", "\"\"", "''", "<>", "{{}}");

	private AdversarialInputs() {
	}

	/**
	 * The generators for {@code regex}; each returns a string of exactly the length
	 * given.
	 */
	static List<IntFunction<String>> forPattern(String regex) {
		Set<String> units = new LinkedHashSet<>();
		Set<Character> alphabet = new LinkedHashSet<>();
		for (char c : BASE.toCharArray()) {
			alphabet.add(c);
		}
		alphabet.addAll(mentioned(regex));
		for (char c : alphabet) {
			units.add(String.valueOf(c));
			for (char b : BOUNDARIES.toCharArray()) {
				units.add(String.valueOf(c) + b);
			}
		}
		for (String literal : literals(regex)) {
			units.add(literal);
			units.add(literal + "a");
			units.add(literal + "1");
			for (char b : BOUNDARIES.toCharArray()) {
				units.add(literal + b);
			}
		}
		units.addAll(FIXED_UNITS);
		List<IntFunction<String>> generators = new ArrayList<>();
		for (String unit : units) {
			generators.add((length) -> repeat(unit, length));
		}
		for (String literal : literals(regex)) {
			// One start followed by a long run: a lazy or unbounded part scanning to the
			// end.
			generators.add((length) -> repeat(literal + repeat("a", length), length));
			generators.add((length) -> repeat(literal + repeat("1", length), length));
		}
		for (String pair : NESTINGS) {
			int half = pair.length() / 2;
			String open = pair.substring(0, half);
			String close = pair.substring(half);
			generators.add((length) -> {
				String opened = repeat(open, length / 2);
				return opened + repeat(close, length - opened.length());
			});
		}
		return generators;
	}

	static String repeat(String unit, int length) {
		StringBuilder out = new StringBuilder(length + unit.length());
		while (out.length() < length) {
			out.append(unit);
		}
		out.setLength(length);
		return out.toString();
	}

	/** Characters a pattern names: literals, escapes, both ends of class ranges. */
	private static Set<Character> mentioned(String regex) {
		Set<Character> chars = new LinkedHashSet<>();
		for (int i = 0; i < regex.length(); i++) {
			char c = regex.charAt(i);
			if (c == '\\' && i + 1 < regex.length()) {
				char escaped = regex.charAt(++i);
				switch (escaped) {
					case 'd' -> chars.addAll(List.of('0', '7'));
					case 'w' -> chars.addAll(List.of('a', 'Q', '_', '5'));
					case 's' -> chars.addAll(List.of(' ', '\t', '\n'));
					case 'R', 'n' -> chars.add('\n');
					case 'b', 'B', 'A', 'z', 'Z', 'S', 'W', 'D' -> chars.add('a');
					default -> chars.add(escaped);
				}
			}
			else if (c >= ' ' && c < 0x7f) {
				chars.add(c);
			}
		}
		return chars;
	}

	/**
	 * Runs of two or more characters the pattern must see literally, such as
	 * {@code -----BEGIN}, {@code ://} or {@code Lambda}, outside character classes.
	 */
	static Set<String> literals(String regex) {
		Set<String> runs = new LinkedHashSet<>();
		StringBuilder run = new StringBuilder();
		boolean inClass = false;
		for (int i = 0; i < regex.length(); i++) {
			char c = regex.charAt(i);
			Character literal = null;
			if (c == '\\' && i + 1 < regex.length()) {
				char escaped = regex.charAt(++i);
				if (!Character.isLetterOrDigit(escaped)) {
					literal = escaped;
				}
			}
			else if (inClass) {
				inClass = c != ']';
			}
			else if (c == '[') {
				inClass = true;
			}
			else if ("()|*+?{}^$.".indexOf(c) < 0) {
				literal = c;
			}
			if (literal != null && !inClass) {
				run.append(literal.charValue());
			}
			else {
				flush(run, runs);
			}
		}
		flush(run, runs);
		return runs;
	}

	private static void flush(StringBuilder run, Set<String> runs) {
		if (run.length() >= 2) {
			runs.add(run.toString());
		}
		run.setLength(0);
	}

}
