package dev.faultline.storage.tck.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.faultline.storage.events.EventNeighbours;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.events.EventUser;
import dev.faultline.storage.events.StoredEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link EventStore} adapter passes, run unchanged against each real
 * engine.
 *
 * <p>
 * A subclass provides {@link #createStore()} (a store over fresh, empty storage; called
 * once before each test) and {@link #reopenStore()} (a store over the same storage again,
 * after the previous one was closed). The suite closes every store it opened.
 *
 * <p>
 * Specified here: a written event reads back equal, field by field (timestamps at
 * millisecond precision); writes are idempotent on {@code (projectId, eventId)} within a
 * batch and across batches (the suite writes identical duplicates, as a replay does;
 * which copy survives when two writes differ is not specified); lists are newest first
 * ({@code timestamp} then {@code eventId}, both descending) and page with offset/limit;
 * every read is scoped to one project; batches of 1,000, unicode and ~1 MB payloads work;
 * data survives close and reopen; concurrent writers are safe.
 */
public abstract class EventStoreContract extends EventStoreFixture {

	private static final long PROJECT = 1;

	private static final long OTHER_PROJECT = 2;

	private static final long ISSUE = 10;

	private static final long OTHER_ISSUE = 11;

	/** Newest first, as the port promises. */
	private static final Comparator<StoredEvent> NEWEST_FIRST = Comparator.comparing(StoredEvent::timestamp)
		.thenComparing(StoredEvent::eventId)
		.reversed();

	/**
	 * Opens a store over the storage {@link #createStore()} used for the current test,
	 * after the suite closed the previous store.
	 */
	protected abstract EventStore reopenStore() throws Exception;

	@Test
	void retentionSweepRemovesOnlyOlderEventsOfEveryProject() {
		StoredEvent old = this.events.full(PROJECT, ISSUE, this.events.at(1_000));
		StoredEvent oldElsewhere = this.events.full(OTHER_PROJECT, OTHER_ISSUE, this.events.at(1_500));
		StoredEvent atCutoff = this.events.full(PROJECT, ISSUE, this.events.at(2_000));
		StoredEvent recent = this.events.full(PROJECT, ISSUE, this.events.at(3_000));
		store().write(List.of(old, oldElsewhere, atCutoff, recent));

		store().deleteOlderThan(this.events.at(2_000));
		store().deleteOlderThan(this.events.at(2_000));

		assertThat(store().find(PROJECT, old.eventId())).isEmpty();
		assertThat(store().find(OTHER_PROJECT, oldElsewhere.eventId())).isEmpty();
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(recent, atCutoff);
	}

	@Test
	void isHealthyWhenOpen() {
		assertThat(store().isHealthy()).isTrue();
	}

	@Test
	void writtenEventReadsBackEqual() {
		StoredEvent event = this.events.full(PROJECT, ISSUE, this.events.at(123));

		store().write(List.of(event));

		assertThat(store().find(PROJECT, event.eventId())).contains(event);
	}

	@Test
	void nullsAndEmptiesReadBackEqual() {
		StoredEvent minimal = this.events.minimal(PROJECT, ISSUE, this.events.at(1));
		StoredEvent partialUser = withUser(this.events.full(PROJECT, ISSUE, this.events.at(2)),
				new EventUser(null, null, "bob@example.com", null));
		StoredEvent emptyUser = withUser(this.events.full(PROJECT, ISSUE, this.events.at(3)),
				new EventUser(null, null, null, null));

		store().write(List.of(minimal, partialUser, emptyUser));

		assertThat(store().find(PROJECT, minimal.eventId())).contains(minimal);
		assertThat(store().find(PROJECT, partialUser.eventId())).contains(partialUser);
		assertThat(store().find(PROJECT, emptyUser.eventId()).map(StoredEvent::user))
			.hasValueSatisfying((user) -> assertThat(user).isIn(emptyUser.user(), null));
	}

	@Test
	void millisecondsArePreserved() {
		StoredEvent event = this.events.full(PROJECT, ISSUE, this.events.at(999));
		StoredEvent early = this.events.full(PROJECT, ISSUE, this.events.at(1));

		store().write(List.of(event, early));

		assertThat(store().find(PROJECT, event.eventId()).map(StoredEvent::timestamp)).contains(event.timestamp());
		assertThat(store().find(PROJECT, event.eventId()).map(StoredEvent::receivedAt)).contains(event.receivedAt());
		assertThat(store().find(PROJECT, early.eventId()).map(StoredEvent::timestamp)).contains(early.timestamp());
	}

	@Test
	void unknownEventIsEmpty() {
		store().write(List.of(this.events.full(PROJECT, ISSUE, this.events.at(0))));

		assertThat(store().find(PROJECT, this.events.nextEventId())).isEmpty();
		assertThat(store().listByIssue(PROJECT, OTHER_ISSUE, 0, 100)).isEmpty();
		assertThat(store().latest(PROJECT, OTHER_ISSUE)).isEmpty();
	}

	@Test
	void emptyBatchIsAccepted() {
		store().write(List.of());

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).isEmpty();
	}

	@Test
	void rewritingAnEventKeepsOneCopy() {
		StoredEvent event = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent other = this.events.full(PROJECT, ISSUE, this.events.at(1));

		store().write(List.of(event));
		store().write(List.of(event, other));
		store().write(List.of(event));

		assertThat(store().find(PROJECT, event.eventId())).contains(event);
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(other, event);
	}

	@Test
	void duplicatesWithinOneBatchKeepOneCopy() {
		StoredEvent event = this.events.full(PROJECT, ISSUE, this.events.at(0));

		store().write(List.of(event, event, event));

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(event);
	}

	@Test
	void listByIssueIsNewestFirstWithEventIdBreakingTies() {
		StoredEvent oldest = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent tieLow = this.events.full(PROJECT, ISSUE, this.events.at(500));
		StoredEvent tieHigh = this.events.full(PROJECT, ISSUE, this.events.at(500));
		StoredEvent newest = this.events.full(PROJECT, ISSUE, this.events.at(1_000));
		StoredEvent elsewhere = this.events.full(PROJECT, OTHER_ISSUE, this.events.at(750));

		store().write(List.of(tieLow, newest, elsewhere, oldest, tieHigh));

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(newest, tieHigh, tieLow, oldest);
		assertThat(store().listByIssue(PROJECT, OTHER_ISSUE, 0, 100)).containsExactly(elsewhere);
	}

	@Test
	void listByIssuePagesWithOffsetAndLimit() {
		List<StoredEvent> written = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			written.add(this.events.full(PROJECT, ISSUE, this.events.at(i * 7L % 11 * 1_000)));
		}
		store().write(written);
		List<StoredEvent> expected = written.stream().sorted(NEWEST_FIRST).toList();

		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 10)).containsExactlyElementsOf(expected.subList(0, 10));
		assertThat(store().listByIssue(PROJECT, ISSUE, 10, 10)).containsExactlyElementsOf(expected.subList(10, 20));
		assertThat(store().listByIssue(PROJECT, ISSUE, 20, 10)).containsExactlyElementsOf(expected.subList(20, 25));
		assertThat(store().listByIssue(PROJECT, ISSUE, 25, 10)).isEmpty();
		assertThat(store().listByIssue(PROJECT, ISSUE, 3, 1)).containsExactly(expected.get(3));
	}

	@Test
	void latestIsTheNewestEventOfTheIssue() {
		StoredEvent old = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent newest = this.events.full(PROJECT, ISSUE, this.events.at(2_000));
		StoredEvent newerInOtherIssue = this.events.full(PROJECT, OTHER_ISSUE, this.events.at(5_000));
		StoredEvent newerInOtherProject = this.events.full(OTHER_PROJECT, ISSUE, this.events.at(9_000));

		store().write(List.of(newest, old, newerInOtherIssue, newerInOtherProject));

		assertThat(store().latest(PROJECT, ISSUE)).contains(newest);
		assertThat(store().latest(PROJECT, OTHER_ISSUE)).contains(newerInOtherIssue);
	}

	@Test
	void oldestIsTheOldestEventOfTheIssueWithEventIdBreakingTies() {
		StoredEvent tieHigh = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent tieLow = this.events.full(PROJECT, SampleEvents.eventId(0), ISSUE, this.events.at(0));
		StoredEvent newer = this.events.full(PROJECT, ISSUE, this.events.at(2_000));
		StoredEvent olderInOtherIssue = this.events.full(PROJECT, OTHER_ISSUE, this.events.at(-5_000));
		StoredEvent olderInOtherProject = this.events.full(OTHER_PROJECT, ISSUE, this.events.at(-9_000));

		store().write(List.of(newer, tieHigh, tieLow, olderInOtherIssue, olderInOtherProject));

		assertThat(store().oldest(PROJECT, ISSUE)).contains(tieLow);
		assertThat(store().oldest(PROJECT, OTHER_ISSUE)).contains(olderInOtherIssue);
		assertThat(store().oldest(PROJECT, 99)).isEmpty();
	}

	@Test
	void neighboursAreTheClosestOlderAndNewerEventsOfTheIssue() {
		StoredEvent first = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent tieLow = this.events.full(PROJECT, ISSUE, this.events.at(500));
		StoredEvent tieHigh = this.events.full(PROJECT, ISSUE, this.events.at(500));
		StoredEvent last = this.events.full(PROJECT, ISSUE, this.events.at(1_000));
		StoredEvent otherIssue = this.events.full(PROJECT, OTHER_ISSUE, this.events.at(250));
		StoredEvent otherProject = this.events.full(OTHER_PROJECT, ISSUE, this.events.at(750));

		store().write(List.of(last, tieHigh, first, otherIssue, tieLow, otherProject));

		assertThat(neighbours(first)).isEqualTo(new EventNeighbours(null, tieLow.eventId()));
		assertThat(neighbours(tieLow)).isEqualTo(new EventNeighbours(first.eventId(), tieHigh.eventId()));
		assertThat(neighbours(tieHigh)).isEqualTo(new EventNeighbours(tieLow.eventId(), last.eventId()));
		assertThat(neighbours(last)).isEqualTo(new EventNeighbours(tieHigh.eventId(), null));
		assertThat(neighbours(otherIssue)).isEqualTo(new EventNeighbours(null, null));
	}

	@Test
	void countByIssueCountsEachIssueInTimeBuckets() {
		Instant from = this.events.at(0);
		Duration hour = Duration.ofHours(1);
		List<StoredEvent> written = new ArrayList<>();
		written.add(this.events.full(PROJECT, ISSUE, from));
		written.add(this.events.full(PROJECT, ISSUE, from.plus(hour).minusMillis(1)));
		written.add(this.events.full(PROJECT, ISSUE, from.plus(hour.multipliedBy(2))));
		written.add(this.events.full(PROJECT, ISSUE, from.minusMillis(1)));
		written.add(this.events.full(PROJECT, ISSUE, from.plus(hour.multipliedBy(3))));
		written.add(this.events.full(PROJECT, OTHER_ISSUE, from.plus(hour).plusMillis(5)));
		written.add(this.events.full(OTHER_PROJECT, ISSUE, from.plusMillis(5)));
		written.add(this.events.full(PROJECT, 12, from.plusMillis(5)));
		store().write(written);
		// A rewritten event still counts once.
		store().write(List.of(written.get(0)));

		Map<Long, List<Long>> counts = store().countByIssue(PROJECT, List.of(ISSUE, OTHER_ISSUE, 99L), from,
				from.plus(hour.multipliedBy(3)), hour);

		assertThat(counts).containsOnlyKeys(ISSUE, OTHER_ISSUE, 99L);
		assertThat(counts.get(ISSUE)).containsExactly(2L, 0L, 1L);
		assertThat(counts.get(OTHER_ISSUE)).containsExactly(0L, 1L, 0L);
		assertThat(counts.get(99L)).containsExactly(0L, 0L, 0L);
		assertThat(store().countByIssue(PROJECT, List.of(), from, from.plus(hour), hour)).isEmpty();
	}

	@Test
	void countByIssueCountsOnlyTheEventsMatchingTheFilter() {
		Instant from = this.events.at(0);
		Duration hour = Duration.ofHours(1);
		store().write(List.of(
				this.events.tagged(PROJECT, ISSUE, from, "error", null, "production", Map.of("handled", "no"), "h"),
				this.events.tagged(PROJECT, ISSUE, from.plus(Duration.ofMinutes(30)), "error", null, "staging",
						Map.of("handled", "yes"), "h"),
				this.events.tagged(PROJECT, ISSUE, from.plus(hour), "warning", null, "production", Map.of(), "h"),
				this.events.tagged(PROJECT, ISSUE, from.plus(hour.multipliedBy(2)), "error", null, null, Map.of(), "h"),
				this.events.tagged(PROJECT, OTHER_ISSUE, from.plus(hour), "error", null, "staging", Map.of(), "h"),
				this.events.tagged(OTHER_PROJECT, ISSUE, from, "error", null, "production", Map.of(), "h")));
		List<Long> issues = List.of(ISSUE, OTHER_ISSUE);
		Instant to = from.plus(hour.multipliedBy(3));

		assertThat(store().countByIssue(PROJECT, issues, from, to, hour, search("environment:production", to)))
			.containsEntry(ISSUE, List.of(1L, 1L, 0L))
			.containsEntry(OTHER_ISSUE, List.of(0L, 0L, 0L));
		// A time term narrows the buckets' range; issue terms are ignored.
		assertThat(store().countByIssue(PROJECT, issues, from, to, hour,
				search("is:unresolved environment:[production,staging] timestamp:>=" + from.plus(hour), to)))
			.containsEntry(ISSUE, List.of(0L, 1L, 0L))
			.containsEntry(OTHER_ISSUE, List.of(0L, 1L, 0L));
		assertThat(store().countByIssue(PROJECT, issues, from, to, hour, search("handled:no", to)))
			.containsEntry(ISSUE, List.of(1L, 0L, 0L))
			.containsEntry(OTHER_ISSUE, List.of(0L, 0L, 0L));
		assertThat(store().countByIssue(PROJECT, issues, from, to, hour, search("!has:environment level:error", to)))
			.containsEntry(ISSUE, List.of(0L, 0L, 1L));
		assertThat(store().countByIssue(PROJECT, issues, from, to, hour, EventSearch.EVERY_EVENT))
			.isEqualTo(store().countByIssue(PROJECT, issues, from, to, hour))
			.containsEntry(ISSUE, List.of(2L, 1L, 1L));
	}

	private static EventSearch search(String query, Instant now) {
		return new EventSearch(query, now);
	}

	@Test
	void countByIssueHasAPartialLastBucket() {
		Instant from = this.events.at(0);
		Duration day = Duration.ofDays(1);
		store().write(List.of(this.events.full(PROJECT, ISSUE, from.plus(Duration.ofHours(30)))));

		assertThat(store().countByIssue(PROJECT, List.of(ISSUE), from, from.plus(Duration.ofHours(36)), day))
			.containsEntry(ISSUE, List.of(0L, 1L));
	}

	@Test
	void sameEventIdInTwoProjectsIsTwoEvents() {
		String eventId = this.events.nextEventId();
		StoredEvent mine = this.events.full(PROJECT, eventId, ISSUE, this.events.at(0));
		StoredEvent theirs = withTitle(this.events.full(OTHER_PROJECT, eventId, ISSUE, this.events.at(10)),
				"their title");

		store().write(List.of(mine, theirs));

		assertThat(store().find(PROJECT, eventId)).contains(mine);
		assertThat(store().find(OTHER_PROJECT, eventId)).contains(theirs);
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 100)).containsExactly(mine);
		assertThat(store().listByIssue(OTHER_PROJECT, ISSUE, 0, 100)).containsExactly(theirs);
	}

	@Test
	void anotherProjectsEventsNeverLeak() {
		StoredEvent theirs = this.events.full(OTHER_PROJECT, OTHER_ISSUE, this.events.at(0));

		store().write(List.of(theirs));

		assertThat(store().find(PROJECT, theirs.eventId())).isEmpty();
		assertThat(store().listByIssue(PROJECT, OTHER_ISSUE, 0, 100)).isEmpty();
		assertThat(store().latest(PROJECT, OTHER_ISSUE)).isEmpty();
	}

	@Test
	void batchOfAThousandIsStoredWhole() {
		List<StoredEvent> batch = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			batch.add(this.events.full(PROJECT, ISSUE, this.events.at(i)));
		}

		store().write(batch);

		List<StoredEvent> read = new ArrayList<>();
		for (int offset = 0; offset < 1_100; offset += 1_000) {
			read.addAll(store().listByIssue(PROJECT, ISSUE, offset, 1_000));
		}
		assertThat(read).containsExactlyElementsOf(batch.stream().sorted(NEWEST_FIRST).toList());
		store().write(batch);
		assertThat(store().listByIssue(PROJECT, ISSUE, 1_000, 1_000)).isEmpty();
	}

	@Test
	void unicodeAndSpecialCharactersRoundTrip() {
		String tricky = "Grüße 🚀 \"quoted\" 'single' back\\slash\ttab\nnewline 中文 ☃ \u0001";
		StoredEvent base = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent event = new StoredEvent(base.projectId(), base.eventId(), base.issueId(), base.timestamp(),
				base.receivedAt(), base.platform(), base.level(), tricky, tricky, tricky, tricky, tricky, tricky,
				base.traceId(), Map.of(tricky, tricky, "emoji 🐛", "値"),
				new EventUser(tricky, tricky, tricky, "2001:db8::1"), base.primaryHash(), base.groupingVariant(),
				"{\"message\":\"" + tricky.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");

		store().write(List.of(event));

		assertThat(store().find(PROJECT, event.eventId())).contains(event);
	}

	@Test
	void largePayloadRoundTrips() {
		String big = "{\"breadcrumbs\":\"" + "x0123456789é".repeat(85_000) + "\"}";
		StoredEvent base = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent event = withPayload(base, big);
		StoredEvent second = withPayload(this.events.full(PROJECT, ISSUE, this.events.at(1)), big);

		store().write(List.of(event, second));

		assertThat(store().find(PROJECT, event.eventId()).map(StoredEvent::payload)).contains(big);
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 10)).containsExactly(second, event);
	}

	@Test
	void survivesCloseAndReopen() throws Exception {
		StoredEvent event = this.events.full(PROJECT, ISSUE, this.events.at(0));
		StoredEvent minimal = this.events.minimal(PROJECT, ISSUE, this.events.at(1));
		store().write(List.of(event, minimal));
		store().close();

		replaceStore(reopenStore());

		assertThat(store().find(PROJECT, event.eventId())).contains(event);
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 10)).containsExactly(minimal, event);
		store().write(List.of(event));
		assertThat(store().listByIssue(PROJECT, ISSUE, 0, 10)).hasSize(2);
	}

	@Test
	void concurrentWritersAndReadersAreSafe() throws Exception {
		int writers = 4;
		int batches = 10;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			List<StoredEvent> all = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				List<List<StoredEvent>> work = new ArrayList<>();
				for (int b = 0; b < batches; b++) {
					List<StoredEvent> batch = new ArrayList<>();
					for (int i = 0; i < 20; i++) {
						batch.add(this.events.full(PROJECT, ISSUE, this.events.at(all.size())));
						all.add(batch.get(batch.size() - 1));
					}
					work.add(batch);
				}
				done.add(pool.submit(() -> {
					for (List<StoredEvent> batch : work) {
						store().write(batch);
						store().write(batch.subList(0, 5));
						assertThat(store().find(PROJECT, batch.get(0).eventId())).isPresent();
					}
				}));
			}
			for (Future<?> each : done) {
				each.get();
			}
			assertThat(store().listByIssue(PROJECT, ISSUE, 0, 1_000))
				.containsExactlyElementsOf(all.stream().sorted(NEWEST_FIRST).toList());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void findIssueIdsMatchesEventTermsOnOneEvent() {
		writeSearchable();

		assertThat(search("level:error")).containsExactly(21L);
		assertThat(search("release:1.0")).containsExactly(21L);
		assertThat(search("level:warning")).containsExactly(22L, 21L);
		assertThat(search("level:warning release:1.0")).containsExactly(21L);
		assertThat(search("level:error release:2.0")).isEmpty();
		assertThat(search("!environment:prod")).containsExactly(23L, 22L);
		assertThat(search("browser:Chrome")).containsExactly(21L);
		assertThat(search("!has:browser")).containsExactly(23L);
		assertThat(search("user.email:*@example.com")).containsExactly(21L);
		assertThat(search("release:[1.0, 2.*]")).containsExactly(22L, 21L);
	}

	@Test
	void findIssueIdsMatchesFreeTextIgnoringCase() {
		writeSearchable();

		assertThat(search("cart")).containsExactly(21L);
		assertThat(search("\"DB slow\"")).containsExactly(22L);
		assertThat(search("cart slow")).isEmpty();
	}

	@Test
	void findIssueIdsBindsHostileValues() {
		writeSearchable();

		assertThat(search("message:\"it's ' ; DROP TABLE events; --\"")).containsExactly(23L);
		assertThat(search("\"50% off_\"")).containsExactly(23L);
		assertThat(search("\"50x off\"")).isEmpty();
		assertThat(search("release:\"1.0') OR 1=1 --\"")).isEmpty();
		assertThat(search("\"%\"")).containsExactly(23L);
		assertThat(search("browser:\"Chrome\\\" OR 1=1\"")).isEmpty();
		assertThat(search("level:error")).containsExactly(21L);
	}

	@Test
	void findIssueIdsIgnoresIssueTermsAndHonoursProjectsLimitAndClock() {
		writeSearchable();
		StoredEvent elsewhere = searchable(OTHER_PROJECT, 24, 4_000, "error", "1.0", "prod", Map.of(), null, "other",
				"other");
		store().write(List.of(elsewhere));

		assertThat(search("")).containsExactly(23L, 22L, 21L);
		assertThat(search("is:unresolved timesSeen:>5 level:error")).containsExactly(21L);
		assertThat(store().findIssueIds(List.of(PROJECT), new EventSearch("", Instant.now()), 2)).containsExactly(23L,
				22L);
		assertThat(store().findIssueIds(List.of(PROJECT, OTHER_PROJECT), new EventSearch("level:error", Instant.now()),
				100))
			.containsExactly(24L, 21L);
		assertThat(store().findIssueIds(List.of(OTHER_PROJECT), new EventSearch("level:warning", Instant.now()), 100))
			.isEmpty();
		Instant now = this.events.at(2_500).plus(Duration.ofHours(1));
		assertThat(store().findIssueIds(List.of(PROJECT), new EventSearch("timestamp:-1h", now), 100))
			.containsExactly(23L);
	}

	private List<Long> search(String query) {
		return store().findIssueIds(List.of(PROJECT), new EventSearch(query, Instant.now()), 100);
	}

	/**
	 * Issue 21: an error (release 1.0, prod, Chrome, bob@example.com) and an older
	 * warning of release 1.0; issue 22: a warning (2.0, staging, Firefox); issue 23: an
	 * info event without release, environment, tags or user, with hostile text.
	 */
	private void writeSearchable() {
		store().write(List.of(
				searchable(PROJECT, 21, 1_000, "error", "1.0", "prod", Map.of("browser", "Chrome"), "bob@example.com",
						"NullPointerException: cart is empty", "cart is empty"),
				searchable(PROJECT, 21, 500, "warning", "1.0", "prod", Map.of("browser", "Chrome"), "bob@example.com",
						"retrying", "retrying"),
				searchable(PROJECT, 22, 2_000, "warning", "2.0", "staging", Map.of("browser", "Firefox"),
						"carol@example.org", "TimeoutException: db slow", "db slow"),
				searchable(PROJECT, 23, 3_000, "info", null, null, Map.of(), null, "Payment 50% off_done",
						"it's ' ; DROP TABLE events; --")));
	}

	private StoredEvent searchable(long projectId, long issueId, long offsetMillis, String level,
			@Nullable String release, @Nullable String environment, Map<String, String> tags, @Nullable String email,
			String title, String message) {
		Instant timestamp = this.events.at(offsetMillis);
		EventUser user = (email != null) ? new EventUser("1", null, email, null) : null;
		return new StoredEvent(projectId, this.events.nextEventId(), issueId, timestamp, timestamp, "java", level,
				title, "", message, release, environment, null, null, tags, user, "0", "app", "{\"type\":\"error\"}");
	}

	private EventNeighbours neighbours(StoredEvent event) {
		return store().neighbours(event.projectId(), event.issueId(), event.timestamp(), event.eventId());
	}

	private static StoredEvent withUser(StoredEvent e, @Nullable EventUser user) {
		return new StoredEvent(e.projectId(), e.eventId(), e.issueId(), e.timestamp(), e.receivedAt(), e.platform(),
				e.level(), e.title(), e.culprit(), e.message(), e.release(), e.environment(), e.transaction(),
				e.traceId(), e.tags(), user, e.primaryHash(), e.groupingVariant(), e.payload());
	}

	private static StoredEvent withTitle(StoredEvent e, String title) {
		return new StoredEvent(e.projectId(), e.eventId(), e.issueId(), e.timestamp(), e.receivedAt(), e.platform(),
				e.level(), title, e.culprit(), e.message(), e.release(), e.environment(), e.transaction(), e.traceId(),
				e.tags(), e.user(), e.primaryHash(), e.groupingVariant(), e.payload());
	}

	private static StoredEvent withPayload(StoredEvent e, String payload) {
		return new StoredEvent(e.projectId(), e.eventId(), e.issueId(), e.timestamp(), e.receivedAt(), e.platform(),
				e.level(), e.title(), e.culprit(), e.message(), e.release(), e.environment(), e.transaction(),
				e.traceId(), e.tags(), e.user(), e.primaryHash(), e.groupingVariant(), payload);
	}

}
