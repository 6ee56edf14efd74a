package dev.faultline.api.issue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.faultline.api.member.People;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.search.SearchSyntaxException;
import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueCriterion.AllOf;
import dev.faultline.storage.metadata.IssueCriterion.Comparison;
import dev.faultline.storage.metadata.IssueCriterion.CountField;
import dev.faultline.storage.metadata.IssueCriterion.CountIs;
import dev.faultline.storage.metadata.IssueCriterion.Not;
import dev.faultline.storage.metadata.IssueCriterion.SeenField;
import dev.faultline.storage.metadata.IssueCriterion.SeenIs;
import dev.faultline.storage.metadata.IssueCriterion.StatusIn;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.Member;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IssueSearchTest {

	private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private static final long ME = 1;

	private static final People PEOPLE = new People(
			List.of(new Member(new User(1, "me@example.com", "Me", "x", NOW), "owner"),
					new Member(new User(3, "bob@example.com", "Bob", "x", NOW), "member")),
			List.of(new Team(2, 1, "backend", "Backend", NOW)), (id) -> Optional.empty());

	@Test
	void withoutQueryListsUnresolvedIssues() {
		IssueSearch search = parse(null);
		assertThat(search.criteria()).containsExactly(new StatusIn(Set.of(IssueStatus.UNRESOLVED)));
		assertThat(search.eventSearch()).isNull();
	}

	@Test
	void statusTermsAreCriteria() {
		assertThat(parse("is:resolved").criteria()).containsExactly(new StatusIn(Set.of(IssueStatus.RESOLVED)));
		assertThat(parse("is:archived").criteria()).containsExactly(new StatusIn(Set.of(IssueStatus.IGNORED)));
		assertThat(parse("!is:unresolved").criteria())
			.containsExactly(new Not(new StatusIn(Set.of(IssueStatus.UNRESOLVED))));
		IssueSearch mixed = parse("  level:error   is:ignored ");
		assertThat(mixed.criteria()).containsExactly(new StatusIn(Set.of(IssueStatus.IGNORED)));
		assertThat(mixed.eventSearch()).isNotNull();
		assertThat(mixed.eventSearch().now()).isEqualTo(NOW);
	}

	@Test
	void queryWithoutIssueTermsListsEveryStatus() {
		assertThat(parse("").criteria()).isEmpty();
		assertThat(parse("TypeError").criteria()).isEmpty();
		assertThat(parse("TypeError").eventSearch()).isNotNull();
	}

	@Test
	void assignmentAndBookmarks() {
		assertThat(parse("is:assigned").criteria()).containsExactly(new IssueCriterion.Assigned());
		assertThat(parse("is:unassigned").criteria()).containsExactly(new Not(new IssueCriterion.Assigned()));
		assertThat(parse("is:bookmarked").criteria()).containsExactly(new IssueCriterion.BookmarkedBy(ME));
		assertThat(parse("bookmarks:me").criteria()).containsExactly(new IssueCriterion.BookmarkedBy(ME));
		assertThat(parse("assigned:me").criteria())
			.containsExactly(new IssueCriterion.AssignedTo(Set.of(new Assignee.User(ME))));
		assertThat(parse("assigned:bob@example.com").criteria())
			.containsExactly(new IssueCriterion.AssignedTo(Set.of(new Assignee.User(3))));
		assertThat(parse("assigned:[me, #backend]").criteria())
			.containsExactly(new IssueCriterion.AssignedTo(Set.of(new Assignee.User(ME), new Assignee.Team(2))));
		assertThat(parse("!assigned:#backend").criteria())
			.containsExactly(new Not(new IssueCriterion.AssignedTo(Set.of(new Assignee.Team(2)))));
	}

	@Test
	void categoryAndTypeTerms() {
		assertThat(parse("issue.category:performance").criteria())
			.containsExactly(new IssueCriterion.CategoryIn(Set.of("performance")));
		assertThat(parse("!issue.category:Performance").criteria())
			.containsExactly(new Not(new IssueCriterion.CategoryIn(Set.of("performance"))));
		assertThat(parse("issue.type:[performance_slow_db_query, error]").criteria())
			.containsExactly(new IssueCriterion.IssueTypeIn(Set.of("performance_slow_db_query", "error")));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> parse("issue.category:crons"))
			.satisfies((ex) -> assertThat(ex.detail()).contains("issue.category").contains("crons"));
	}

	@Test
	void unknownAssigneesAreBadRequests() {
		for (String query : List.of("assigned:nobody@example.com", "assigned:#frontend", "assigned:[me, #nope]")) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> parse(query))
				.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400))
				.satisfies((ex) -> assertThat(ex.detail()).startsWith("assigned: \"")
					.contains("is no member or team of this organization"));
		}
	}

	@Test
	void countsAndTimesAreComparisons() {
		assertThat(parse("times-seen:>10").criteria())
			.containsExactly(new CountIs(CountField.TIMES_SEEN, Comparison.GREATER, 10));
		assertThat(parse("!timesSeen:12").criteria())
			.containsExactly(new Not(new CountIs(CountField.TIMES_SEEN, Comparison.EQUAL, 12)));
		assertThat(parse("last-seen:-2h").criteria())
			.containsExactly(new SeenIs(SeenField.LAST_SEEN, Comparison.GREATER_OR_EQUAL, NOW.minusSeconds(7200)));
		SeenIs from = new SeenIs(SeenField.FIRST_SEEN, Comparison.GREATER_OR_EQUAL,
				Instant.parse("2026-11-20T00:00:00Z"));
		SeenIs until = new SeenIs(SeenField.FIRST_SEEN, Comparison.LESS, Instant.parse("2026-11-21T00:00:00Z"));
		assertThat(parse("firstSeen:2026-11-20").criteria()).containsExactly(new AllOf(List.of(from, until)));
		assertThat(parse("!firstSeen:2026-11-20").criteria()).containsExactly(new Not(new AllOf(List.of(from, until))));
	}

	@Test
	void unsupportedIssueTermsAreBadRequests() {
		for (String query : List.of("firstRelease:1.0", "has:assigned", "is:for_review", "is:linked")) {
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> parse(query))
				.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400))
				.satisfies((ex) -> assertThat(ex.detail()).endsWith("is not supported"));
		}
	}

	@Test
	void unknownIsValueIsASyntaxError() {
		assertThatExceptionOfType(SearchSyntaxException.class).isThrownBy(() -> parse("is:bogus"));
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

	private static IssueSearch parse(String query) {
		return IssueSearch.parse(query, CLOCK, ME, PEOPLE);
	}

}
