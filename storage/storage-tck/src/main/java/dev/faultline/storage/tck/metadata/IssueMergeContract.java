package dev.faultline.storage.tck.metadata;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueHash;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.MergeResult;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Tombstone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of moving events between issues in the metadata port: merge with its
 * redirects, unmerge, delete, discard and tombstones.
 *
 * <p>
 * Beyond the port's Javadoc, the suite pins down: a merge keeps the children's comments
 * and bookmarks; an occurrence for a merged-away issue counts against the issue it was
 * merged into, and one for a deleted or discarded issue counts nothing and returns false.
 */
public abstract class IssueMergeContract extends IssueWorkflowFixture {

	// ---- merge, redirects, unmerge ----------------------------------------------------

	@Test
	void mergeMovesHashesEventsUsersAndCommentsToTheParent() {
		Issue parent = issue("p", T0.plusSeconds(10));
		Issue first = issue("c1", T0.plusSeconds(5));
		Issue second = issue("c2", T0.plusSeconds(20));
		occur(parent, "p1", T0.plusSeconds(10), "id:1", null);
		occur(first, "f1", T0.plusSeconds(5), "id:1", null);
		occur(first, "f2", T0.plusSeconds(6), "id:2", null);
		occur(second, "s1", T0.plusSeconds(40), "id:3", null);
		IssueActivity note = issues().addComment(first.id(), this.bob.id(), "same bug as the parent");
		issues().setBookmarked(second.id(), this.ann.id(), true);
		this.clock.advance(Duration.ofMinutes(1));

		MergeResult result = issues().merge(parent.id(), List.of(first.id(), second.id()), this.ann.id());

		assertThat(result.childIds()).containsExactly(first.id(), second.id());
		Issue merged = result.parent();
		assertThat(merged).isEqualTo(reload(parent));
		assertThat(merged.timesSeen()).isEqualTo(4);
		assertThat(merged.userCount()).isEqualTo(3);
		assertThat(merged.firstSeen()).isEqualTo(T0.plusSeconds(5));
		assertThat(merged.lastSeen()).isEqualTo(T0.plusSeconds(40));
		assertThat(issues().findById(first.id())).isEmpty();
		assertThat(issues().findById(second.id())).isEmpty();
		assertThat(issues().redirect(first.id())).contains(parent.id());
		assertThat(issues().redirect(parent.id())).isEmpty();
		assertThat(issues().hashes(parent.id())).extracting(IssueHash::hash, IssueHash::eventCount)
			.containsExactly(tuple("c1", 2L), tuple("c2", 1L), tuple("p", 1L));
		assertThat(findOrCreate("c2")).map(Issue::id).contains(parent.id());
		assertThat(issues().bookmarkedAmong(this.ann.id(), List.of(parent.id()))).containsExactly(parent.id());
		assertThat(issues().commentCounts(List.of(parent.id()))).containsEntry(parent.id(), 1);
		assertThat(issues().activities(parent.id())).extracting(IssueActivity::type)
			.containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.NOTE, IssueActivity.MERGE);
		assertThat(last(parent)).satisfies((activity) -> {
			assertThat(activity.data()).containsExactlyEntriesOf(Map.of("issues", first.id() + "," + second.id()));
			assertThat(activity.userId()).isEqualTo(this.ann.id());
		});
		assertThat(issues().activities(parent.id()).get(1).id()).isEqualTo(note.id());
	}

	@Test
	void occurrencesForMergedIssuesCountAgainstTheParentAndChainsAreFollowed() {
		Issue child = issue("a");
		Issue parent = issue("b");
		Issue grandparent = issue("c");
		issues().merge(parent.id(), List.of(child.id()), null);
		issues().merge(grandparent.id(), List.of(parent.id()), null);

		assertThat(issues().redirect(child.id())).contains(grandparent.id());
		assertThat(issues().redirect(parent.id())).contains(grandparent.id());
		assertThat(occur(child, "e1", T0, "id:1", null)).isTrue();
		assertThat(occur(child, "e1", T0, "id:1", null)).isFalse();
		assertThat(reload(grandparent).timesSeen()).isEqualTo(1);
		assertThat(reload(grandparent).userCount()).isEqualTo(1);
		assertThat(issues().hashes(grandparent.id())).extracting(IssueHash::hash)
			.containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void mergeRefusesMissingForeignOrSelfIssues() {
		Issue parent = issue("a");
		Issue child = issue("b");
		Project otherProject = this.stores.projects().create(this.org.id(), this.team.id(), "other", "Other", "java");
		Issue foreign = this.stores.issues()
			.findOrCreate(new NewIssue(otherProject.id(), "x", "X", "", "error", "error", Map.of(), T0))
			.orElseThrow();

		assertThatIllegalArgumentException().isThrownBy(() -> issues().merge(parent.id(), List.of(foreign.id()), null));
		assertThatIllegalArgumentException().isThrownBy(() -> issues().merge(parent.id(), List.of(parent.id()), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> issues().merge(parent.id(), List.of(child.id(), child.id() + 1000), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> issues().merge(parent.id() + 1000, List.of(child.id()), null));
		assertThat(issues().findById(child.id())).isPresent();
		assertThat(issues().redirect(child.id())).isEmpty();
	}

	@Test
	void unmergeMovesHashesWithTheirEventsIntoANewIssueAndRecountsBoth() {
		Issue source = issue("a", T0);
		Issue merged = issue("b", T0);
		occur(source, "a1", T0.plusSeconds(1), "id:1", null);
		occur(source, "a2", T0.plusSeconds(2), "id:2", null);
		occur(merged, "b1", T0.plusSeconds(3), "id:2", null);
		occur(merged, "b2", T0.plusSeconds(9), "id:3", null);
		occur(merged, "b3", T0.plusSeconds(5), null, null);
		issues().merge(source.id(), List.of(merged.id()), null);
		assertThat(issues().hashes(source.id())).containsExactly(new IssueHash("b", 3, "b2"),
				new IssueHash("a", 2, "a2"));
		this.clock.advance(Duration.ofMinutes(1));

		Issue split = issues().unmerge(source.id(), Set.of("b"), this.ann.id());

		assertThat(split.id()).isNotIn(source.id(), merged.id());
		assertThat(split.shortNumber()).isEqualTo(3);
		assertThat(split)
			.extracting(Issue::projectId, Issue::title, Issue::culprit, Issue::level, Issue::type, Issue::metadata,
					Issue::status, Issue::timesSeen, Issue::userCount, Issue::firstSeen, Issue::lastSeen)
			.containsExactly(this.project.id(), source.title(), source.culprit(), source.level(), source.type(),
					source.metadata(), IssueStatus.UNRESOLVED, 3L, 2L, T0.plusSeconds(3), T0.plusSeconds(9));
		Issue rest = reload(source);
		assertThat(rest.timesSeen()).isEqualTo(2);
		assertThat(rest.userCount()).isEqualTo(2);
		assertThat(rest.lastSeen()).isEqualTo(T0.plusSeconds(2));
		assertThat(issues().hashes(source.id())).extracting(IssueHash::hash).containsExactly("a");
		assertThat(issues().hashes(split.id())).extracting(IssueHash::hash).containsExactly("b");
		assertThat(findOrCreate("b")).map(Issue::id).contains(split.id());
		assertThat(last(source)).satisfies((activity) -> {
			assertThat(activity.type()).isEqualTo(IssueActivity.UNMERGE_SOURCE);
			assertThat(activity.data())
				.containsExactlyInAnyOrderEntriesOf(Map.of("destination", String.valueOf(split.id()), "hashes", "b"));
			assertThat(activity.userId()).isEqualTo(this.ann.id());
		});
		assertThat(issues().activities(split.id())).singleElement().satisfies((activity) -> {
			assertThat(activity.type()).isEqualTo(IssueActivity.UNMERGE_DESTINATION);
			assertThat(activity.data())
				.containsExactlyInAnyOrderEntriesOf(Map.of("source", String.valueOf(source.id()), "hashes", "b"));
		});
		// a later event of the moved hash counts against the new issue
		assertThat(occur(split, "b4", T0.plusSeconds(10), "id:4", null)).isTrue();
		assertThat(reload(split).userCount()).isEqualTo(3);
	}

	@Test
	void unmergingTheCreatingHashKeepsPrimaryHashesUnique() {
		Issue source = issue("a");
		Issue merged = issue("b");
		issues().merge(source.id(), List.of(merged.id()), null);

		Issue split = issues().unmerge(source.id(), Set.of("a"), null);

		assertThat(split.primaryHash()).isNotEqualTo(reload(source).primaryHash());
		assertThat(findOrCreate("a")).map(Issue::id).contains(split.id());
		assertThat(findOrCreate("b")).map(Issue::id).contains(source.id());
	}

	@Test
	void unmergeRefusesUnknownIssuesForeignHashesAndEveryHash() {
		Issue source = issue("a");
		Issue merged = issue("b");
		issue("c");
		issues().merge(source.id(), List.of(merged.id()), null);

		assertThatIllegalArgumentException().isThrownBy(() -> issues().unmerge(source.id(), Set.of("a", "b"), null));
		assertThatIllegalArgumentException().isThrownBy(() -> issues().unmerge(source.id(), Set.of("c"), null));
		assertThatIllegalArgumentException().isThrownBy(() -> issues().unmerge(source.id(), Set.of(), null));
		assertThatIllegalArgumentException().isThrownBy(() -> issues().unmerge(source.id() + 1000, Set.of("a"), null));
		assertThat(issues().hashes(source.id())).hasSize(2);
	}

	// ---- delete, discard, tombstones
	// ----------------------------------------------------

	@Test
	void aDeletedIssueIsGoneAndItsHashCreatesANewIssue() {
		Issue issue = issue("a");
		occur(issue, "e1", T0, "id:1", null);

		assertThat(issues().delete(issue.id())).isTrue();
		assertThat(issues().delete(issue.id())).isFalse();

		assertThat(issues().findById(issue.id())).isEmpty();
		assertThat(issues().activities(issue.id())).isEmpty();
		assertThat(issues().hashes(issue.id())).isEmpty();
		// an occurrence still in flight for the deleted issue counts nothing
		assertThat(occur(issue, "e2", T0, null, null)).isFalse();
		assertThat(issues().recordOccurrences(List.of(occurrence(issue, "e3", T0, null, null)))).isZero();
		Issue again = findOrCreate("a").orElseThrow();
		assertThat(again.id()).isNotEqualTo(issue.id());
		assertThat(again.shortNumber()).isEqualTo(2);
		assertThat(again.timesSeen()).isZero();
		// the deleted issue's event ids were released with it
		assertThat(occur(again, "e1", T0, null, null)).isTrue();
	}

	@Test
	void aDiscardedIssueLeavesATombstoneThatDropsItsHashesUntilDeleted() {
		Issue issue = issue("a");
		Issue merged = issue("b");
		issues().merge(issue.id(), List.of(merged.id()), null);
		this.clock.advance(Duration.ofMinutes(1));

		Tombstone tombstone = issues().discard(issue.id(), this.ann.id()).orElseThrow();

		assertThat(tombstone.id()).isPositive();
		assertThat(tombstone)
			.extracting(Tombstone::projectId, Tombstone::previousIssueId, Tombstone::title, Tombstone::culprit,
					Tombstone::level, Tombstone::actorUserId, Tombstone::createdAt)
			.containsExactly(this.project.id(), issue.id(), issue.title(), issue.culprit(), issue.level(),
					this.ann.id(), T0.plusSeconds(60));
		assertThat(tombstone.hashes()).containsExactlyInAnyOrder("a", "b");
		assertThat(issues().findById(issue.id())).isEmpty();
		assertThat(findOrCreate("a")).isEmpty();
		assertThat(findOrCreate("b")).isEmpty();
		assertThat(occur(issue, "e1", T0, null, null)).isFalse();
		assertThat(issues().discard(issue.id(), null)).isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		Tombstone newer = issues().discard(issue("c").id(), null).orElseThrow();
		assertThat(issues().tombstones(this.project.id())).containsExactly(newer, tombstone);
		Project otherProject = this.stores.projects().create(this.org.id(), this.team.id(), "other", "Other", "java");
		assertThat(issues().tombstones(otherProject.id())).isEmpty();
		assertThat(issues().deleteTombstone(otherProject.id(), tombstone.id())).isFalse();

		assertThat(issues().deleteTombstone(this.project.id(), tombstone.id())).isTrue();
		assertThat(issues().deleteTombstone(this.project.id(), tombstone.id())).isFalse();
		assertThat(issues().tombstones(this.project.id())).containsExactly(newer);
		Issue regrouped = findOrCreate("a").orElseThrow();
		assertThat(regrouped.id()).isNotEqualTo(issue.id());
		assertThat(findOrCreate("c")).isEmpty();
	}

}
