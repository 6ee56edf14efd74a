package dev.faultline.api.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.faultline.api.web.ApiException;
import dev.faultline.core.search.SearchSyntaxException;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IssueSearchTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void withoutQueryListsUnresolvedIssues() {
		IssueSearch search = IssueSearch.parse(null, CLOCK);
		assertThat(search.status()).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(search.onlyStatus()).isTrue();
	}

	@Test
	void readsTheIsTermAmongOthers() {
		assertThat(IssueSearch.parse("is:resolved", CLOCK).status()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(IssueSearch.parse("is:resolved", CLOCK).onlyStatus()).isTrue();
		IssueSearch mixed = IssueSearch.parse("  level:error   is:ignored ", CLOCK);
		assertThat(mixed.status()).isEqualTo(IssueStatus.IGNORED);
		assertThat(mixed.onlyStatus()).isFalse();
		assertThat(mixed.eventSearch()).isNotNull();
		assertThat(IssueSearch.parse("is:archived", CLOCK).status()).isEqualTo(IssueStatus.IGNORED);
	}

	@Test
	void queryWithoutIsTermListsEveryStatus() {
		assertThat(IssueSearch.parse("", CLOCK).status()).isNull();
		assertThat(IssueSearch.parse("", CLOCK).onlyStatus()).isTrue();
		assertThat(IssueSearch.parse("TypeError", CLOCK).status()).isNull();
	}

	@Test
	void issueTermsMatchInJava() {
		Issue issue = issue(IssueStatus.UNRESOLVED, 12, Instant.parse("2026-11-20T00:00:00Z"),
				Instant.parse("2026-11-24T23:00:00Z"));
		assertThat(IssueSearch.parse("times-seen:>10", CLOCK).matches(issue)).isTrue();
		assertThat(IssueSearch.parse("timesSeen:>12", CLOCK).matches(issue)).isFalse();
		assertThat(IssueSearch.parse("timesSeen:12", CLOCK).matches(issue)).isTrue();
		assertThat(IssueSearch.parse("last-seen:-2h", CLOCK).matches(issue)).isTrue();
		assertThat(IssueSearch.parse("lastSeen:+2h", CLOCK).matches(issue)).isFalse();
		assertThat(IssueSearch.parse("first-seen:+1d", CLOCK).matches(issue)).isTrue();
		assertThat(IssueSearch.parse("firstSeen:2026-11-20", CLOCK).matches(issue)).isTrue();
		assertThat(IssueSearch.parse("firstSeen:<2026-11-19", CLOCK).matches(issue)).isFalse();
		assertThat(IssueSearch.parse("!is:resolved", CLOCK).matches(issue)).isTrue();
		assertThat(IssueSearch.parse("is:resolved is:unresolved", CLOCK).matches(issue)).isFalse();
	}

	@Test
	void unsupportedIssueTermsAreBadRequests() {
		for (String query : List.of("assigned:me", "bookmarks:me", "is:assigned", "firstRelease:1.0", "has:assigned")) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> IssueSearch.parse(query, CLOCK))
				.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400))
				.satisfies((ex) -> assertThat(ex.detail()).endsWith("is not supported yet"));
		}
	}

	@Test
	void unknownIsValueIsASyntaxError() {
		assertThatExceptionOfType(SearchSyntaxException.class).isThrownBy(() -> IssueSearch.parse("is:bogus", CLOCK));
	}

	private static Issue issue(IssueStatus status, long timesSeen, Instant firstSeen, Instant lastSeen) {
		return new Issue(1, 1, 1, "hash", "title", "culprit", "error", "error", Map.of(), status, timesSeen, 1,
				firstSeen, lastSeen);
	}

	@Test
	void sortsByName() {
		assertThat(IssueSearch.sort(null)).isEqualTo(IssueSort.DATE);
		assertThat(IssueSearch.sort("date")).isEqualTo(IssueSort.DATE);
		assertThat(IssueSearch.sort("new")).isEqualTo(IssueSort.NEW);
		assertThat(IssueSearch.sort("freq")).isEqualTo(IssueSort.FREQ);
		assertThat(IssueSearch.sort("user")).isEqualTo(IssueSort.USER);
		assertThat(IssueSearch.sort("priority")).isEqualTo(IssueSort.DATE);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> IssueSearch.sort("random"));
	}

}
