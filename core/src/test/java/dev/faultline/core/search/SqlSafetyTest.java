package dev.faultline.core.search;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Values never reach SQL text: whatever a query holds, the SQL is the one compiled for a
 * harmless value, and the value (escaped for LIKE where it is a pattern) is only a
 * parameter.
 */
class SqlSafetyTest {

	private static final List<String> HOSTILE = List.of("'", "''", "\"", "%", "_", "\\", "\\'", "--", "/*", "*/", ";",
			"'; DROP TABLE events; --", "') OR 1=1 --", "x' OR 'a'='a", "?", "{p0:String}", "$1", "`", "\n", "\t\r",
			"\u0000", "100%_off\\", "ünïcødé ✓", "]", "[", ":", "tags['x']");

	/**
	 * Query templates, {@code H} standing for the quoted value; the kind of parameter the
	 * value becomes.
	 */
	private static final List<String[]> TEMPLATES = List.of(new String[] { "release:H", "exact" },
			new String[] { "!level:H", "exact" }, new String[] { "tags[os]:H", "exact" },
			new String[] { "browser.name:H", "exact" }, new String[] { "user.email:[a, H]", "exact" },
			new String[] { "event.type:H", "exact" }, new String[] { "H", "contains" },
			new String[] { "release:\"*V*\"", "contains-wildcard" },
			new String[] { "tags[url]:[\"V*\", b]", "prefix-wildcard" });

	static Stream<Arguments> hostile() {
		Stream.Builder<Arguments> cases = Stream.builder();
		for (String value : HOSTILE) {
			for (String[] template : TEMPLATES) {
				cases.add(arguments(value, template[0], template[1]));
			}
		}
		return cases.build();
	}

	private final SearchParser parser = new SearchParser(Clock.fixed(SearchParserTest.NOW, ZoneOffset.UTC));

	@ParameterizedTest(name = "[{index}] {1} with {0}")
	@MethodSource("hostile")
	void valuesOnlyEverBecomeParameters(String value, String template, String kind) {
		for (SqlDialect dialect : List.of(new DuckDbDialect(), new ClickHouseDialect())) {
			EventFilterCompiler compiler = new EventFilterCompiler(dialect);
			SqlFragment harmless = compiler.compile(terms(template, "harmless"));
			SqlFragment hostile = compiler.compile(terms(template, value));
			assertThat(hostile.sql()).isEqualTo(harmless.sql());
			assertThat(hostile.parameters()).hasSameSizeAs(harmless.parameters());
			Object expected = switch (kind) {
				case "exact" -> value;
				// A star in free text is always a wildcard.
				case "contains" -> LikePatterns.contains(value);
				case "contains-wildcard" -> "%" + LikePatterns.escape(value) + "%";
				default -> LikePatterns.escape(value) + "%";
			};
			assertThat(hostile.parameters()).contains(expected);
		}
	}

	@Test
	void sqlHoldsNoLiteralButTheDialectsOwn() {
		for (SqlDialect dialect : List.of(new DuckDbDialect(), new ClickHouseDialect())) {
			SqlFragment fragment = new EventFilterCompiler(dialect)
				.compile(terms("'; DROP TABLE events; -- release:H tags[os]:H has:browser H timestamp:-1h", "x"));
			// The only quoted literals are '' (empty), '\' (LIKE escape) and 'UTC'.
			String withoutLiterals = fragment.sql().replace("''", "").replace("'\\'", "").replace("'UTC'", "");
			assertThat(withoutLiterals).doesNotContain("'", ";", "--", "DROP");
		}
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			abc      | abc
			100%     | 100\\%
			a_b      | a\\_b
			C:\\dir  | C:\\\\dir
			\\%_     | \\\\\\%\\_
			''       | ''
			""")
	void escapesLikeWildcards(String literal, String escaped) {
		assertThat(LikePatterns.escape(literal)).isEqualTo(escaped);
	}

	@Test
	void buildsPatterns() {
		assertThat(LikePatterns.wildcard(List.of("", "x", ""))).isEqualTo("%x%");
		assertThat(LikePatterns.wildcard(List.of("a%", "_b"))).isEqualTo("a\\%%\\_b");
		assertThat(LikePatterns.contains("Null*Exception")).isEqualTo("%Null%Exception%");
		assertThat(LikePatterns.contains("50%")).isEqualTo("%50\\%%");
	}

	/**
	 * Parses a template with {@code H} replaced by the value quoted, {@code V} by the
	 * value escaped for use inside quotes (stars escaped too, so they stay literal).
	 */
	private List<SearchTerm> terms(String template, String value) {
		String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("*", "\\*");
		String query = template.replace("H", "\"" + escaped + "\"").replace("V", escaped);
		return this.parser.parse(query).classify().eventTerms();
	}

}
