package dev.faultline.storage.tck.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.storage.metadata.Assignee;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueCriterion.Comparison;
import dev.faultline.storage.metadata.IssueCriterion.CountField;
import dev.faultline.storage.metadata.IssueCriterion.SeenField;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.StatusChange;
import dev.faultline.storage.metadata.StatusDetails;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of the issue workflow in the metadata port: status changes with their
 * details and the rules that undo them (regressions, ignore wake-ups), assignees,
 * bookmarks, subscriptions, comments and list criteria.
 *
 * <p>
 * Beyond the port's Javadoc, the suite pins down: ignore counts without a window count
 * from the ignore (users new to the issue for {@code ignoreUserCount}, as Sentry does);
 * windowed counts count the events within the window up to the new event, not before the
 * ignore.
 */
public abstract class IssueWorkflowContract extends IssueWorkflowFixture {

	// ---- status changes
	// ----------------------------------------------------------------

	@Test
	void statusChangesSetDetailsAndRecordActivitiesWithTheActor() {
		Issue issue = issue("a");
		this.clock.advance(Duration.ofMinutes(1));

		Issue resolved = issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("1.2.0"), this.ann.id())
			.orElseThrow();
		assertThat(resolved.status()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(resolved.statusDetails())
			.isEqualTo(new StatusDetails("1.2.0", false, null, null, null, null, null, this.ann.id()));
		assertThat(last(issue)).satisfies((activity) -> {
			assertThat(activity.type()).isEqualTo(IssueActivity.SET_RESOLVED_IN_RELEASE);
			assertThat(activity.data()).containsExactlyEntriesOf(Map.of("version", "1.2.0"));
			assertThat(activity.userId()).isEqualTo(this.ann.id());
			assertThat(activity.at()).isEqualTo(T0.plusSeconds(60));
		});

		Instant until = T0.plus(Duration.ofDays(1));
		Issue ignored = issues()
			.updateStatus(issue.id(), new StatusChange.Ignore(until, 10L, 60, 5L, 30), this.bob.id())
			.orElseThrow();
		assertThat(ignored.status()).isEqualTo(IssueStatus.IGNORED);
		assertThat(ignored.statusDetails())
			.isEqualTo(new StatusDetails(null, false, until, 10L, 60, 5L, 30, this.bob.id()));
		assertThat(last(issue).type()).isEqualTo(IssueActivity.SET_IGNORED);
		assertThat(last(issue).data()).containsExactlyInAnyOrderEntriesOf(Map.of("ignoreUntil", until.toString(),
				"ignoreCount", "10", "ignoreWindow", "60", "ignoreUserCount", "5", "ignoreUserWindow", "30"));

		Issue reopened = issues().updateStatus(issue.id(), new StatusChange.Unresolve(), this.ann.id()).orElseThrow();
		assertThat(reopened.statusDetails()).isEqualTo(StatusDetails.NONE);
		assertThat(issues().findById(issue.id())).contains(reopened);
		assertThat(types(issue)).containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.SET_RESOLVED_IN_RELEASE,
				IssueActivity.SET_IGNORED, IssueActivity.SET_UNRESOLVED);
	}

	@Test
	void settingTheSameStatusAndDetailsAgainRecordsNothing() {
		Issue issue = issue("a");
		issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("1.0"), this.ann.id());
		issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("1.0"), this.bob.id());
		issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("1.1"), this.ann.id());
		issues().updateStatus(issue.id(), StatusChange.Ignore.FOREVER, null);
		issues().updateStatus(issue.id(), IssueStatus.IGNORED);

		assertThat(types(issue)).containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.SET_RESOLVED_IN_RELEASE,
				IssueActivity.SET_RESOLVED_IN_RELEASE, IssueActivity.SET_IGNORED);
		assertThat(reload(issue).statusDetails()).isEqualTo(StatusDetails.NONE);
		assertThat(issues().updateStatus(issue.id() + 1000, new StatusChange.Resolve(), null)).isEmpty();
	}

	@Test
	void aPlainResolutionRegressesOnAnyEventAndNamesItsRelease() {
		Issue issue = issue("a");
		issues().updateStatus(issue.id(), new StatusChange.Resolve(), this.ann.id());

		assertThat(occur(issue, "e1", T0.plusSeconds(5), null, "2.0.0")).isTrue();

		Issue reopened = reload(issue);
		assertThat(reopened.status()).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(reopened.statusDetails()).isEqualTo(StatusDetails.NONE);
		assertThat(last(issue)).satisfies((activity) -> {
			assertThat(activity.type()).isEqualTo(IssueActivity.SET_REGRESSION);
			assertThat(activity.data())
				.containsExactlyInAnyOrderEntriesOf(Map.of("event_id", "e1", "version", "2.0.0"));
			assertThat(activity.userId()).isNull();
			assertThat(activity.at()).isEqualTo(T0.plusSeconds(5));
		});
	}

	@Test
	void aResolutionInASemanticVersionRegressesOnlyOnALaterVersion() {
		Issue issue = issue("a");
		issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("my-app@1.2.9"), null);

		occur(issue, "e1", T0, null, "my-app@1.2.9");
		occur(issue, "e2", T0, null, "my-app@1.2.1");
		occur(issue, "e3", T0, null, null);
		occur(issue, "e4", T0, null, "my-app@1.2.10-beta.1");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(reload(issue).timesSeen()).isEqualTo(4);
		assertThat(last(issue).data()).containsEntry("event_id", "e4");

		issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("2.0.0"), null);
		// a pre-release ranks below its release, and 1.10 above 1.9
		occur(issue, "e5", T0, null, "2.0.0-rc.2");
		occur(issue, "e6", T0, null, "1.99.0");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.RESOLVED);
		occur(issue, "e7", T0, null, "2.0.1");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.UNRESOLVED);
	}

	@Test
	void aResolutionInAnOtherVersionRegressesOnAReleaseFirstSeenLater() {
		Issue issue = issue("a");
		occur(issue, "e1", T0, null, "abc123");
		this.clock.advance(Duration.ofMinutes(1));
		occur(issue, "e2", T0, null, "def456");
		this.clock.advance(Duration.ofMinutes(1));
		issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("def456"), null);

		occur(issue, "e3", T0, null, "abc123");
		occur(issue, "e4", T0, null, "def456");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.RESOLVED);
		this.clock.advance(Duration.ofMinutes(1));
		occur(issue, "e5", T0, null, "fed789");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.UNRESOLVED);
	}

	@Test
	void aResolutionInAnUnknownReleaseComparesWithTheResolutionTime() {
		Issue issue = issue("a");
		occur(issue, "e1", T0, null, "abc123");
		this.clock.advance(Duration.ofMinutes(1));
		issues().updateStatus(issue.id(), new StatusChange.ResolveInRelease("not-deployed-yet"), null);

		occur(issue, "e2", T0, null, "abc123");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.RESOLVED);
		this.clock.advance(Duration.ofMinutes(1));
		occur(issue, "e3", T0, null, "fed789");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.UNRESOLVED);
	}

	@Test
	void aResolutionInTheNextReleaseRegressesOnlyOnAReleaseFirstSeenAfterIt() {
		Issue issue = issue("a");
		occur(issue, "e1", T0, null, "1.0.0");
		occur(issue, "e2", T0.plusSeconds(1), null, "1.1.0");
		this.clock.advance(Duration.ofMinutes(1));

		Issue resolved = issues().updateStatus(issue.id(), new StatusChange.ResolveInNextRelease(), this.ann.id())
			.orElseThrow();
		assertThat(resolved.statusDetails())
			.isEqualTo(new StatusDetails("1.1.0", true, null, null, null, null, null, this.ann.id()));
		assertThat(last(issue).data())
			.containsExactlyInAnyOrderEntriesOf(Map.of("inNextRelease", "true", "version", "1.1.0"));

		occur(issue, "e3", T0.plusSeconds(2), null, null);
		occur(issue, "e4", T0.plusSeconds(3), null, "1.0.0");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.RESOLVED);
		this.clock.advance(Duration.ofMinutes(1));
		occur(issue, "e5", T0.plusSeconds(4), null, "0.9.0-hotfix");
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(last(issue).data()).containsEntry("version", "0.9.0-hotfix");
	}

	@Test
	void aResolutionInTheNextReleaseOfAnIssueWithoutReleasesHasNoVersion() {
		Issue issue = issue("a");
		occur(issue, "e1", T0, null, null);

		Issue resolved = issues().updateStatus(issue.id(), new StatusChange.ResolveInNextRelease(), null).orElseThrow();
		assertThat(resolved.statusDetails())
			.isEqualTo(new StatusDetails(null, true, null, null, null, null, null, null));
		assertThat(last(issue).data()).containsExactlyEntriesOf(Map.of("inNextRelease", "true"));
	}

	// ---- ignore conditions ---------------------------------------------------------

	@Test
	void anIssueIgnoredForNEventsWakesAtTheNthEventAfterTheIgnore() {
		Issue issue = issue("a");
		occur(issue, "e1", T0, null, null);
		occur(issue, "e2", T0, null, null);
		issues().updateStatus(issue.id(), new StatusChange.Ignore(null, 2L, null, null, null), this.ann.id());

		occur(issue, "e3", T0.plusSeconds(1), null, null);
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.IGNORED);
		occur(issue, "e4", T0.plusSeconds(2), null, null);

		assertWokeUp(issue, "ignore_count");
	}

	@Test
	void anIssueIgnoredForNEventsInAWindowWakesWhenTheyFallWithinIt() {
		Issue issue = issue("a");
		issues().updateStatus(issue.id(), new StatusChange.Ignore(null, 2L, 10, null, null), null);

		occur(issue, "e1", T0.plus(Duration.ofMinutes(1)), null, null);
		occur(issue, "e2", T0.plus(Duration.ofMinutes(20)), null, null);
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.IGNORED);
		occur(issue, "e3", T0.plus(Duration.ofMinutes(25)), null, null);

		assertWokeUp(issue, "ignore_count");
	}

	@Test
	void anIssueIgnoredForNUsersWakesAtTheNthNewUser() {
		Issue issue = issue("a");
		occur(issue, "e1", T0, "id:known", null);
		issues().updateStatus(issue.id(), new StatusChange.Ignore(null, null, null, 2L, null), null);

		occur(issue, "e2", T0.plusSeconds(1), "id:known", null);
		occur(issue, "e3", T0.plusSeconds(2), "id:1", null);
		occur(issue, "e4", T0.plusSeconds(3), null, null);
		occur(issue, "e5", T0.plusSeconds(4), "id:1", null);
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.IGNORED);
		occur(issue, "e6", T0.plusSeconds(5), "id:2", null);

		assertWokeUp(issue, "ignore_user_count");
	}

	@Test
	void anIssueIgnoredForNUsersInAWindowWakesWhenTheyFallWithinIt() {
		Issue issue = issue("a");
		issues().updateStatus(issue.id(), new StatusChange.Ignore(null, null, null, 2L, 10), null);

		occur(issue, "e1", T0.plus(Duration.ofMinutes(1)), "id:1", null);
		occur(issue, "e2", T0.plus(Duration.ofMinutes(30)), "id:2", null);
		occur(issue, "e3", T0.plus(Duration.ofMinutes(31)), "id:2", null);
		assertThat(reload(issue).status()).isEqualTo(IssueStatus.IGNORED);
		occur(issue, "e4", T0.plus(Duration.ofMinutes(35)), "id:3", null);

		assertWokeUp(issue, "ignore_user_count");
	}

	@Test
	void anIssueIgnoredUntilATimeWakesAtAnEventOfThatTimeOrLater() {
		Issue byEventTime = issue("a");
		Issue byClock = issue("b");
		Instant until = T0.plus(Duration.ofHours(1));
		issues().updateStatus(byEventTime.id(), new StatusChange.Ignore(until, null, null, null, null), null);
		issues().updateStatus(byClock.id(), new StatusChange.Ignore(until, null, null, null, null), null);

		occur(byEventTime, "e1", until.minusSeconds(1), null, null);
		occur(byClock, "e2", until.minusSeconds(1), null, null);
		assertThat(reload(byEventTime).status()).isEqualTo(IssueStatus.IGNORED);
		occur(byEventTime, "e3", until, null, null);
		assertWokeUp(byEventTime, "ignore_until");

		this.clock.advance(Duration.ofHours(2));
		occur(byClock, "e4", until.minusSeconds(1), null, null);
		assertWokeUp(byClock, "ignore_until");
	}

	@Test
	void wakeExpiredIgnoresWakesIssuesWhoseTimeHasCome() {
		Issue soon = issue("a");
		Issue later = issue("b");
		Issue forever = issue("c");
		Instant hour = T0.plus(Duration.ofHours(1));
		issues().updateStatus(soon.id(), new StatusChange.Ignore(hour, null, null, null, null), null);
		issues().updateStatus(later.id(), new StatusChange.Ignore(hour.plusSeconds(1), 5L, null, null, null), null);
		issues().updateStatus(forever.id(), StatusChange.Ignore.FOREVER, null);

		assertThat(issues().wakeExpiredIgnores(hour.minusMillis(1))).isZero();
		assertThat(issues().wakeExpiredIgnores(hour)).isEqualTo(1);
		assertThat(issues().wakeExpiredIgnores(hour)).isZero();

		assertWokeUp(soon, "ignore_until");
		assertThat(last(soon).at()).isEqualTo(hour);
		assertThat(reload(later).status()).isEqualTo(IssueStatus.IGNORED);
		assertThat(issues().wakeExpiredIgnores(hour.plus(Duration.ofDays(365)))).isEqualTo(1);
		assertThat(reload(forever).status()).isEqualTo(IssueStatus.IGNORED);
	}

	// ---- assignees, bookmarks, subscriptions, comments
	// ----------------------------------

	@Test
	void assigningRecordsActivitiesAndSubscribesTheUser() {
		Issue issue = issue("a");

		Issue assigned = issues().assign(issue.id(), new Assignee.User(this.bob.id()), this.ann.id()).orElseThrow();
		assertThat(assigned.assignee()).isEqualTo(new Assignee.User(this.bob.id()));
		assertThat(last(issue)).satisfies((activity) -> {
			assertThat(activity.type()).isEqualTo(IssueActivity.ASSIGNED);
			assertThat(activity.data()).containsExactlyInAnyOrderEntriesOf(
					Map.of("assignee", String.valueOf(this.bob.id()), "assigneeType", "user"));
			assertThat(activity.userId()).isEqualTo(this.ann.id());
		});
		assertThat(issues().subscribedAmong(this.bob.id(), List.of(issue.id()))).containsExactly(issue.id());

		issues().assign(issue.id(), new Assignee.User(this.bob.id()), this.ann.id());
		Issue toTeam = issues().assign(issue.id(), new Assignee.Team(this.team.id()), null).orElseThrow();
		assertThat(toTeam.assignee()).isEqualTo(new Assignee.Team(this.team.id()));
		assertThat(last(issue).data()).containsEntry("assigneeType", "team")
			.containsEntry("assignee", String.valueOf(this.team.id()));
		assertThat(issues().assign(issue.id(), null, this.ann.id()).orElseThrow().assignee()).isNull();
		assertThat(types(issue)).containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.ASSIGNED,
				IssueActivity.ASSIGNED, IssueActivity.UNASSIGNED);
		assertThat(issues().assign(issue.id() + 1000, null, null)).isEmpty();
	}

	@Test
	void onlyMembersAndTeamsOfTheIssuesOrganizationCanBeAssigned() {
		Issue issue = issue("a");
		User stranger = this.stores.users().create("carol@example.com", "Carol", "hash");
		Organization other = this.stores.organizations().create("other", "Other");
		Team otherTeam = this.stores.organizations().createTeam(other.id(), "core", "Core");
		this.stores.organizations().addMember(other.id(), stranger.id(), "owner");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> issues().assign(issue.id(), new Assignee.User(stranger.id()), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> issues().assign(issue.id(), new Assignee.Team(otherTeam.id()), null));
		assertThat(reload(issue).assignee()).isNull();
		assertThat(types(issue)).containsExactly(IssueActivity.FIRST_SEEN);
	}

	@Test
	void bookmarksAndSubscriptionsArePerUserAndIdempotent() {
		Issue a = issue("a");
		Issue b = issue("b");
		issues().setBookmarked(a.id(), this.ann.id(), true);
		issues().setBookmarked(a.id(), this.ann.id(), true);
		issues().setBookmarked(b.id(), this.bob.id(), true);
		issues().setSubscribed(b.id(), this.ann.id(), true);
		issues().setSubscribed(b.id(), this.ann.id(), true);

		assertThat(issues().bookmarkedAmong(this.ann.id(), List.of(a.id(), b.id()))).containsExactly(a.id());
		assertThat(issues().subscribedAmong(this.ann.id(), List.of(a.id(), b.id()))).containsExactly(b.id());
		assertThat(issues().bookmarkedAmong(this.ann.id(), List.of())).isEmpty();

		issues().setBookmarked(a.id(), this.ann.id(), false);
		issues().setBookmarked(a.id(), this.ann.id(), false);
		issues().setSubscribed(b.id(), this.ann.id(), false);
		assertThat(issues().bookmarkedAmong(this.ann.id(), List.of(a.id(), b.id()))).isEmpty();
		assertThat(issues().subscribedAmong(this.ann.id(), List.of(a.id(), b.id()))).isEmpty();
		assertThat(issues().bookmarkedAmong(this.bob.id(), List.of(a.id(), b.id()))).containsExactly(b.id());
	}

	@Test
	void commentsAreNotesThatOnlyTheirAuthorEditsOrDeletes() {
		Issue issue = issue("a");
		Issue quiet = issue("b");
		this.clock.advance(Duration.ofMinutes(1));

		IssueActivity note = issues().addComment(issue.id(), this.ann.id(), "looks like **the cache**");
		assertThat(note.type()).isEqualTo(IssueActivity.NOTE);
		assertThat(note.data()).containsExactlyEntriesOf(Map.of("text", "looks like **the cache**"));
		assertThat(note.userId()).isEqualTo(this.ann.id());
		assertThat(note.at()).isEqualTo(T0.plusSeconds(60));
		assertThat(last(issue)).isEqualTo(note);
		assertThat(issues().subscribedAmong(this.ann.id(), List.of(issue.id()))).containsExactly(issue.id());
		issues().addComment(issue.id(), this.bob.id(), "agreed");
		assertThat(issues().commentCounts(List.of(issue.id(), quiet.id())))
			.containsExactlyEntriesOf(Map.of(issue.id(), 2));

		assertThat(issues().editComment(issue.id(), note.id(), this.bob.id(), "hijacked")).isEmpty();
		assertThat(issues().editComment(quiet.id(), note.id(), this.ann.id(), "wrong issue")).isEmpty();
		assertThat(issues().editComment(issue.id(), note.id(), this.ann.id(), "the cache"))
			.hasValueSatisfying((edited) -> {
				assertThat(edited.id()).isEqualTo(note.id());
				assertThat(edited.data()).containsEntry("text", "the cache");
				assertThat(edited.at()).isEqualTo(note.at());
			});
		assertThat(issues().deleteComment(issue.id(), note.id(), this.bob.id())).isFalse();
		assertThat(issues().deleteComment(issue.id(), note.id(), this.ann.id())).isTrue();
		assertThat(issues().deleteComment(issue.id(), note.id(), this.ann.id())).isFalse();
		assertThat(issues().commentCounts(List.of(issue.id()))).containsExactlyEntriesOf(Map.of(issue.id(), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> issues().addComment(issue.id() + 1000, this.ann.id(), "nobody"));
	}

	// ---- list criteria
	// -----------------------------------------------------------------

	/**
	 * A: unresolved, assigned to Bob, bookmarked by Ann, 3 events, 2 users, seen
	 * +10s..+30s. B: resolved, assigned to the team, subscribed by Ann, 1 event, 1 user,
	 * +20s..+20s. C: ignored, unassigned, 0 events, seen +5s.
	 */
	@Test
	void listCriteriaCombineWithEveryOrder() {
		Issue a = issue("a", T0.plusSeconds(10));
		Issue b = issue("b", T0.plusSeconds(20));
		Issue c = issue("c", T0.plusSeconds(5));
		occur(a, "a1", T0.plusSeconds(10), "id:1", null);
		occur(a, "a2", T0.plusSeconds(20), "id:2", null);
		occur(a, "a3", T0.plusSeconds(30), null, null);
		occur(b, "b1", T0.plusSeconds(20), "id:1", null);
		issues().updateStatus(b.id(), IssueStatus.RESOLVED);
		issues().updateStatus(c.id(), IssueStatus.IGNORED);
		issues().assign(a.id(), new Assignee.User(this.bob.id()), null);
		issues().assign(b.id(), new Assignee.Team(this.team.id()), null);
		issues().setBookmarked(a.id(), this.ann.id(), true);
		issues().setSubscribed(b.id(), this.ann.id(), true);

		assertThat(list(IssueSort.DATE, new IssueCriterion.StatusIn(Set.of(IssueStatus.RESOLVED, IssueStatus.IGNORED))))
			.containsExactly(b.id(), c.id());
		assertThat(list(IssueSort.FREQ, new IssueCriterion.Assigned())).containsExactly(a.id(), b.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.Not(new IssueCriterion.Assigned()))).containsExactly(c.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.AssignedTo(Set.of(new Assignee.User(this.bob.id())))))
			.containsExactly(a.id());
		assertThat(list(IssueSort.DATE,
				new IssueCriterion.AssignedTo(
						Set.of(new Assignee.User(this.ann.id()), new Assignee.Team(this.team.id())))))
			.containsExactly(b.id());
		assertThat(list(IssueSort.DATE,
				new IssueCriterion.Not(new IssueCriterion.AssignedTo(Set.of(new Assignee.User(this.bob.id()))))))
			.containsExactly(b.id(), c.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.BookmarkedBy(this.ann.id()))).containsExactly(a.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.BookmarkedBy(this.bob.id()))).isEmpty();
		assertThat(list(IssueSort.DATE, new IssueCriterion.SubscribedBy(this.ann.id()))).containsExactly(b.id());
		assertThat(list(IssueSort.NEW, new IssueCriterion.Not(new IssueCriterion.SubscribedBy(this.ann.id()))))
			.containsExactly(a.id(), c.id());

		assertThat(list(IssueSort.USER, count(CountField.TIMES_SEEN, Comparison.GREATER, 0))).containsExactly(a.id(),
				b.id());
		assertThat(list(IssueSort.DATE, count(CountField.TIMES_SEEN, Comparison.EQUAL, 1))).containsExactly(b.id());
		assertThat(list(IssueSort.DATE, count(CountField.TIMES_SEEN, Comparison.NOT_EQUAL, 1))).containsExactly(a.id(),
				c.id());
		assertThat(list(IssueSort.DATE, count(CountField.USER_COUNT, Comparison.GREATER_OR_EQUAL, 1)))
			.containsExactly(a.id(), b.id());
		assertThat(list(IssueSort.DATE, count(CountField.USER_COUNT, Comparison.LESS, 2))).containsExactly(b.id(),
				c.id());
		assertThat(list(IssueSort.DATE, count(CountField.TIMES_SEEN, Comparison.LESS_OR_EQUAL, 1)))
			.containsExactly(b.id(), c.id());

		IssueCriterion seenFrom = seen(SeenField.FIRST_SEEN, Comparison.GREATER_OR_EQUAL, T0.plusSeconds(10));
		IssueCriterion seenUntil = seen(SeenField.FIRST_SEEN, Comparison.LESS, T0.plusSeconds(20));
		assertThat(list(IssueSort.NEW, seenFrom)).containsExactly(b.id(), a.id());
		assertThat(list(IssueSort.NEW, seenFrom, seenUntil)).containsExactly(a.id());
		assertThat(list(IssueSort.NEW, new IssueCriterion.Not(new IssueCriterion.AllOf(List.of(seenFrom, seenUntil)))))
			.containsExactly(b.id(), c.id());
		assertThat(list(IssueSort.DATE, seen(SeenField.LAST_SEEN, Comparison.GREATER, T0.plusSeconds(20))))
			.containsExactly(a.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.AllOf(List.of()))).containsExactly(a.id(), b.id(), c.id());

		assertThat(list(IssueSort.FREQ, new IssueCriterion.IdIn(Set.of(c.id(), a.id())))).containsExactly(a.id(),
				c.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.IdIn(Set.of()))).isEmpty();
		assertThat(list(IssueSort.DATE, new IssueCriterion.Not(new IssueCriterion.IdIn(Set.of()))))
			.containsExactly(a.id(), b.id(), c.id());
		assertThat(ids(issues().listForProjects(List.of(this.project.id()),
				new IssueQuery(List.of(new IssueCriterion.Assigned(),
						new IssueCriterion.StatusIn(Set.of(IssueStatus.UNRESOLVED))), IssueSort.DATE, 0, 10))))
			.containsExactly(a.id());
	}

	@Test
	void issuesAreListedByCategoryAndType() {
		Issue error = issue("e");
		Issue message = issues()
			.findOrCreate(new NewIssue(this.project.id(), "m", "A message", "", "info", "default", Map.of(), T0))
			.orElseThrow();
		Issue nPlusOne = issues()
			.findOrCreate(new NewIssue(this.project.id(), "n", "N+1 Query", "GET /authors", "info",
					"performance_n_plus_one_db_queries", Map.of(), T0))
			.orElseThrow();
		Issue slow = issues()
			.findOrCreate(new NewIssue(this.project.id(), "s", "Slow DB Query", "GET /report", "info",
					"performance_slow_db_query", Map.of(), T0))
			.orElseThrow();
		// a type that only looks like the prefix to an unescaped LIKE ('_' is any
		// character)
		Issue lookalike = issues()
			.findOrCreate(new NewIssue(this.project.id(), "l", "Odd", "", "error", "performanceXfoo", Map.of(), T0))
			.orElseThrow();

		assertThat(nPlusOne.category()).isEqualTo("performance");
		assertThat(nPlusOne.issueType()).isEqualTo("performance_n_plus_one_db_queries");
		assertThat(nPlusOne.eventType()).isEqualTo("transaction");
		assertThat(message.category()).isEqualTo("error");
		assertThat(message.issueType()).isEqualTo("error");
		assertThat(list(IssueSort.DATE, new IssueCriterion.CategoryIn(Set.of("performance"))))
			.containsExactlyInAnyOrder(nPlusOne.id(), slow.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.CategoryIn(Set.of("error"))))
			.containsExactlyInAnyOrder(error.id(), message.id(), lookalike.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.CategoryIn(Set.of("error", "performance")))).hasSize(5);
		assertThat(list(IssueSort.DATE, new IssueCriterion.IssueTypeIn(Set.of("performance_slow_db_query"))))
			.containsExactly(slow.id());
		assertThat(list(IssueSort.DATE,
				new IssueCriterion.IssueTypeIn(Set.of("error", "performance_n_plus_one_db_queries"))))
			.containsExactlyInAnyOrder(error.id(), message.id(), lookalike.id(), nPlusOne.id());
		assertThat(list(IssueSort.DATE, new IssueCriterion.Not(new IssueCriterion.IssueTypeIn(Set.of("error")))))
			.containsExactlyInAnyOrder(nPlusOne.id(), slow.id());
	}

	@Test
	void listCriteriaValuesAreBoundNotInterpreted() {
		issue("a");
		assertThat(list(IssueSort.DATE, new IssueCriterion.BookmarkedBy(Long.MAX_VALUE))).isEmpty();
		assertThat(list(IssueSort.DATE, seen(SeenField.LAST_SEEN, Comparison.GREATER, Instant.EPOCH))).hasSize(1);
	}

}
