package dev.faultline.core.text;

import java.util.Locale;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles the patterns a project admin writes (advanced data scrubbing rules of type
 * {@code pattern}, the globs of fingerprint and stack-trace rules) onto RE2/J, whose
 * matching time is linear in the input for every pattern: a rule such as {@code (a|aa)*$}
 * or {@code *a*a*a*b} cannot stall the processor, as it could on a backtracking engine.
 * The price is RE2's syntax: no look-around, no back-references, no possessive
 * quantifiers; such a pattern is refused when the rule is saved. Stateless.
 */
public final class UserPatterns {

	private UserPatterns() {
	}

	/**
	 * Compiles a regular expression in RE2 syntax.
	 * @throws IllegalArgumentException with RE2/J's description when the pattern is not
	 * valid RE2 syntax (look-arounds and back-references included)
	 */
	public static Pattern regex(String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(ex.getDescription(), ex);
		}
	}

	/**
	 * Compiles a glob of Sentry's rule syntax, matched against a whole value lower-cased:
	 * {@code *} any run of characters (line breaks included), {@code ?} one character,
	 * anything else literally.
	 */
	public static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder("(?s)");
		StringBuilder literal = new StringBuilder();
		for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '*' || c == '?') {
				regex.append(Pattern.quote(literal.toString()));
				literal.setLength(0);
				regex.append((c == '*') ? ".*" : ".");
			}
			else {
				literal.append(c);
			}
		}
		regex.append(Pattern.quote(literal.toString()));
		return Pattern.compile(regex.toString());
	}

}
