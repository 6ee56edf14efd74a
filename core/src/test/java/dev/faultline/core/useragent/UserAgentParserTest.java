package dev.faultline.core.useragent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import dev.faultline.core.text.UserAgentRule;
import dev.faultline.core.text.UserAgentRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua_parser.Client;
import ua_parser.Parser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RE2/J parser with its literal pre-filter answers exactly what uap-java's reference
 * parser (the JDK engine, every rule tried) answers, over a corpus of real agents.
 */
class UserAgentParserTest {

	private static final Parser REFERENCE = new Parser();

	private final UserAgentParser parser = new UserAgentParser();

	static Stream<String> agents() throws IOException {
		try (InputStream in = UserAgentParserTest.class.getResourceAsStream("/useragent/agents.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.toList()
				.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("agents")
	void answersAsTheReferenceParser(String agent) {
		Client expected = REFERENCE.parse(agent);
		ParsedUserAgent parsed = this.parser.parse(agent);

		String browser = expected.userAgent.family;
		if ("Other".equals(browser)) {
			assertThat(parsed.browser()).isNull();
		}
		else {
			assertThat(parsed.browser()).isNotNull();
			assertThat(parsed.browser().family()).isEqualTo(browser);
			assertThat(parsed.browser().major()).isEqualTo(expected.userAgent.major);
			assertThat(parsed.browser().minor()).isEqualTo(expected.userAgent.minor);
			assertThat(parsed.browser().patch()).isEqualTo(expected.userAgent.patch);
		}
		if ("Other".equals(expected.os.family)) {
			assertThat(parsed.os()).isNull();
		}
		else {
			assertThat(parsed.os()).isNotNull();
			assertThat(parsed.os().family()).isEqualTo(expected.os.family);
			assertThat(parsed.os().major()).isEqualTo(expected.os.major);
			assertThat(parsed.os().minor()).isEqualTo(expected.os.minor);
			assertThat(parsed.os().patch()).isEqualTo(expected.os.patch);
			assertThat(parsed.os().patchMinor()).isEqualTo(expected.os.patchMinor);
		}
		assertThat(parsed.device()).isEqualTo("Other".equals(expected.device.family) ? null : expected.device.family);
	}

	// The pre-filter is only sound if every rule that matches an agent has one of its
	// literals in that agent: checked rule by rule, not only through the first match that
	// wins.
	@ParameterizedTest
	@MethodSource("agents")
	void everyMatchingRuleContainsItsLiteral(String agent) {
		String lowerCased = agent.toLowerCase(java.util.Locale.ROOT);
		for (UserAgentRule rule : UserAgentRules.all()) {
			if (rule.pattern().re2j().matcher(agent).find()) {
				assertThat(rule.mayMatch(agent, lowerCased)).as("%s on %s", rule.pattern(), agent).isTrue();
			}
		}
	}

	@Test
	void mostRulesHaveALiteral() {
		List<UserAgentRule> rules = UserAgentRules.all();
		long withLiteral = rules.stream().filter((rule) -> !rule.requirements().isEmpty()).count();
		assertThat(rules).hasSizeGreaterThan(1000);
		assertThat(withLiteral).isGreaterThan(rules.size() * 9 / 10);
	}

	@Test
	void readsReadableVersions() {
		ParsedUserAgent parsed = this.parser.parse(
				"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36");
		assertThat(parsed.browser().family()).isEqualTo("Chrome");
		assertThat(parsed.browser().version()).isEqualTo("120.0.6099");
		assertThat(parsed.os().family()).isEqualTo("Mac OS X");
		assertThat(parsed.os().version()).isEqualTo("10.15.7");
		assertThat(parsed.device()).isEqualTo("Mac");
	}

	@Test
	void readsOnlyTheFirstCharactersOfALongAgent() {
		String longAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0 "
				+ "x".repeat(100_000);
		assertThat(this.parser.parse(longAgent).browser().family()).isEqualTo("Firefox");
		assertThat(this.parser.parse("a+".repeat(10_000))).isEqualTo(ParsedUserAgent.UNKNOWN);
	}

}
