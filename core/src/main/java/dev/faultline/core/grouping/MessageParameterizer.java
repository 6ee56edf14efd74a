package dev.faultline.core.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.faultline.core.text.ClientPattern;
import dev.faultline.core.text.ClientPatterns;

/**
 * Replaces the variable parts of a message by placeholders so that messages that differ
 * only in ids, numbers, addresses or times group together. The patterns follow Sentry's
 * {@code grouping/parameterization.py}, in its order: emails, URLs, IPs, UUIDs, SHA-1 and
 * MD5 sums, dates and times, hex numbers, floats, integers, quoted strings, and booleans
 * after {@code =}. Stateless and thread-safe.
 */
public final class MessageParameterizer {

	/** Longer input is cut before matching, to bound the work per event. */
	static final int MAX_LENGTH = 4096;

	// The patterns are registered in ClientPatterns (where the linear-time property test
	// checks each), named "param.<placeholder>".
	private static final List<Rule> RULES = rules();

	/**
	 * Returns the message with its parameters replaced by placeholders such as
	 * {@code <int>} or {@code <uuid>}.
	 */
	public String parameterize(String message) {
		String result = (message.length() > MAX_LENGTH) ? message.substring(0, MAX_LENGTH) : message;
		for (Rule rule : RULES) {
			result = rule.pattern().matcher(result).replaceAll(rule.placeholder());
		}
		return result;
	}

	private static List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		for (ClientPattern pattern : ClientPatterns.MESSAGE_PARAMETERS) {
			String placeholder = "<" + pattern.name().substring("param.".length()).replace('-', '_') + ">";
			rules.add(new Rule(placeholder, pattern.jdk()));
		}
		return List.copyOf(rules);
	}

	private record Rule(String placeholder, Pattern pattern) {

	}

}
