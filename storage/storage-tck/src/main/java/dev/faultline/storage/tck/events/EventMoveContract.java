package dev.faultline.storage.tck.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.StoredEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching an issue's events and moving or deleting an issue's events (merge, unmerge,
 * issue deletion) in an {@link EventStore}.
 *
 * <p>
 * Specified here: {@code listByIssue} with a search keeps the issue's events that match
 * its event terms (issue terms ignored, null meaning every event), newest first, paged;
 * {@code moveEvents} moves every event of the issue, or those whose primary hash is in
 * the set (an empty set moves nothing), only within the project, visible on return and
 * idempotent; moving back restores; {@code deleteIssueEvents} removes exactly the issue's
 * events of the project and is idempotent.
 */
public abstract class EventMoveContract extends EventStoreFixture {

	private static final long PROJECT = 1;

	private static final long OTHER_PROJECT = 2;

	private static final long ISSUE = 10;

	private static final long TARGET = 11;

	private static final long UNRELATED = 12;

	private static final Comparator<StoredEvent> NEWEST_FIRST = Comparator.comparing(StoredEvent::timestamp)
		.thenComparing(StoredEvent::eventId)
		.reversed();

	@Test
	void listByIssueWithASearchKeepsMatchingEventsNewestFirst() {
		StoredEvent chromeError = event(ISSUE, 1_000, "error", "Chrome", "a");
		StoredEvent firefoxError = event(ISSUE, 2_000, "error", "Firefox", "a");
		StoredEvent chromeWarning = event(ISSUE, 3_000, "warning", "Chrome", "a");
		StoredEvent chromeErrorNewest = event(ISSUE, 4_000, "error", "Chrome 2", "a");
		StoredEvent elsewhere = event(TARGET, 5_000, "error", "Chrome", "a");
		store().write(List.of(chromeError, firefoxError, chromeWarning, chromeErrorNewest, elsewhere));

		assertThat(list(ISSUE, "level:error")).containsExactly(chromeErrorNewest, firefoxError, chromeError);
		assertThat(list(ISSUE, "level:error browser:Chrome*")).containsExactly(chromeErrorNewest, chromeError);
		assertThat(list(ISSUE, "!browser:Chrome*")).containsExactly(firefoxError);
		assertThat(list(ISSUE, "is:unresolved timesSeen:>100 level:warning")).containsExactly(chromeWarning);
		assertThat(list(ISSUE, "browser:\"Chrome' OR 1=1 --\"")).isEmpty();
		assertThat(list(ISSUE, "")).containsExactly(chromeErrorNewest, chromeWarning, firefoxError, chromeError);
		assertThat(store().listByIssue(PROJECT, ISSUE, null, 0, 100)).containsExactly(chromeErrorNewest, chromeWarning,
				firefoxError, chromeError);
		assertThat(store().listByIssue(PROJECT, ISSUE, search("level:error"), 1, 1)).containsExactly(firefoxError);
		assertThat(store().listByIssue(PROJECT, ISSUE, search("level:error"), 3, 10)).isEmpty();
		assertThat(store().listByIssue(OTHER_PROJECT, ISSUE, search(""), 0, 10)).isEmpty();
	}

	@Test
	void moveEventsMovesEveryEventOfTheIssueWithinTheProject() {
		StoredEvent first = event(ISSUE, 1_000, "error", "Chrome", "a");
		StoredEvent second = event(ISSUE, 2_000, "warning", "Firefox", "b");
		StoredEvent alreadyThere = event(TARGET, 1_500, "error", "Safari", "c");
		StoredEvent unrelated = event(UNRELATED, 3_000, "error", "Chrome", "a");
		StoredEvent otherProject = this.events.tagged(OTHER_PROJECT, ISSUE, this.events.at(500), "error", null, null,
				Map.of(), "a");
		store().write(List.of(first, second, alreadyThere, unrelated, otherProject));

		store().moveEvents(PROJECT, ISSUE, null, TARGET);

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).isEmpty();
		assertThat(store().listByIssue(PROJECT, TARGET, 0, 100)).containsExactly(moved(second, TARGET),
				moved(alreadyThere, TARGET), moved(first, TARGET));
		assertThat(store().find(PROJECT, first.eventId())).contains(moved(first, TARGET));
		assertThat(store().listByIssue(PROJECT, UNRELATED, 0, 100)).containsExactly(unrelated);
		assertThat(store().listByIssue(OTHER_PROJECT, ISSUE, 0, 100)).containsExactly(otherProject);
		assertThat(store().tagFacets(PROJECT, TARGET, "level", 10).get(0).totalEvents()).isEqualTo(3);
		assertThat(store().findIssueIds(List.of(PROJECT), search("browser:Firefox"), 10)).containsExactly(TARGET);
	}

	@Test
	void moveEventsIsIdempotent() {
		StoredEvent first = event(ISSUE, 1_000, "error", "Chrome", "a");
		StoredEvent second = event(ISSUE, 2_000, "error", "Chrome", "b");
		store().write(List.of(first, second));

		store().moveEvents(PROJECT, ISSUE, null, TARGET);
		store().moveEvents(PROJECT, ISSUE, null, TARGET);
		store().moveEvents(PROJECT, ISSUE, Set.of("a"), TARGET);

		assertThat(store().listByIssue(PROJECT, TARGET, 0, 100)).containsExactly(moved(second, TARGET),
				moved(first, TARGET));
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).isEmpty();
		assertThat(store().countByIssue(PROJECT, List.of(ISSUE, TARGET), this.events.at(0), this.events.at(3_000),
				Duration.ofSeconds(3)))
			.containsEntry(ISSUE, List.of(0L))
			.containsEntry(TARGET, List.of(2L));
	}

	@Test
	void moveEventsByPrimaryHashMovesOnlyThoseGroups() {
		StoredEvent hashA = event(ISSUE, 1_000, "error", "Chrome", "a");
		StoredEvent hashB = event(ISSUE, 2_000, "error", "Chrome", "b");
		StoredEvent hashC = event(ISSUE, 3_000, "error", "Chrome", "c");
		StoredEvent hashAElsewhere = event(UNRELATED, 4_000, "error", "Chrome", "a");
		store().write(List.of(hashA, hashB, hashC, hashAElsewhere));

		store().moveEvents(PROJECT, ISSUE, Set.of("a", "c", "' OR 1=1 --"), TARGET);

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(hashB);
		assertThat(store().listByIssue(PROJECT, TARGET, 0, 100)).containsExactly(moved(hashC, TARGET),
				moved(hashA, TARGET));
		assertThat(store().listByIssue(PROJECT, UNRELATED, 0, 100)).containsExactly(hashAElsewhere);

		store().moveEvents(PROJECT, ISSUE, Set.of(), TARGET);

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(hashB);
	}

	@Test
	void movingBackRestoresTheIssue() {
		StoredEvent hashA = event(ISSUE, 1_000, "error", "Chrome", "a");
		StoredEvent hashB = event(ISSUE, 2_000, "error", "Chrome", "b");
		StoredEvent target = event(TARGET, 1_500, "error", "Chrome", "t");
		store().write(List.of(hashA, hashB, target));

		store().moveEvents(PROJECT, ISSUE, null, TARGET);
		store().moveEvents(PROJECT, TARGET, Set.of("a", "b"), ISSUE);

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(hashB, hashA);
		assertThat(store().listByIssue(PROJECT, TARGET, 0, 100)).containsExactly(target);
	}

	@Test
	void movingAnIssueOntoItselfKeepsItsEvents() {
		StoredEvent event = event(ISSUE, 1_000, "error", "Chrome", "a");
		store().write(List.of(event));

		store().moveEvents(PROJECT, ISSUE, null, ISSUE);
		store().moveEvents(PROJECT, ISSUE, Set.of("a"), ISSUE);

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(event);
	}

	@Test
	void movingAnUnknownIssueChangesNothing() {
		StoredEvent event = event(ISSUE, 1_000, "error", "Chrome", "a");
		store().write(List.of(event));

		store().moveEvents(PROJECT, 99, null, ISSUE);
		store().moveEvents(OTHER_PROJECT, ISSUE, null, TARGET);

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(event);
		assertThat(store().listByIssue(PROJECT, TARGET, 0, 100)).isEmpty();
	}

	@Test
	void deleteIssueEventsRemovesOnlyThatIssueOfTheProject() {
		StoredEvent first = event(ISSUE, 1_000, "error", "Chrome", "a");
		StoredEvent second = event(ISSUE, 2_000, "error", "Chrome", "b");
		StoredEvent kept = event(TARGET, 1_500, "error", "Chrome", "a");
		StoredEvent otherProject = this.events.tagged(OTHER_PROJECT, ISSUE, this.events.at(500), "error", null, null,
				Map.of(), "a");
		store().write(List.of(first, second, kept, otherProject));

		store().deleteIssueEvents(PROJECT, ISSUE);
		store().deleteIssueEvents(PROJECT, ISSUE);
		store().deleteIssueEvents(PROJECT, 99);

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).isEmpty();
		assertThat(store().find(PROJECT, first.eventId())).isEmpty();
		assertThat(store().tagFacets(PROJECT, ISSUE, null, 10)).isEmpty();
		assertThat(store().listByIssue(PROJECT, TARGET, 0, 100)).containsExactly(kept);
		assertThat(store().listByIssue(OTHER_PROJECT, ISSUE, 0, 100)).containsExactly(otherProject);
		store().write(List.of(first));
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(first);
	}

	@Test
	void aMovedIssueListsInTheUsualOrder() {
		List<StoredEvent> written = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			written.add(event((i % 2 == 0) ? ISSUE : TARGET, i * 37L % 13 * 100, "error", "Chrome", "h" + (i % 3)));
		}
		store().write(written);

		store().moveEvents(PROJECT, ISSUE, null, TARGET);

		assertThat(store().listByIssue(PROJECT, TARGET, 0, 100)).containsExactlyElementsOf(
				written.stream().map((event) -> moved(event, TARGET)).sorted(NEWEST_FIRST).toList());
	}

	private List<StoredEvent> list(long issueId, String query) {
		return store().listByIssue(PROJECT, issueId, search(query), 0, 100);
	}

	private static EventSearch search(String query) {
		return new EventSearch(query, Instant.now());
	}

	private StoredEvent event(long issueId, long offsetMillis, String level, String browser, String primaryHash) {
		return this.events.tagged(PROJECT, issueId, this.events.at(offsetMillis), level, "1.0", "prod",
				Map.of("browser", browser), primaryHash);
	}

	private static StoredEvent moved(StoredEvent e, long issueId) {
		return new StoredEvent(e.projectId(), e.eventId(), issueId, e.timestamp(), e.receivedAt(), e.platform(),
				e.level(), e.title(), e.culprit(), e.message(), e.release(), e.environment(), e.transaction(),
				e.traceId(), e.tags(), e.user(), e.primaryHash(), e.groupingVariant(), e.payload());
	}

}
