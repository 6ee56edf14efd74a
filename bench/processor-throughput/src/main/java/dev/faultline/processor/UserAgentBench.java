package dev.faultline.processor;

import java.util.ArrayList;
import java.util.List;

import dev.faultline.core.text.UserAgentRules;
import dev.faultline.core.useragent.UserAgentParser;
import ua_parser.Parser;

/**
 * The user-agent stage's cost per distinct agent (no cache hit): Faultline's parser
 * (uap-core's rules on RE2/J behind the literal pre-filter) against uap-java's reference
 * parser (the same rules on the JDK engine, every rule tried), on real agents and on
 * hostile 512-character ones, including one stuffed with as many rule literals as fit.
 * Prints microseconds per agent, the median of the rounds.
 *
 * <p>
 * Run: {@code java -cp … dev.faultline.processor.UserAgentBench [rounds]}.
 */
public final class UserAgentBench {

	private static final List<String> REAL = List.of(
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
			"Mozilla/5.0 (Linux; Android 14; Pixel 8 Pro) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
			"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "python-requests/2.31.0",
			"okhttp/4.12.0");

	private UserAgentBench() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		List<String> hostile = List.of("a+".repeat(256), "; ".repeat(256), "Mozilla/5.0 (".repeat(40).substring(0, 512),
				"a.".repeat(256), "1.".repeat(256), literalStuffed());
		Parser reference = new Parser();
		System.out.printf("%-34s %14s %14s%n", "agents", "faultline µs", "uap-java µs");
		report("real (8 browsers, bots, libraries)", REAL, rounds, reference);
		report("hostile, 512 chars (6 shapes)", hostile, rounds, reference);
	}

	private static void report(String label, List<String> agents, int rounds, Parser reference) {
		List<Double> ours = new ArrayList<>();
		List<Double> theirs = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			UserAgentParser parser = new UserAgentParser();
			long start = System.nanoTime();
			for (String agent : agents) {
				parser.parse(agent);
			}
			ours.add((System.nanoTime() - start) / 1_000.0 / agents.size());
			start = System.nanoTime();
			for (String agent : agents) {
				reference.parse(agent);
			}
			theirs.add((System.nanoTime() - start) / 1_000.0 / agents.size());
		}
		System.out.printf("%-34s %14.1f %14.1f%n", label, median(ours), median(theirs));
	}

	// As many distinct rule literals as fit in 512 characters, shortest first: the
	// agent that makes the most rules pass the pre-filter.
	private static String literalStuffed() {
		StringBuilder agent = new StringBuilder();
		UserAgentRules.all()
			.stream()
			.flatMap((rule) -> rule.requirements().stream())
			.flatMap(List::stream)
			.filter((literal) -> literal.length() >= 3)
			.distinct()
			.sorted((a, b) -> Integer.compare(a.length(), b.length()))
			.forEach((literal) -> {
				if (agent.length() + literal.length() + 1 <= 512) {
					agent.append(literal).append(' ');
				}
			});
		return agent.toString();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

}
