package dev.faultline.core.scrub;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.faultline.core.text.ClientPatterns;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gate may let through text its pattern does not match, never the reverse: over random
 * texts made of the pieces the patterns look for, every match has its gate open.
 */
class ScrubGatesTest {

	private static final List<String> PIECES = List.of("Bearer ", "bEaReR\t", "token", "Password", "api-key", "=",
			" = ", ":", "\"", "'", " ", "-", "4111", "1111", "078", "05", "1120", "42", "7", "x", "&", ";", "@",
			"https://", "é", "\n", "PASSWD", "secret", "ApiKey", "AUTH", "credentials", "mysql_pwd", "mysql-pwd",
			"private-key", "PrivateKey", "x_", ".", "0", "123");

	@Test
	void noPatternMatchesTextItsGateRefuses() {
		Random random = new Random(20261207);
		int opened = 0;
		for (int i = 0; i < 50_000; i++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(12);
			for (int p = 0; p < pieces; p++) {
				text.append(PIECES.get(random.nextInt(PIECES.size())));
			}
			String candidate = text.toString();
			opened += check(candidate, ClientPatterns.SCRUB_BEARER.jdk(), ScrubGates::mayHoldBearer);
			opened += check(candidate, ClientPatterns.SCRUB_KEY_VALUE.jdk(), ScrubGates::mayHoldKeyValue);
			opened += check(candidate, ClientPatterns.SCRUB_CARD.jdk(), ScrubGates::mayHoldCard);
			opened += check(candidate, ClientPatterns.SCRUB_US_SSN.jdk(), ScrubGates::mayHoldSsn);
		}
		// The texts exercise the patterns: many matched (and so had to pass their gate).
		assertThat(opened).isGreaterThan(10_000);
	}

	@Test
	void ordinaryTextPassesNoGate() {
		for (String text : List.of("Order 4711 failed for customer 33", "GET /api/items/12", "handle3",
				"shop.orders.Service12", "IllegalStateException", "Connection reset by peer",
				"{\"id\": 17640287, \"at\": \"2026-11-24T23:58:40Z\"}", "cart=3&size=17", "build 2026-12-07 17:00")) {
			assertThat(ScrubGates.mayHoldBearer(text)).isFalse();
			assertThat(ScrubGates.mayHoldKeyValue(text)).isFalse();
			assertThat(ScrubGates.mayHoldCard(text)).isFalse();
			assertThat(ScrubGates.mayHoldSsn(text)).isFalse();
		}
	}

	@Test
	void caseIsIgnoredForLetters() {
		assertThat(ScrubGates.containsIgnoreCase("auth: BEARER abc", "bearer")).isTrue();
		assertThat(ScrubGates.containsIgnoreCase("beare", "bearer")).isFalse();
		assertThat(ScrubGates.containsIgnoreCase("", "bearer")).isFalse();
	}

	/** Returns 1 when the pattern matched (its gate is then required to be open). */
	private static int check(String text, Pattern pattern, Predicate<String> gate) {
		if (pattern.matcher(text).find()) {
			assertThat(gate.test(text)).as("gate for %s on %s", pattern, text).isTrue();
			return 1;
		}
		return 0;
	}

}
