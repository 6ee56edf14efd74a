package dev.faultline.core.search;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EventFilterCompilerTest {

	private static final long NOW_MS = SearchParserTest.NOW.toEpochMilli();

	private static final long DAY_START = Instant.parse("2026-11-24T00:00:00Z").toEpochMilli();

	private static final long DAY_END = Instant.parse("2026-11-25T00:00:00Z").toEpochMilli();

	private static final String LIKE = " ESCAPE '\\'";

	private final SearchParser parser = new SearchParser(Clock.fixed(SearchParserTest.NOW, ZoneOffset.UTC));

	private final EventFilterCompiler duckDb = new EventFilterCompiler(new DuckDbDialect());

	private final EventFilterCompiler clickHouse = new EventFilterCompiler(new ClickHouseDialect());

	/**
	 * Query, DuckDB SQL, ClickHouse SQL, parameters (the same for both unless a fifth
	 * column gives ClickHouse's).
	 */
	static Stream<Arguments> cases() {
		return Stream.of(c("", "1 = 1", "1 = 1", List.of()),
				c("level:error", "\"level\" = ?", "`level` = {p0:String}", List.of("error")),
				c("!level:info", "\"level\" <> ?", "`level` <> {p0:String}", List.of("info")),
				c("release:1.0", "coalesce(\"release\", '') = ?", "coalesce(`release`, '') = {p0:String}",
						List.of("1.0")),
				c("release:\"\"", "coalesce(\"release\", '') = ?", "coalesce(`release`, '') = {p0:String}",
						List.of("")),
				c("release:!=1.0", "coalesce(\"release\", '') <> ?", "coalesce(`release`, '') <> {p0:String}",
						List.of("1.0")),
				c("!release:!=1.0", "coalesce(\"release\", '') = ?", "coalesce(`release`, '') = {p0:String}",
						List.of("1.0")),
				c("release:1.0.*", "coalesce(\"release\", '') LIKE ?" + LIKE,
						"coalesce(`release`, '') LIKE {p0:String}", List.of("1.0.%")),
				c("!release:1_0*", "NOT (coalesce(\"release\", '') LIKE ?" + LIKE + ")",
						"NOT (coalesce(`release`, '') LIKE {p0:String})", List.of("1\\_0%")),
				c("environment:prod*", "coalesce(\"environment\", '') LIKE ?" + LIKE,
						"coalesce(`environment`, '') LIKE {p0:String}", List.of("prod%")),
				c("level:[error,fatal]", "\"level\" IN (?, ?)", "`level` IN ({p0:String}, {p1:String})",
						List.of("error", "fatal")),
				c("!level:[a*,b]", "NOT (\"level\" IN (?) OR \"level\" LIKE ?" + LIKE + ")",
						"NOT (`level` IN ({p0:String}) OR `level` LIKE {p1:String})", List.of("b", "a%")),
				c("level:[*x]", "\"level\" LIKE ?" + LIKE, "`level` LIKE {p0:String}", List.of("%x")),
				c("tags[os]:linux", "coalesce(\"tags\"[?], '') = ?", "`tags`[{p0:String}] = {p1:String}",
						List.of("os", "linux")),
				c("tags[level]:debug", "coalesce(\"tags\"[?], '') = ?", "`tags`[{p0:String}] = {p1:String}",
						List.of("level", "debug")),
				c("!browser.name:Chrome", "coalesce(\"tags\"[?], '') <> ?", "`tags`[{p0:String}] <> {p1:String}",
						List.of("browser.name", "Chrome")),
				c("url:*/checkout*", "coalesce(\"tags\"[?], '') LIKE ?" + LIKE, "`tags`[{p0:String}] LIKE {p1:String}",
						List.of("url", "%/checkout%")),
				c("has:browser", "map_contains(\"tags\", ?)", "mapContains(`tags`, {p0:String})", List.of("browser")),
				c("!has:tags[level]", "NOT (map_contains(\"tags\", ?))", "NOT (mapContains(`tags`, {p0:String}))",
						List.of("level")),
				c("has:user.email", "coalesce(\"user_email\", '') <> ''", "coalesce(`user_email`, '') <> ''",
						List.of()),
				c("!has:release", "NOT (coalesce(\"release\", '') <> '')", "NOT (coalesce(`release`, '') <> '')",
						List.of()),
				c("has:title", "\"title\" <> ''", "`title` <> ''", List.of()),
				c("user.email:jane@example.com", "coalesce(\"user_email\", '') = ?",
						"coalesce(`user_email`, '') = {p0:String}", List.of("jane@example.com")),
				c("user.ip:1.2.3.4", "coalesce(\"user_ip_address\", '') = ?",
						"coalesce(`user_ip_address`, '') = {p0:String}", List.of("1.2.3.4")),
				c("user.username:jane", "coalesce(\"user_username\", '') = ?",
						"coalesce(`user_username`, '') = {p0:String}", List.of("jane")),
				c("user.id:42", "coalesce(\"user_id\", '') = ?", "coalesce(`user_id`, '') = {p0:String}",
						List.of("42")),
				c("trace:abc", "coalesce(\"trace_id\", '') = ?", "coalesce(`trace_id`, '') = {p0:String}",
						List.of("abc")),
				c("event.id:abc", "\"event_id\" = ?", "`event_id` = {p0:String}", List.of("abc")),
				c("platform:java", "\"platform\" = ?", "`platform` = {p0:String}", List.of("java")),
				c("title:Boom", "\"title\" = ?", "`title` = {p0:String}", List.of("Boom")),
				c("message:*timeout*", "\"message\" LIKE ?" + LIKE, "`message` LIKE {p0:String}", List.of("%timeout%")),
				c("culprit:app.main", "\"culprit\" = ?", "`culprit` = {p0:String}", List.of("app.main")),
				c("transaction:/api/*", "coalesce(\"transaction_name\", '') LIKE ?" + LIKE,
						"coalesce(`transaction`, '') LIKE {p0:String}", List.of("/api/%")),
				arguments("event.type:error", "coalesce(json_extract_string(\"payload\", ?), '') = ?",
						"coalesce(JSONExtractString(`payload`, {p0:String}), '') = {p1:String}",
						List.of("$.type", "error"), List.of("type", "error")),
				c("boom",
						"(\"title\" ILIKE ?" + LIKE + " OR \"message\" ILIKE ?" + LIKE + " OR \"culprit\" ILIKE ?"
								+ LIKE + ")",
						"(`title` ILIKE {p0:String} OR `message` ILIKE {p1:String} OR `culprit` ILIKE {p2:String})",
						List.of("%boom%", "%boom%", "%boom%")),
				c("Null*Exception",
						"(\"title\" ILIKE ?" + LIKE + " OR \"message\" ILIKE ?" + LIKE + " OR \"culprit\" ILIKE ?"
								+ LIKE + ")",
						"(`title` ILIKE {p0:String} OR `message` ILIKE {p1:String} OR `culprit` ILIKE {p2:String})",
						List.of("%Null%Exception%", "%Null%Exception%", "%Null%Exception%")),
				c("timestamp:-1h", "\"timestamp\" >= epoch_ms(?::BIGINT)",
						"`timestamp` >= fromUnixTimestamp64Milli({p0:Int64}, 'UTC')", List.of(NOW_MS - 3_600_000)),
				c("timestamp:+7d", "\"timestamp\" <= epoch_ms(?::BIGINT)",
						"`timestamp` <= fromUnixTimestamp64Milli({p0:Int64}, 'UTC')",
						List.of(NOW_MS - 7 * 86_400_000L)),
				c("timestamp:<2026-11-24", "\"timestamp\" < epoch_ms(?::BIGINT)",
						"`timestamp` < fromUnixTimestamp64Milli({p0:Int64}, 'UTC')", List.of(DAY_START)),
				c("timestamp:>=2026-11-24T00:00:00Z", "\"timestamp\" >= epoch_ms(?::BIGINT)",
						"`timestamp` >= fromUnixTimestamp64Milli({p0:Int64}, 'UTC')", List.of(DAY_START)),
				rangeCase("timestamp:2026-11-24", false), rangeCase("!timestamp:2026-11-24", true),
				rangeCase("timestamp:!=2026-11-24", true), rangeCase("!timestamp:!=2026-11-24", false),
				c("level:error release:1.0 boom tags[os]:linux",
						"\"level\" = ? AND coalesce(\"release\", '') = ? AND (\"title\" ILIKE ?" + LIKE
								+ " OR \"message\" ILIKE ?" + LIKE + " OR \"culprit\" ILIKE ?" + LIKE
								+ ") AND coalesce(\"tags\"[?], '') = ?",
						"`level` = {p0:String} AND coalesce(`release`, '') = {p1:String} AND (`title` ILIKE {p2:String}"
								+ " OR `message` ILIKE {p3:String} OR `culprit` ILIKE {p4:String})"
								+ " AND `tags`[{p5:String}] = {p6:String}",
						List.of("error", "1.0", "%boom%", "%boom%", "%boom%", "os", "linux")));
	}

	private static Arguments c(String query, String duckDbSql, String clickHouseSql, List<Object> parameters) {
		return arguments(query, duckDbSql, clickHouseSql, parameters, null);
	}

	private static Arguments rangeCase(String query, boolean outside) {
		String duck = "(\"timestamp\" >= epoch_ms(?::BIGINT) AND \"timestamp\" < epoch_ms(?::BIGINT))";
		String click = "(`timestamp` >= fromUnixTimestamp64Milli({p0:Int64}, 'UTC') AND `timestamp` < "
				+ "fromUnixTimestamp64Milli({p1:Int64}, 'UTC'))";
		return c(query, outside ? "NOT " + duck : duck, outside ? "NOT " + click : click, List.of(DAY_START, DAY_END));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void compilesForBothDialects(String query, String duckDbSql, String clickHouseSql, List<Object> parameters,
			List<Object> clickHouseParameters) {
		List<SearchTerm> terms = this.parser.parse(query).classify().eventTerms();
		SqlFragment duck = this.duckDb.compile(terms);
		assertThat(duck.sql()).isEqualTo(duckDbSql);
		assertThat(duck.parameters()).containsExactlyElementsOf(parameters);
		SqlFragment click = this.clickHouse.compile(terms);
		assertThat(click.sql()).isEqualTo(clickHouseSql);
		List<Object> expected = (clickHouseParameters != null) ? clickHouseParameters : parameters;
		assertThat(click.parameters()).containsExactlyElementsOf(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(click.namedParameters()).containsEntry("p" + i, expected.get(i));
		}
	}

	@Test
	void rejectsIssueTerms() {
		List<SearchTerm> terms = this.parser.parse("is:unresolved").terms();
		assertThatThrownBy(() -> this.duckDb.compile(terms)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("metadata store");
	}

	@Test
	void namedParametersFollowPlaceholderOrder() {
		SqlFragment fragment = this.clickHouse.compile(this.parser.parse("level:error tags[os]:linux").terms());
		assertThat(fragment.namedParameters()).containsExactly(Map.entry("p0", "error"), Map.entry("p1", "os"),
				Map.entry("p2", "linux"));
	}

	@Test
	void dialectsQuoteIdentifiers() {
		assertThat(new DuckDbDialect().quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
		assertThat(new ClickHouseDialect().quoteIdentifier("a`b\\")).isEqualTo("`a\\`b\\\\`");
	}

}
