package dev.faultline.core.grouping;

import java.util.List;
import java.util.regex.Pattern;

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

	private static final List<Rule> RULES = List.of(
			rule("<email>", "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+"),
			rule("<url>", "\\b(?:wss?|https?|ftp)://[^\\s/$.?#][^\\s]*"),
			rule("<ip>",
					"\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"
							+ "|\\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\\b|(?<![\\w:])::1\\b"),
			rule("<uuid>", "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
			rule("<sha1>", "\\b[0-9a-fA-F]{40}\\b"), rule("<md5>", "\\b[0-9a-fA-F]{32}\\b"),
			rule("<date>",
					"\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
							+ "|\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
							+ " \\d{4} \\d{2}:\\d{2}:\\d{2}(?: [+-]\\d{4}| GMT)?"
							+ "|\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b"),
			rule("<hex>", "\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b"),
			rule("<float>", "(?<![\\w.])-?\\d+\\.\\d+\\b"), rule("<int>", "(?<![\\w.])-?\\d+\\b"),
			rule("<quoted_str>", "(?<!\\w)'[^'\\n]{0,200}'(?!\\w)|(?<!\\w)\"[^\"\\n]{0,200}\"(?!\\w)"),
			rule("<bool>", "(?<==)(?:true|false|True|False)\\b"));

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

	private static Rule rule(String placeholder, String regex) {
		return new Rule(placeholder, Pattern.compile(regex));
	}

	private record Rule(String placeholder, Pattern pattern) {

	}

}
