package dev.faultline.core.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Literal text that every match of a regular expression must contain, found by reading
 * the expression once, as requirements that all hold, each a few alternatives of which a
 * match contains at least one. A sequence's literal characters form runs, each a
 * requirement; a character or group made optional ({@code ?}, {@code *},
 * <code>{0,n}</code>) contributes nothing; a group of alternatives contributes one
 * requirement, the union of each alternative's most selective one (nothing when an
 * alternative has none); classes, escapes such as {@code \d}, {@code .} and anchors end a
 * run. The answer is conservative: it may miss a literal, never require one that a match
 * can lack.
 *
 * <p>
 * Used as a pre-filter: a pattern one of whose requirements the input does not meet
 * cannot match, so it is not run at all (uap-core's user-agent rules, most of which name
 * the one product or device they recognize).
 */
final class RequiredLiteral {

	private final String regex;

	private int position;

	private RequiredLiteral(String regex) {
		this.regex = regex;
	}

	/** More alternatives than this make a poor filter: the group gives none. */
	private static final int MAX_ALTERNATIVES = 64;

	/** The most selective requirements kept for an expression. */
	private static final int MAX_REQUIREMENTS = 3;

	/** More selective first: the longer shortest alternative, then fewer alternatives. */
	private static final Comparator<List<String>> SELECTIVE_FIRST = Comparator.comparingInt(RequiredLiteral::shortest)
		.reversed()
		.thenComparingInt(List::size);

	/**
	 * Requirements that every match of {@code regex} meets, the most selective first (at
	 * most {@value #MAX_REQUIREMENTS}): each is a list of literals of which a match
	 * contains at least one. Empty when none was found. An inline {@code (?i)} at the
	 * start is skipped (the caller compares ignoring case); any other inline flag or an
	 * unbalanced expression gives none.
	 */
	static List<List<String>> of(String regex) {
		String body = regex.startsWith("(?i)") ? regex.substring(4) : regex;
		try {
			RequiredLiteral reader = new RequiredLiteral(body);
			List<List<String>> requirements = reader.alternation();
			if (reader.position != body.length()) {
				return List.of();
			}
			return requirements.stream().distinct().sorted(SELECTIVE_FIRST).limit(MAX_REQUIREMENTS).toList();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	// alternation := sequence ('|' sequence)*. One alternative: its requirements.
	// Several:
	// one requirement, the union of each alternative's most selective one (none when an
	// alternative has none).
	private List<List<String>> alternation() {
		List<List<List<String>>> alternatives = new ArrayList<>();
		alternatives.add(sequence());
		while (peek() == '|') {
			this.position++;
			alternatives.add(sequence());
		}
		if (alternatives.size() == 1) {
			return alternatives.get(0);
		}
		List<String> union = new ArrayList<>();
		for (List<List<String>> alternative : alternatives) {
			if (alternative.isEmpty()) {
				return List.of();
			}
			union.addAll(alternative.stream().min(SELECTIVE_FIRST).orElseThrow());
		}
		List<String> distinct = union.stream().distinct().toList();
		return (distinct.size() <= MAX_ALTERNATIVES) ? List.of(distinct) : List.of();
	}

	// Every run of literal characters and every required group's requirements.
	private List<List<String>> sequence() {
		List<List<String>> requirements = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		while (this.position < this.regex.length() && peek() != '|' && peek() != ')') {
			char c = this.regex.charAt(this.position);
			if (c == '(') {
				this.position++;
				List<List<String>> inner = group();
				Quantifier quantifier = quantifier();
				endRun(run, requirements);
				if (quantifier.required()) {
					requirements.addAll(inner);
				}
				continue;
			}
			Character literal = atom();
			Quantifier quantifier = quantifier();
			if (literal == null || !quantifier.required()) {
				endRun(run, requirements);
				continue;
			}
			run.append(literal.charValue());
			if (quantifier.repeats()) {
				endRun(run, requirements);
			}
		}
		endRun(run, requirements);
		return requirements;
	}

	private static void endRun(StringBuilder run, List<List<String>> requirements) {
		if (run.length() > 0) {
			requirements.add(List.of(run.toString()));
			run.setLength(0);
		}
	}

	// After '(': a plain or non-capturing group's requirements; look-around and named
	// groups give none.
	private List<List<String>> group() {
		boolean plain = true;
		if (peek() == '?') {
			plain = this.regex.startsWith("?:", this.position);
			this.position += plain ? 2 : 1;
		}
		List<List<String>> inner = alternation();
		expect(')');
		return plain ? inner : List.of();
	}

	// One atom other than a group: its literal character, or null for a class, an
	// escape
	// that is not a literal, '.', or an anchor.
	private @Nullable Character atom() {
		char c = this.regex.charAt(this.position++);
		switch (c) {
			case '\\' -> {
				if (this.position >= this.regex.length()) {
					throw new IllegalArgumentException("trailing backslash");
				}
				char escaped = this.regex.charAt(this.position++);
				if (!Character.isLetterOrDigit(escaped)) {
					return escaped;
				}
				skipEscapeArgument(escaped);
				return null;
			}
			case '[' -> {
				skipClass();
				return null;
			}
			case '.', '^', '$' -> {
				return null;
			}
			case '*', '+', '?' -> throw new IllegalArgumentException("quantifier without atom");
			default -> {
				// Non-ASCII letters fold differently per engine under (?i): no literal.
				return (c < 0x80) ? c : null;
			}
		}
	}

	// \x41, \x{41}, \u0041, \p{L}, \123: the characters after the letter belong to the
	// escape.
	private void skipEscapeArgument(char escaped) {
		if (peek() == '{' && (escaped == 'x' || escaped == 'p' || escaped == 'P')) {
			int end = this.regex.indexOf('}', this.position);
			if (end < 0) {
				throw new IllegalArgumentException("unterminated escape");
			}
			this.position = end + 1;
			return;
		}
		int length = switch (escaped) {
			case 'x' -> 2;
			case 'u' -> 4;
			case 'p', 'P' -> 1;
			default -> 0;
		};
		this.position = Math.min(this.regex.length(), this.position + length);
		if (Character.isDigit(escaped)) {
			while (Character.isDigit(peek())) {
				this.position++;
			}
		}
	}

	private void skipClass() {
		if (peek() == '^') {
			this.position++;
		}
		if (peek() == ']') {
			this.position++;
		}
		while (this.position < this.regex.length()) {
			char c = this.regex.charAt(this.position++);
			if (c == '\\') {
				this.position++;
			}
			else if (c == '[' && peek() == ':') {
				int end = this.regex.indexOf(":]", this.position);
				if (end < 0) {
					throw new IllegalArgumentException("unterminated class");
				}
				this.position = end + 2;
			}
			else if (c == ']') {
				return;
			}
		}
		throw new IllegalArgumentException("unterminated class");
	}

	private Quantifier quantifier() {
		Quantifier quantifier;
		char c = peek();
		if (c == '?' || c == '*') {
			this.position++;
			quantifier = Quantifier.OPTIONAL;
		}
		else if (c == '+') {
			this.position++;
			quantifier = Quantifier.AT_LEAST_ONCE;
		}
		else if (c == '{' && this.position + 1 < this.regex.length()
				&& Character.isDigit(this.regex.charAt(this.position + 1))) {
			int end = this.regex.indexOf('}', this.position);
			if (end < 0) {
				throw new IllegalArgumentException("unterminated repetition");
			}
			String bounds = this.regex.substring(this.position + 1, end);
			this.position = end + 1;
			int comma = bounds.indexOf(',');
			int min = Integer.parseInt((comma < 0) ? bounds : bounds.substring(0, comma));
			boolean exactlyOnce = comma < 0 && min == 1;
			quantifier = (min == 0) ? Quantifier.OPTIONAL : exactlyOnce ? Quantifier.ONCE : Quantifier.AT_LEAST_ONCE;
		}
		else {
			return Quantifier.ONCE;
		}
		// Lazy and possessive forms change how, not whether, the atom matches.
		if (peek() == '?' || peek() == '+') {
			this.position++;
		}
		return quantifier;
	}

	private char peek() {
		return (this.position < this.regex.length()) ? this.regex.charAt(this.position) : '\0';
	}

	private void expect(char c) {
		if (peek() != c) {
			throw new IllegalArgumentException("expected " + c + " at " + this.position);
		}
		this.position++;
	}

	private static int shortest(List<String> literals) {
		return literals.stream().mapToInt(String::length).min().orElse(0);
	}

	private enum Quantifier {

		ONCE, AT_LEAST_ONCE, OPTIONAL;

		boolean required() {
			return this != OPTIONAL;
		}

		/** The atom may match more than once, so the run cannot go on past it. */
		boolean repeats() {
			return this == AT_LEAST_ONCE;
		}

	}

}
