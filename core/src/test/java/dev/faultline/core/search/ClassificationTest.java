package dev.faultline.core.search;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassificationTest {

	private final SearchParser parser = new SearchParser(Clock.fixed(SearchParserTest.NOW, ZoneOffset.UTC));

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			is:unresolved              | ISSUE
			!is:resolved               | ISSUE
			assigned:me                | ISSUE
			assigned:#backend          | ISSUE
			assigned_or_suggested:me   | ISSUE
			bookmarks:me               | ISSUE
			firstSeen:-24h             | ISSUE
			first-seen:-24h            | ISSUE
			age:-24h                   | ISSUE
			lastSeen:+30d              | ISSUE
			last-seen:2026-11-24       | ISSUE
			times-seen:>10             | ISSUE
			timesSeen:10               | ISSUE
			firstRelease:1.0           | ISSUE
			level:error                | EVENT
			release:1.0                | EVENT
			environment:production     | EVENT
			platform:java              | EVENT
			user.email:a@b.c           | EVENT
			user.id:1                  | EVENT
			user.username:jane         | EVENT
			user.ip:1.2.3.4            | EVENT
			title:boom                 | EVENT
			message:boom               | EVENT
			culprit:foo                | EVENT
			transaction:/api           | EVENT
			trace:abc                  | EVENT
			event.id:abc               | EVENT
			event.type:error           | EVENT
			timestamp:-1h              | EVENT
			browser.name:Chrome        | EVENT
			server_name:web-1          | EVENT
			tags[is]:x                 | EVENT
			tags[firstSeen]:x          | EVENT
			has:user.email             | EVENT
			has:browser                | EVENT
			boom                       | EVENT
			"connection reset"         | EVENT
			""")
	void classifiesEachKey(String query, Scope scope) {
		SearchQuery parsed = this.parser.parse(query);
		assertThat(parsed.terms()).singleElement().extracting(SearchTerm::scope).isEqualTo(scope);
		ClassifiedQuery classified = parsed.classify();
		assertThat((scope == Scope.ISSUE) ? classified.issueTerms() : classified.eventTerms())
			.containsExactlyElementsOf(parsed.terms());
		assertThat((scope == Scope.ISSUE) ? classified.eventTerms() : classified.issueTerms()).isEmpty();
	}

	@Test
	void splitsAMixedQueryKeepingOrder() {
		ClassifiedQuery classified = this.parser
			.parse("level:error is:unresolved boom assigned:me tags[os]:linux timesSeen:>3 !has:release")
			.classify();
		assertThat(classified.issueTerms()).map(SearchTerms::render)
			.containsExactly("is = unresolved", "assigned = \"me\"", "timesSeen > 3");
		assertThat(classified.eventTerms()).map(SearchTerms::render)
			.containsExactly("level = \"error\"", "text(boom)", "tags[os] = \"linux\"", "!has(release)");
	}

	@Test
	void emptyQueryHasNoTerms() {
		ClassifiedQuery classified = this.parser.parse("").classify();
		assertThat(classified.issueTerms()).isEmpty();
		assertThat(classified.eventTerms()).isEmpty();
	}

	@Test
	void keysKnowTheirKindAndColumn() {
		assertThat(SearchKey.of("timesSeen").kind()).isEqualTo(SearchKey.Kind.NUMBER);
		assertThat(SearchKey.of("age").kind()).isEqualTo(SearchKey.Kind.TIME);
		assertThat(SearchKey.of("timestamp").kind()).isEqualTo(SearchKey.Kind.TIME);
		assertThat(SearchKey.of("is").kind()).isEqualTo(SearchKey.Kind.IS);
		assertThat(SearchKey.tag("timesSeen").kind()).isEqualTo(SearchKey.Kind.TEXT);
		assertThat(SearchKey.of("user.email").eventField()).contains(EventField.USER_EMAIL);
		assertThat(SearchKey.tag("level").eventField()).isEmpty();
		assertThat(SearchKey.of("firstSeen").eventField()).isEmpty();
		assertThat(SearchKey.of("firstSeen").isTag()).isFalse();
		assertThat(SearchKey.of("browser").isTag()).isTrue();
	}

	@Test
	void classifiedQueryRejectsTermsInTheWrongList() {
		Filter issue = this.parser.parse("is:resolved").filters().get(0);
		Filter event = this.parser.parse("level:error").filters().get(0);
		assertThatThrownBy(() -> new ClassifiedQuery(List.of(event), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ClassifiedQuery(List.of(), List.of(issue)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
