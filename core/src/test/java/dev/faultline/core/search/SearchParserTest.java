package dev.faultline.core.search;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SearchParserTest {

	static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

	private final SearchParser parser = new SearchParser(Clock.fixed(NOW, ZoneOffset.UTC));

	static Stream<Arguments> valid() {
		return Stream.of(
				// Empty queries match everything.
				arguments("", ""), arguments("   ", ""), arguments("\"\"", ""),
				// is: and its aliases; values ignore case, keys do not.
				arguments("is:unresolved", "is = unresolved"), arguments("is:resolved", "is = resolved"),
				arguments("is:ignored", "is = ignored"), arguments("is:archived", "is = ignored"),
				arguments("is:muted", "is = ignored"), arguments("is:assigned", "is = assigned"),
				arguments("is:unassigned", "is = unassigned"), arguments("is:bookmarked", "is = bookmarked"),
				arguments("is:for_review", "is = for_review"), arguments("is:linked", "is = linked"),
				arguments("is:unlinked", "is = unlinked"), arguments("is:Unresolved", "is = unresolved"),
				arguments("is:\"resolved\"", "is = resolved"), arguments("!is:resolved", "!is = resolved"),
				arguments("is:resolved is:unassigned", "is = resolved & is = unassigned"),
				// Assignment and bookmarks.
				arguments("assigned:me", "assigned = \"me\""),
				arguments("assigned:#backend", "assigned = \"#backend\""),
				arguments("assigned:jane@example.com", "assigned = \"jane@example.com\""),
				arguments("assigned:[me,none]", "assigned IN [\"me\", \"none\"]"),
				arguments("assigned_or_suggested:me", "assigned_or_suggested = \"me\""),
				arguments("bookmarks:me", "bookmarks = \"me\""),
				// Text values: bare, quoted, escaped, wildcards, lists, operators.
				arguments("level:error", "level = \"error\""), arguments("!level:info", "!level = \"info\""),
				arguments("level:[error, fatal]", "level IN [\"error\", \"fatal\"]"),
				arguments("level:[ error , fatal ]", "level IN [\"error\", \"fatal\"]"),
				arguments("level:[error,\"a b\",fa*]", "level IN [\"error\", \"a b\", \"fa\"*\"\"]"),
				arguments("release:1.0.*", "release = \"1.0.\"*\"\""), arguments("release:*", "release = \"\"*\"\""),
				arguments("environment:prod*uction*", "environment = \"prod\"*\"uction\"*\"\""),
				arguments("release:\"my release\"", "release = \"my release\""),
				arguments("release:\"\"", "release = \"\""),
				arguments("message:\"say \\\"hi\\\"\"", "message = \"say \"hi\"\""),
				arguments("message:\"C:\\\\path\"", "message = \"C:\\path\""),
				arguments("message:\"50\\*\"", "message = \"50*\""), arguments("url:*\\*star", "url = \"\"*\"*star\""),
				arguments("url:a\\b", "url = \"a\\b\""), arguments("release:!=1.0", "release != \"1.0\""),
				arguments("release:=1.0", "release = \"1.0\""), arguments("release:!1.0", "release = \"!1.0\""),
				arguments("release:\">1.0\"", "release = \">1.0\""), arguments("!release:!=1.0", "!release != \"1.0\""),
				arguments("environment:production", "environment = \"production\""),
				arguments("transaction:/api/*", "transaction = \"/api/\"*\"\""),
				arguments("culprit:\"com.example.Foo in bar\"", "culprit = \"com.example.Foo in bar\""),
				arguments("\tlevel:error\n", "level = \"error\""),
				// Key aliases.
				arguments("user.email:jane@example.com", "user.email = \"jane@example.com\""),
				arguments("user.ip_address:1.2.3.4", "user.ip = \"1.2.3.4\""),
				arguments("user.id:42", "user.id = \"42\""), arguments("trace.id:abc", "trace = \"abc\""),
				arguments("id:abc", "event.id = \"abc\""), arguments("event.type:error", "event.type = \"error\""),
				arguments("first-release:1.0", "firstRelease = \"1.0\""),
				// Tags.
				arguments("browser.name:Chrome", "browser.name = \"Chrome\""),
				arguments("tags[level]:debug", "tags[level] = \"debug\""),
				arguments("tags[sentry:user]:id:5", "tags[sentry:user] = \"id:5\""),
				arguments("!tags[os]:[linux,mac*]", "!tags[os] IN [\"linux\", \"mac\"*\"\"]"),
				arguments("http://example.com", "http = \"//example.com\""),
				// has:
				arguments("has:user.email", "has(user.email)"), arguments("!has:release", "!has(release)"),
				arguments("has:tags[level]", "has(tags[level])"), arguments("has:browser", "has(browser)"),
				// Relative times: - is within the last, + is longer ago than.
				arguments("first-seen:-24h", "firstSeen >= 2026-11-24T02:00:00Z"),
				arguments("firstSeen:-24h", "firstSeen >= 2026-11-24T02:00:00Z"),
				arguments("age:-24h", "firstSeen >= 2026-11-24T02:00:00Z"),
				arguments("first_seen:-30m", "firstSeen >= 2026-11-25T01:30:00Z"),
				arguments("lastSeen:+30d", "lastSeen <= 2026-10-26T02:00:00Z"),
				arguments("last-seen:-2w", "lastSeen >= 2026-11-11T02:00:00Z"),
				arguments("age:+1h", "firstSeen <= 2026-11-25T01:00:00Z"),
				arguments("!firstSeen:-24h", "!firstSeen >= 2026-11-24T02:00:00Z"),
				arguments("firstSeen:\"-24h\"", "firstSeen >= 2026-11-24T02:00:00Z"),
				arguments("timestamp:-1h", "timestamp >= 2026-11-25T01:00:00Z"),
				// Absolute times: a bare date is its UTC day, a bare timestamp five
				// minutes either side.
				arguments("firstSeen:2026-11-24", "firstSeen = [2026-11-24T00:00:00Z, 2026-11-25T00:00:00Z)"),
				arguments("firstSeen:!=2026-11-24", "firstSeen != [2026-11-24T00:00:00Z, 2026-11-25T00:00:00Z)"),
				arguments("firstSeen:>2026-11-24", "firstSeen > 2026-11-24T00:00:00Z"),
				arguments("lastSeen:<=2026-11-24T10:00:00Z", "lastSeen <= 2026-11-24T10:00:00Z"),
				arguments("lastSeen:>=2026-11-24T10:00:00+02:00", "lastSeen >= 2026-11-24T08:00:00Z"),
				arguments("lastSeen:<2026-11-24T10:00:00.5", "lastSeen < 2026-11-24T10:00:00.500Z"),
				arguments("lastSeen:2026-11-24T10:00:00Z", "lastSeen = [2026-11-24T09:55:00Z, 2026-11-24T10:05:00Z)"),
				// Numbers.
				arguments("times-seen:>10", "timesSeen > 10"), arguments("timesSeen:10", "timesSeen = 10"),
				arguments("timesSeen:>=1k", "timesSeen >= 1000"), arguments("timesSeen:<2M", "timesSeen < 2000000"),
				arguments("times_seen:!=5", "timesSeen != 5"), arguments("timesSeen:<=0", "timesSeen <= 0"),
				arguments("timesSeen:\"10\"", "timesSeen = 10"),
				// Free text.
				arguments("timeout", "text(timeout)"), arguments("\"connection reset\"", "text(connection reset)"),
				arguments("database timeout", "text(database) & text(timeout)"),
				arguments("Null*Exception", "text(Null*Exception)"), arguments("!foo", "text(!foo)"),
				arguments(":foo", "text(:foo)"), arguments("\"a \\\"b\\\"\"", "text(a \"b\")"),
				// Everything together, in query order.
				arguments("is:unresolved level:error \"boom\" release:1.0 timesSeen:>3 !has:user.email",
						"is = unresolved & level = \"error\" & text(boom) & release = \"1.0\" & timesSeen > 3"
								+ " & !has(user.email)"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valid")
	void parsesValidQueries(String query, String expected) {
		assertThat(SearchTerms.render(this.parser.parse(query))).isEqualTo(expected);
	}

	static Stream<Arguments> invalid() {
		return Stream.of(arguments("level:", 6, "empty value for level:"),
				arguments("level: error", 6, "empty value for level:"),
				arguments("level:error level:", 18, "empty value for level:"),
				arguments("release:\"1.0", 8, "unterminated quote"),
				arguments("\"unterminated", 0, "unterminated quote"),
				arguments("level:error \"abc", 12, "unterminated quote"),
				arguments("lastSeen:\"2026-11-24", 9, "unterminated quote"),
				arguments("is:whatever", 3, "unknown is: value 'whatever'"),
				arguments("!is:nope", 4, "unknown is: value 'nope'"), arguments("is:unres*", 3, "no wildcards"),
				arguments("is:[resolved]", 3, "takes one value"), arguments("is:", 3, "empty value for is:"),
				arguments("firstSeen:-24x", 10, "bad relative time '-24x'"),
				arguments("firstSeen:-h", 10, "bad relative time"), arguments("firstSeen:+24", 10, "bad relative time"),
				arguments("age:--24h", 4, "bad relative time"),
				arguments("firstSeen:-9999999999h", 10, "bad relative time"),
				arguments("firstSeen:>-24h", 10, "bad operator"), arguments("firstSeen:yesterday", 10, "bad time"),
				arguments("firstSeen:2026-13-01", 10, "no such day"),
				arguments("firstSeen:>2026-02-30", 11, "no such day"),
				arguments("lastSeen:>=nonsense", 11, "bad time 'nonsense'"), arguments("firstSeen:", 10, "empty value"),
				arguments("firstSeen:>", 11, "empty value"), arguments("firstSeen:[2026-11-24]", 10, "takes one value"),
				arguments("timesSeen:>>10", 10, "bad operator '>>'"),
				arguments("timesSeen:=>10", 10, "bad operator '=>'"),
				arguments("timesSeen:<>10", 10, "bad operator '<>'"),
				arguments("timesSeen:ten", 10, "expected a whole number"),
				arguments("timesSeen:>", 11, "expected a whole number"),
				arguments("timesSeen:10.5", 10, "expected a whole number"),
				arguments("timesSeen:9999999999999999", 10, "expected a whole number"),
				arguments("timesSeen:999999999999999M", 10, "number too large"),
				arguments("timesSeen:[1,2]", 10, "takes one value"), arguments("level:>error", 6, "bad operator '>'"),
				arguments("level:<=error", 6, "bad operator '<='"), arguments("level:!=", 8, "empty value"),
				arguments("level:[error", 6, "unterminated list"), arguments("level:[error,", 6, "unterminated list"),
				arguments("level:[]", 7, "empty value in list"), arguments("level:[a,,b]", 9, "empty value in list"),
				arguments("level:[a,]", 9, "empty value in list"), arguments("level:[a b]", 9, "expected ',' or ']'"),
				arguments("level:[\"a\"b]", 10, "expected ',' or ']'"),
				arguments("level:\"error\"x", 13, "expected a space"), arguments("level:[a]b", 9, "expected a space"),
				arguments("tags[foo:bar", 0, "unterminated tags["), arguments("tags[]:x", 5, "empty tag name"),
				arguments("tags[a b]:x", 5, "bad tag name 'a b'"),
				arguments("tags[foo]bar", 9, "expected ':' after tags[foo]"),
				arguments("tags[foo]:", 10, "empty value for tags[foo]:"), arguments("has:", 4, "empty value for has:"),
				arguments("!has:", 5, "empty value for has:"),
				arguments("has:\"x\"", 4, "has: takes a field or tag name"),
				arguments("has:tags[", 4, "has: takes a field or tag name"),
				arguments("has:foo:bar", 7, "expected a space"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void rejectsInvalidQueriesNamingThePosition(String query, int position, String reason) {
		assertThatThrownBy(() -> this.parser.parse(query)).isInstanceOfSatisfying(SearchSyntaxException.class, (ex) -> {
			assertThat(ex.position()).isEqualTo(position);
			assertThat(ex.reason()).contains(reason);
			assertThat(ex.getMessage()).endsWith("(at position " + position + ")");
		});
	}

	@Test
	void rejectsOverlongQueries() {
		assertThatThrownBy(() -> this.parser.parse("a".repeat(SearchParser.MAX_LENGTH + 1))).isInstanceOfSatisfying(
				SearchSyntaxException.class, (ex) -> assertThat(ex.position()).isEqualTo(SearchParser.MAX_LENGTH));
		assertThat(this.parser.parse("a".repeat(SearchParser.MAX_LENGTH)).terms()).hasSize(1);
	}

	@Test
	void resolvesRelativeTimesAgainstTheClockOfEachParse() {
		Clock later = Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC);
		Filter filter = new SearchParser(later).parse("age:-1h").filters().get(0);
		assertThat(filter.value()).isEqualTo(new SearchValue.Time(NOW));
	}

	@Test
	void exposesTypedTerms() {
		SearchQuery query = this.parser.parse("!level:info timesSeen:>10 tags[level]:x boom");
		assertThat(query.filters()).containsExactly(
				new Filter(SearchKey.of("level"), Operator.EQUALS, new SearchValue.Text("info"), true),
				new Filter(SearchKey.of("timesSeen"), Operator.GREATER, new SearchValue.Number(10), false),
				Filter.equal(SearchKey.tag("level"), new SearchValue.Text("x")));
		assertThat(query.freeText()).containsExactly(new FreeText("boom"));
		assertThat(query.filters().get(0).excludes()).isTrue();
		assertThat(query.filters().get(2).key().isTag()).isTrue();
		assertThat(query.filters().get(0).key().isTag()).isFalse();
	}

	@Test
	void modelRejectsInconsistentFilters() {
		SearchKey level = SearchKey.of("level");
		assertThatThrownBy(() -> new Filter(level, Operator.GREATER, new SearchValue.Text("a"), false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Filter(level, Operator.IN, new SearchValue.Text("a"), false))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Filter.equal(level, new SearchValue.ValueList(List.of(new SearchValue.Text("a")))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SearchValue.Wildcard(List.of("a"))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SearchValue.ValueList(List.of(new SearchValue.Number(1))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SearchValue.TimeRange(NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SearchKey("a b", false)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FreeText("")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void namesSorts() {
		assertThat(IssueSort.fromParameter("date")).contains(IssueSort.LAST_SEEN);
		assertThat(IssueSort.fromParameter("new")).contains(IssueSort.FIRST_SEEN);
		assertThat(IssueSort.fromParameter("freq")).contains(IssueSort.EVENTS);
		assertThat(IssueSort.fromParameter("user")).contains(IssueSort.USERS);
		assertThat(IssueSort.fromParameter("priority")).isEmpty();
		assertThat(IssueSort.USERS.parameter()).isEqualTo("user");
	}

}
