package dev.faultline.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

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
		List<String> findings = new ArrayList<>();
		for (IntFunction<String> generator : AdversarialInputs.forPattern(pattern.regex())) {
			String shorter = generator.apply(LENGTH);
			String longer = generator.apply(2 * LENGTH);
			long once = work(pattern, shorter);
			long twice = work(pattern, longer);
			if (twice > 3 * once && twice > (long) FLOOR_PER_CHAR * longer.length()) {
				findings.add(quote(shorter) + " " + once + " -> " + twice + " reads");
			}
		}
		return findings;
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
