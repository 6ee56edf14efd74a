package dev.faultline.storage.tck.metadata;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueCriterion.Comparison;
import dev.faultline.storage.metadata.IssueCriterion.CountField;
import dev.faultline.storage.metadata.IssueCriterion.SeenField;
import dev.faultline.storage.metadata.IssueCriterion;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.StatusDetails;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the issue workflow contracts share: stores on a clock the tests move by hand
 * (starting at {@link #T0}), an organization with a team, a project and two members (Ann,
 * the owner, and Bob), and helpers to create issues and count their events. An adapter's
 * test subclasses a contract and returns fresh, empty stores on the given clock.
 */
public abstract class IssueWorkflowFixture {

	protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	protected final MutableClock clock = new MutableClock(T0);

	protected MetadataStores stores;

	protected Organization org;

	protected Team team;

	protected Project project;

	protected User ann;

	protected User bob;

	/**
	 * Fresh stores over an empty, migrated database whose notion of now is {@code clock};
	 * the suite closes what it returns.
	 */
	protected abstract MetadataStores newStores(Clock clock);

	@BeforeEach
	void openStores() {
		this.stores = newStores(this.clock);
		this.org = this.stores.organizations().create("acme", "Acme");
		this.team = this.stores.organizations().createTeam(this.org.id(), "core", "Core");
		this.project = this.stores.projects().create(this.org.id(), this.team.id(), "shop", "Shop", "java");
		this.ann = this.stores.users().create("ann@example.com", "Ann", "hash");
		this.bob = this.stores.users().create("bob@example.com", "Bob", "hash");
		this.stores.organizations().addMember(this.org.id(), this.ann.id(), "owner");
		this.stores.organizations().addMember(this.org.id(), this.bob.id(), "member");
	}

	@AfterEach
	void closeStores() {
		this.stores.close();
	}

	// ---- fixtures
	// ------------------------------------------------------------------------

	protected IssueStore issues() {
		return this.stores.issues();
	}

	protected Issue issue(String hash) {
		return issue(hash, T0);
	}

	protected Issue issue(String hash, Instant seenAt) {
		return issues().findOrCreate(candidate(hash, seenAt)).orElseThrow();
	}

	protected Optional<Issue> findOrCreate(String hash) {
		return issues().findOrCreate(candidate(hash, T0));
	}

	protected NewIssue candidate(String hash, Instant seenAt) {
		return new NewIssue(this.project.id(), hash, "Error " + hash, "app.Main in run", "error", "error",
				Map.of("type", "Error", "value", hash), seenAt);
	}

	protected Issue reload(Issue issue) {
		return issues().findById(issue.id()).orElseThrow();
	}

	/**
	 * Counts an event of the issue's primary hash.
	 */
	protected boolean occur(Issue issue, String eventId, Instant at, @Nullable String userKey,
			@Nullable String release) {
		return issues().recordOccurrence(occurrence(issue, eventId, at, userKey, release));
	}

	protected EventOccurrence occurrence(Issue issue, String eventId, Instant at, @Nullable String userKey,
			@Nullable String release) {
		return new EventOccurrence(issue.id(), this.project.id(), eventId, at, "error", userKey, issue.primaryHash(),
				release);
	}

	protected List<String> types(Issue issue) {
		return issues().activities(issue.id()).stream().map(IssueActivity::type).toList();
	}

	protected IssueActivity last(Issue issue) {
		List<IssueActivity> activities = issues().activities(issue.id());
		return activities.get(activities.size() - 1);
	}

	protected void assertWokeUp(Issue issue, String reason) {
		Issue woken = reload(issue);
		assertThat(woken.status()).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(woken.statusDetails()).isEqualTo(StatusDetails.NONE);
		assertThat(last(issue)).satisfies((activity) -> {
			assertThat(activity.type()).isEqualTo(IssueActivity.SET_UNRESOLVED);
			assertThat(activity.data()).containsExactlyEntriesOf(Map.of("reason", reason));
			assertThat(activity.userId()).isNull();
		});
	}

	protected List<Long> list(IssueSort sort, IssueCriterion... criteria) {
		return ids(issues().list(this.project.id(), new IssueQuery(List.of(criteria), sort, 0, 100)));
	}

	protected static List<Long> ids(List<Issue> issues) {
		return issues.stream().map(Issue::id).toList();
	}

	protected static IssueCriterion count(CountField field, Comparison comparison, long value) {
		return new IssueCriterion.CountIs(field, comparison, value);
	}

	protected static IssueCriterion seen(SeenField field, Comparison comparison, Instant value) {
		return new IssueCriterion.SeenIs(field, comparison, value);
	}

	protected static void assertThatDuplicate(ThrowingCallable call) {
		assertThatExceptionOfType(DuplicateException.class).isThrownBy(call);
	}

}
