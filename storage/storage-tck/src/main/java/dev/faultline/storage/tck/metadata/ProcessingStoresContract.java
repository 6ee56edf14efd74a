package dev.faultline.storage.tck.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.faultline.storage.metadata.DeadLetter;
import dev.faultline.storage.metadata.DeadLetterStore;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of what the processor keeps in the metadata port besides issues and
 * counters: the issue activity log (first seen, regressions, status changes) and the dead
 * letters. An adapter's test subclasses this like {@link MetadataStoresContract} and
 * returns fresh, empty stores.
 */
public abstract class ProcessingStoresContract {

	private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

	private MetadataStores stores;

	private Project project;

	/**
	 * Fresh stores over an empty, migrated database; the suite closes what it returns.
	 */
	protected abstract MetadataStores newStores();

	@BeforeEach
	void openStores() {
		this.stores = newStores();
		Organization org = this.stores.organizations().create("acme", "Acme");
		Team team = this.stores.organizations().createTeam(org.id(), "core", "Core");
		this.project = this.stores.projects().create(org.id(), team.id(), "shop", "Shop", "java");
	}

	@AfterEach
	void closeStores() {
		this.stores.close();
	}

	// ---- activities ------------------------------------------------------------------

	@Test
	void aNewIssueRecordsFirstSeenOnce() {
		Issue issue = issue("a");
		this.stores.issues().findOrCreate(candidate("a")).orElseThrow();

		assertThat(this.stores.issues().activities(issue.id())).singleElement().satisfies((activity) -> {
			assertThat(activity.type()).isEqualTo(IssueActivity.FIRST_SEEN);
			assertThat(activity.issueId()).isEqualTo(issue.id());
			assertThat(activity.at()).isEqualTo(T0);
		});
		assertThat(this.stores.issues().activities(issue.id() + 1000)).isEmpty();
	}

	@Test
	void anEventOfAResolvedIssueReopensItOnce() {
		Issue issue = issue("a");
		occur(issue, "e1", T0);
		this.stores.issues().updateStatus(issue.id(), IssueStatus.RESOLVED);

		assertThat(occur(issue, "e2", T0.plusSeconds(60))).isTrue();
		// a replay of the regressing event, and a replay of an event counted before
		// the resolution, change nothing
		assertThat(occur(issue, "e2", T0.plusSeconds(60))).isFalse();
		this.stores.issues().updateStatus(issue.id(), IssueStatus.RESOLVED);
		assertThat(occur(issue, "e1", T0)).isFalse();

		Issue reloaded = this.stores.issues().findById(issue.id()).orElseThrow();
		assertThat(reloaded.status()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(reloaded.timesSeen()).isEqualTo(2);
		assertThat(this.stores.issues().activities(issue.id())).extracting(IssueActivity::type)
			.containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.SET_RESOLVED, IssueActivity.SET_REGRESSION,
					IssueActivity.SET_RESOLVED);
		IssueActivity regression = this.stores.issues().activities(issue.id()).get(2);
		assertThat(regression.data()).containsEntry("event_id", "e2");
		assertThat(regression.at()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void regressionLeavesTheIssueUnresolved() {
		Issue issue = issue("a");
		this.stores.issues().updateStatus(issue.id(), IssueStatus.RESOLVED);
		occur(issue, "e1", T0);

		assertThat(this.stores.issues().findById(issue.id()).orElseThrow().status()).isEqualTo(IssueStatus.UNRESOLVED);
	}

	@Test
	void unresolvedAndIgnoredIssuesDoNotRegress() {
		Issue open = issue("a");
		Issue ignored = issue("b");
		this.stores.issues().updateStatus(ignored.id(), IssueStatus.IGNORED);
		occur(open, "e1", T0);
		occur(ignored, "e2", T0);

		assertThat(this.stores.issues().findById(ignored.id()).orElseThrow().status()).isEqualTo(IssueStatus.IGNORED);
		assertThat(this.stores.issues().activities(open.id())).extracting(IssueActivity::type)
			.containsExactly(IssueActivity.FIRST_SEEN);
		assertThat(this.stores.issues().activities(ignored.id())).extracting(IssueActivity::type)
			.containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.SET_IGNORED);
	}

	@Test
	void settingTheSameStatusRecordsNothing() {
		Issue issue = issue("a");

		assertThat(this.stores.issues().updateStatus(issue.id(), IssueStatus.UNRESOLVED)).isPresent();
		assertThat(this.stores.issues().updateStatus(issue.id(), IssueStatus.RESOLVED).orElseThrow().status())
			.isEqualTo(IssueStatus.RESOLVED);
		assertThat(this.stores.issues().updateStatus(issue.id(), IssueStatus.RESOLVED)).isPresent();
		assertThat(this.stores.issues().updateStatus(issue.id() + 1000, IssueStatus.RESOLVED)).isEmpty();
		assertThat(this.stores.issues().activities(issue.id())).extracting(IssueActivity::type)
			.containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.SET_RESOLVED);
	}

	@Test
	void countedEventsAnswerTheHashEachEventIdWasCountedWith() {
		Issue first = issue("a");
		Issue second = issue("b");
		this.stores.issues()
			.recordOccurrences(List.of(occurrence(first, "e1", null), occurrence(second, "e2", null),
					occurrence(first, "e3", null)));
		List<String> many = new java.util.ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			many.add("x" + i);
		}
		many.add("e3");

		assertThat(this.stores.countedEvents().hashes(this.project.id(), List.of("e1", "e2", "e9")))
			.containsOnly(Map.entry("e1", first.primaryHash()), Map.entry("e2", second.primaryHash()));
		assertThat(this.stores.countedEvents().hashes(this.project.id(), many))
			.containsOnly(Map.entry("e3", first.primaryHash()));
		assertThat(this.stores.countedEvents().hashes(this.project.id() + 1000, List.of("e1"))).isEmpty();
		assertThat(this.stores.countedEvents().hashes(this.project.id(), List.of())).isEmpty();
	}

	@Test
	void aBatchOfOccurrencesCountsEachEventOnce() {
		Issue first = issue("a");
		Issue second = issue("b");
		this.stores.issues().updateStatus(second.id(), IssueStatus.RESOLVED);
		List<EventOccurrence> batch = List.of(occurrence(first, "e1", "u1"), occurrence(first, "e2", "u1"),
				occurrence(second, "e3", "u2"), occurrence(first, "e1", "u1"));

		assertThat(this.stores.issues().recordOccurrences(batch)).isEqualTo(3);
		assertThat(this.stores.issues().recordOccurrences(batch)).isZero();
		assertThat(this.stores.issues().recordOccurrences(List.of())).isZero();

		Issue a = this.stores.issues().findById(first.id()).orElseThrow();
		assertThat(a.timesSeen()).isEqualTo(2);
		assertThat(a.userCount()).isEqualTo(1);
		Issue b = this.stores.issues().findById(second.id()).orElseThrow();
		assertThat(b.timesSeen()).isEqualTo(1);
		assertThat(b.status()).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(this.stores.issues().activities(second.id())).extracting(IssueActivity::type)
			.containsExactly(IssueActivity.FIRST_SEEN, IssueActivity.SET_RESOLVED, IssueActivity.SET_REGRESSION);
	}

	@Test
	void aBatchWithAnUnknownIssueRecordsNothing() {
		Issue issue = issue("a");
		List<EventOccurrence> batch = List.of(occurrence(issue, "e1", null),
				new EventOccurrence(issue.id() + 1000, this.project.id(), "e2", T0, "error", null, "unknown", null));

		assertThatIllegalArgumentException().isThrownBy(() -> this.stores.issues().recordOccurrences(batch));
		assertThat(this.stores.issues().findById(issue.id()).orElseThrow().timesSeen()).isZero();
	}

	// ---- dead letters ---------------------------------------------------------------

	@Test
	void parkingIsIdempotentPerQueuePositionAndItem() {
		assertThat(this.stores.deadLetters().park(letter("17", -1, "poison"))).isTrue();
		assertThat(this.stores.deadLetters().park(letter("17", -1, "poison"))).isFalse();
		assertThat(this.stores.deadLetters().park(letter("17", 1, "invalid"))).isTrue();
		assertThat(this.stores.deadLetters().park(letter("0:18", 0, "invalid"))).isTrue();

		assertThat(this.stores.deadLetters().count()).isEqualTo(3);
		assertThat(this.stores.deadLetters().list(0, 10)).extracting(DeadLetter::queuePosition)
			.containsExactly("0:18", "17", "17");
		assertThat(this.stores.deadLetters().list(1, 1)).singleElement().satisfies((letter) -> {
			assertThat(letter.itemIndex()).isEqualTo(1);
			assertThat(letter.reason()).isEqualTo("invalid");
		});
	}

	@Test
	void aParkedLetterKeepsEverything() {
		byte[] payload = { 0, (byte) 0xff, '\n', 'x' };
		DeadLetter letter = new DeadLetter(0, 987_654, "42", 2, "event", "invalid", "payload is not valid JSON",
				payload, T0, T0.plusMillis(1500));
		this.stores.deadLetters().park(letter);

		DeadLetter stored = this.stores.deadLetters().list(0, 1).get(0);
		assertThat(stored.id()).isPositive();
		assertThat(stored.projectId()).isEqualTo(987_654);
		assertThat(stored.queuePosition()).isEqualTo("42");
		assertThat(stored.itemIndex()).isEqualTo(2);
		assertThat(stored.itemType()).isEqualTo("event");
		assertThat(stored.reason()).isEqualTo("invalid");
		assertThat(stored.detail()).isEqualTo("payload is not valid JSON");
		assertThat(stored.payload()).containsExactly(payload);
		assertThat(stored.receivedAt()).isEqualTo(T0);
		assertThat(stored.parkedAt()).isEqualTo(T0.plusMillis(1500));
	}

	@Test
	void aLetterIsFoundDeletedAndPurgedByAge() {
		DeadLetterStore letters = this.stores.deadLetters();
		letters
			.park(new DeadLetter(0, this.project.id(), "1", -1, "envelope", "poison", "why", new byte[] { 1 }, T0, T0));
		letters.park(new DeadLetter(0, this.project.id(), "2", -1, "envelope", "poison", "why", new byte[] { 2 }, T0,
				T0.plusSeconds(3600)));
		letters.park(new DeadLetter(0, this.project.id(), "3", -1, "envelope", "poison", "why", new byte[] { 3 }, T0,
				T0.plusSeconds(7200)));
		long newest = letters.list(0, 1).get(0).id();

		assertThat(letters.find(newest))
			.hasValueSatisfying((letter) -> assertThat(letter.payload()).containsExactly(3));
		assertThat(letters.find(newest + 1000)).isEmpty();
		assertThat(letters.deleteParkedBefore(T0.plusSeconds(3600))).isEqualTo(1);
		assertThat(letters.list(0, 10)).extracting(DeadLetter::queuePosition).containsExactly("3", "2");
		assertThat(letters.delete(newest)).isTrue();
		assertThat(letters.delete(newest)).isFalse();
		assertThat(letters.deleteParkedBefore(Instant.MAX)).isEqualTo(1);
		assertThat(letters.count()).isZero();
	}

	private Issue issue(String hash) {
		return this.stores.issues().findOrCreate(candidate(hash)).orElseThrow();
	}

	private NewIssue candidate(String hash) {
		return new NewIssue(this.project.id(), hash, "Title " + hash, "culprit", "error", "error", Map.of(), T0);
	}

	private boolean occur(Issue issue, String eventId, Instant at) {
		return this.stores.issues()
			.recordOccurrence(new EventOccurrence(issue.id(), this.project.id(), eventId, at, "error", null,
					issue.primaryHash(), null));
	}

	private EventOccurrence occurrence(Issue issue, String eventId, @Nullable String userKey) {
		return new EventOccurrence(issue.id(), this.project.id(), eventId, T0, "error", userKey, issue.primaryHash(),
				null);
	}

	private DeadLetter letter(String position, int item, String reason) {
		return new DeadLetter(0, this.project.id(), position, item, (item < 0) ? "envelope" : "event", reason, "why",
				"body".getBytes(StandardCharsets.UTF_8), T0, T0);
	}

}
