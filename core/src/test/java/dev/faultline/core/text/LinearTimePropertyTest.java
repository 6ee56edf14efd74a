package dev.faultline.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import dev.faultline.core.useragent.UserAgentParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property every registered {@link ClientPattern} must have: on every generated
 * adversarial string ({@link AdversarialInputs}), finding all matches in a string twice
 * as long costs at most three times the work. Work is counted in reads of the input
 * ({@link CountingCharSequence}), never in wall-clock time, so the verdict does not
 * depend on the machine. A linear pattern doubles its work; a quadratic one quadruples
 * it.
 */
class LinearTimePropertyTest {

	static final int LENGTH = 1024;

	/**
	 * Work below this many reads per character of the longer string is never a finding.
	 */
	private static final int FLOOR_PER_CHAR = 2;

	/**
	 * uap-core's 1,179 user-agent rules ({@link UserAgentRules}) run on RE2/J over at
	 * most {@link UserAgentParser#MAX_LENGTH} characters: they are checked at that length
	 * and its half, on every {@value #USER_AGENT_SAMPLING}th generated input (the full
	 * set over every rule takes minutes; RE2/J is linear by construction, so this guards
	 * the registration and the engine, not each rule's wording).
	 */
	private static final String USER_AGENT_RULES = "useragent.";

	private static final int USER_AGENT_SAMPLING = 10;

	static Stream<ClientPattern> registered() {
		return ClientPatterns.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("registered")
	void doublingTheInputAtMostTriplesTheWork(ClientPattern pattern) {
		assertThat(superlinear(pattern)).as("inputs on which %s is super-linear", pattern.name()).isEmpty();
	}

	// The harness must catch the bug it was written for: the URL-credentials pattern
	// DataScrubber had before issue 13 (quadratic on "a+a+a+…").
	@Test
	void flagsTheOldUrlCredentialsPattern() {
		ClientPattern old = ClientPattern.jdk("old.scrub.url-auth",
				"(?i)\\b((?:[a-z0-9+.-]+:)?//)[a-z0-9%_.~!$&'()*+,;=-]+(?::[a-z0-9%_.~!$&'()*+,;=-]*)?@");
		assertThat(superlinear(old)).anyMatch((finding) -> finding.startsWith("\"a+a+"));
	}

	// A word before "@": quadratic on a backtracking engine (every start scans the rest
	// of the word), linear on RE2/J.
	@Test
	void flagsAQuadraticPatternOnTheJdkEngineOnly() {
		assertThat(superlinear(ClientPattern.jdk("jdk.word-at", "[a-z]+@"))).isNotEmpty();
		assertThat(superlinear(ClientPattern.re2j("re2j.word-at", "[a-z]+@"))).isEmpty();
	}

	@Test
	void everyPatternIsRegisteredOnce() {
		List<String> names = ClientPatterns.all().stream().map(ClientPattern::name).toList();
		assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThan(40);
	}

	/**
	 * The inputs (their first characters, with the work at both lengths) on which the
	 * pattern's work grows more than three-fold when the input doubles.
	 */
	static List<String> superlinear(ClientPattern pattern) {
		boolean userAgentRule = pattern.name().startsWith(USER_AGENT_RULES);
		int length = userAgentRule ? UserAgentParser.MAX_LENGTH / 2 : LENGTH;
		List<IntFunction<String>> generators = AdversarialInputs.forPattern(pattern.regex());
		if (userAgentRule) {
			generators = everyNth(generators, USER_AGENT_SAMPLING);
		}
		List<String> findings = new ArrayList<>();
		for (IntFunction<String> generator : generators) {
			String shorter = generator.apply(length);
			String longer = generator.apply(2 * length);
			long once = work(pattern, shorter);
			long twice = work(pattern, longer);
			if (twice > 3 * once && twice > (long) FLOOR_PER_CHAR * longer.length()) {
				findings.add(quote(shorter) + " " + once + " -> " + twice + " reads");
			}
		}
		return findings;
	}

	private static <T> List<T> everyNth(List<T> all, int n) {
		List<T> some = new ArrayList<>();
		for (int i = 0; i < all.size(); i += n) {
			some.add(all.get(i));
		}
		return some;
	}

	private static long work(ClientPattern pattern, String text) {
		CountingCharSequence input = new CountingCharSequence(text);
		pattern.findAll(input);
		return input.reads();
	}

	private static String quote(String text) {
		String start = text.substring(0, Math.min(24, text.length())).replace("\n", "\\n").replace("\t", "\\t");
		return "\"" + start + "…\"";
	}

}
