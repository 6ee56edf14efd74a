package dev.faultline.storage.tck.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.faultline.storage.metadata.ApiToken;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectKey;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.SchemaVersion;
import dev.faultline.storage.metadata.Session;
import dev.faultline.storage.metadata.SessionStore;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.metadata.User;
import dev.faultline.storage.metadata.UserStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The contract of the metadata port: what every adapter of {@link MetadataStores} must
 * do. An adapter's test subclasses this and returns fresh, empty stores from
 * {@link #newStores()}; each test gets its own and closes it.
 *
 * <p>
 * Beyond the port's Javadoc, the suite pins down: timestamps round-trip at millisecond
 * precision (every instant used here is whole milliseconds); lists are ordered as
 * documented; every lookup is scoped to the organization or project asked for; an
 * occurrence for an issue of another project is refused with
 * {@link IllegalArgumentException} and counts nothing; and {@code findOrCreate} /
 * {@code recordOccurrence} stay exact when called from several threads at once.
 */
public abstract class MetadataStoresContract {

	private static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123Z");

	private static final int THREADS = 6;

	/** Bounds a hung concurrency test; not a performance threshold. */
	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	private final AtomicInteger sequence = new AtomicInteger();

	private MetadataStores stores;

	/**
	 * Fresh stores over an empty, migrated database. Called once per test; the suite
	 * closes what it returns.
	 */
	protected abstract MetadataStores newStores();

	@BeforeEach
	void openStores() {
		this.stores = newStores();
	}

	@AfterEach
	void closeStores() {
		this.stores.close();
	}

	protected MetadataStores stores() {
		return this.stores;
	}

	// ---- lifecycle ----------------------------------------------------------------

	@Test
	void openStoresAreHealthyAndReportTheirNewestMigration() {
		assertThat(this.stores.isHealthy()).isTrue();
		SchemaVersion schema = this.stores.schemaVersion();
		assertThat(Integer.parseInt(schema.version())).as("every adapter migrated past V7").isGreaterThanOrEqualTo(7);
		assertThat(schema.description()).isNotBlank();
	}

	@Test
	void closedStoresAreUnhealthyAndCloseIsIdempotent() {
		MetadataStores other = newStores();
		other.close();
		other.close();
		assertThat(other.isHealthy()).isFalse();
	}

	// ---- organizations, teams, members ------------------------------------------

	@Test
	void createdOrganizationIsFoundByIdAndSlug() {
		Organization created = orgs().create("acme", "Acme Corp");
		assertThat(created.id()).isPositive();
		assertThat(created.slug()).isEqualTo("acme");
		assertThat(created.name()).isEqualTo("Acme Corp");
		assertThat(orgs().findById(created.id())).contains(created);
		assertThat(orgs().findBySlug("acme")).contains(created);
	}

	@Test
	void organizationSlugIsUnique() {
		orgs().create("acme", "Acme");
		assertThatExceptionOfType(DuplicateException.class).isThrownBy(() -> orgs().create("acme", "Other"));
		assertThat(orgs().findBySlug("acme")).map(Organization::name).contains("Acme");
	}

	@Test
	void unknownOrganizationIsNotFound() {
		Organization acme = orgs().create("acme", "Acme");
		assertThat(orgs().findById(acme.id() + 1000)).isEmpty();
		assertThat(orgs().findBySlug("acme-2")).isEmpty();
	}

	@Test
	void isEmptyUntilTheFirstOrganization() {
		assertThat(orgs().isEmpty()).isTrue();
		orgs().create("acme", "Acme");
		assertThat(orgs().isEmpty()).isFalse();
	}

	@Test
	void teamsAreListedBySlugWithinTheirOrganization() {
		Organization acme = orgs().create("acme", "Acme");
		Organization other = orgs().create("other", "Other");
		Team web = orgs().createTeam(acme.id(), "web", "Web");
		Team backend = orgs().createTeam(acme.id(), "backend", "Backend");
		orgs().createTeam(other.id(), "mobile", "Mobile");
		assertThat(web.organizationId()).isEqualTo(acme.id());
		assertThat(orgs().listTeams(acme.id())).containsExactly(backend, web);
		assertThat(orgs().findTeam(acme.id(), "web")).contains(web);
		assertThat(orgs().findTeam(other.id(), "web")).isEmpty();
		assertThat(orgs().findTeam(acme.id(), "mobile")).isEmpty();
	}

	@Test
	void teamSlugIsUniquePerOrganization() {
		Organization acme = orgs().create("acme", "Acme");
		Organization other = orgs().create("other", "Other");
		orgs().createTeam(acme.id(), "web", "Web");
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> orgs().createTeam(acme.id(), "web", "Web again"));
		Team otherWeb = orgs().createTeam(other.id(), "web", "Web");
		assertThat(orgs().findTeam(other.id(), "web")).contains(otherWeb);
	}

	@Test
	void memberRoleIsSetAndChangedByAddingAgain() {
		Organization acme = orgs().create("acme", "Acme");
		Organization other = orgs().create("other", "Other");
		User ann = users().create("ann@example.com", "Ann", "hash");
		orgs().addMember(acme.id(), ann.id(), "member");
		assertThat(orgs().findMemberRole(acme.id(), ann.id())).contains("member");
		orgs().addMember(acme.id(), ann.id(), "owner");
		assertThat(orgs().findMemberRole(acme.id(), ann.id())).contains("owner");
		assertThat(orgs().findMemberRole(other.id(), ann.id())).isEmpty();
	}

	@Test
	void listForUserGivesTheUsersOrganizationsBySlug() {
		Organization zeta = orgs().create("zeta", "Zeta");
		Organization alpha = orgs().create("alpha", "Alpha");
		orgs().create("middle", "Middle");
		User ann = users().create("ann@example.com", "Ann", "hash");
		User bob = users().create("bob@example.com", "Bob", "hash");
		orgs().addMember(zeta.id(), ann.id(), "member");
		orgs().addMember(alpha.id(), ann.id(), "admin");
		assertThat(orgs().listForUser(ann.id())).containsExactly(alpha, zeta);
		assertThat(orgs().listForUser(bob.id())).isEmpty();
	}

	// ---- projects and keys --------------------------------------------------------

	@Test
	void createdProjectIsFoundByIdAndSlug() {
		Organization acme = orgs().create("acme", "Acme");
		Team team = orgs().createTeam(acme.id(), "web", "Web");
		Project created = projects().create(acme.id(), team.id(), "frontend", "Frontend", "javascript");
		assertThat(created.id()).isPositive();
		assertThat(created)
			.extracting(Project::organizationId, Project::teamId, Project::slug, Project::name, Project::platform)
			.containsExactly(acme.id(), team.id(), "frontend", "Frontend", "javascript");
		assertThat(projects().findById(created.id())).contains(created);
		assertThat(projects().findBySlug(acme.id(), "frontend")).contains(created);
		assertThat(projects().findById(created.id() + 1000)).isEmpty();
	}

	@Test
	void projectPlatformMayBeEmpty() {
		Organization acme = orgs().create("acme", "Acme");
		Team team = orgs().createTeam(acme.id(), "web", "Web");
		Project created = projects().create(acme.id(), team.id(), "misc", "Misc", "");
		assertThat(projects().findById(created.id())).map(Project::platform).contains("");
	}

	@Test
	void projectSlugIsUniquePerOrganizationAndLookupsAreScoped() {
		Organization acme = orgs().create("acme", "Acme");
		Organization other = orgs().create("other", "Other");
		Team acmeTeam = orgs().createTeam(acme.id(), "web", "Web");
		Team otherTeam = orgs().createTeam(other.id(), "web", "Web");
		Project acmeApi = projects().create(acme.id(), acmeTeam.id(), "api", "API", "java");
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> projects().create(acme.id(), acmeTeam.id(), "api", "API again", "java"));
		Project otherApi = projects().create(other.id(), otherTeam.id(), "api", "API", "python");
		assertThat(projects().findBySlug(acme.id(), "api")).contains(acmeApi);
		assertThat(projects().findBySlug(other.id(), "api")).contains(otherApi);
		assertThat(projects().findBySlug(other.id(), "web")).isEmpty();
	}

	@Test
	void projectsAreListedBySlugWithinTheirOrganization() {
		Organization acme = orgs().create("acme", "Acme");
		Organization other = orgs().create("other", "Other");
		Team team = orgs().createTeam(acme.id(), "web", "Web");
		Team otherTeam = orgs().createTeam(other.id(), "web", "Web");
		Project web = projects().create(acme.id(), team.id(), "web", "Web", "javascript");
		Project api = projects().create(acme.id(), team.id(), "api", "API", "java");
		projects().create(other.id(), otherTeam.id(), "billing", "Billing", "go");
		assertThat(projects().listByOrganization(acme.id())).containsExactly(api, web);
	}

	@Test
	void keysAreActiveAndListedOldestFirstWithinTheirProject() {
		Project project = newProject();
		Project other = newProject();
		ProjectKey first = projects().createKey(project.id(), "Default", hex(1), hex(101));
		ProjectKey second = projects().createKey(project.id(), "CI", hex(2), hex(102));
		projects().createKey(other.id(), "Default", hex(3), hex(103));
		assertThat(first)
			.extracting(ProjectKey::projectId, ProjectKey::label, ProjectKey::publicKey, ProjectKey::secretKey,
					ProjectKey::active)
			.containsExactly(project.id(), "Default", hex(1), hex(101), true);
		assertThat(projects().listKeys(project.id())).containsExactly(first, second);
		assertThat(projects().findKeyByPublicKey(hex(2))).contains(second);
		assertThat(projects().findKeyByPublicKey(hex(9))).isEmpty();
	}

	@Test
	void publicKeyIsUniqueAcrossProjects() {
		Project project = newProject();
		Project other = newProject();
		projects().createKey(project.id(), "Default", hex(1), hex(101));
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> projects().createKey(other.id(), "Default", hex(1), hex(102)));
		assertThat(projects().listKeys(other.id())).isEmpty();
	}

	@Test
	void updateKeyRenamesAndDeactivatesWithinItsProject() {
		Project project = newProject();
		Project other = newProject();
		ProjectKey key = projects().createKey(project.id(), "Default", hex(1), hex(101));
		assertThat(projects().updateKey(other.id(), hex(1), "Stolen", false)).isEmpty();
		ProjectKey renamed = projects().updateKey(project.id(), hex(1), "Browser", null).orElseThrow();
		assertThat(renamed).usingRecursiveComparison().ignoringFields("label").isEqualTo(key);
		assertThat(renamed.label()).isEqualTo("Browser");
		ProjectKey inactive = projects().updateKey(project.id(), hex(1), null, false).orElseThrow();
		assertThat(inactive.active()).isFalse();
		assertThat(inactive.label()).isEqualTo("Browser");
		assertThat(projects().findKeyByPublicKey(hex(1))).contains(inactive);
		assertThat(projects().updateKey(project.id(), hex(1), null, true)).map(ProjectKey::active).contains(true);
		assertThat(projects().updateKey(project.id(), hex(9), "Missing", true)).isEmpty();
	}

	@Test
	void deleteKeyRemovesOnlyThatKeyOfThatProject() {
		Project project = newProject();
		Project other = newProject();
		projects().createKey(project.id(), "Default", hex(1), hex(101));
		ProjectKey kept = projects().createKey(project.id(), "CI", hex(2), hex(102));
		assertThat(projects().deleteKey(other.id(), hex(1))).isFalse();
		assertThat(projects().deleteKey(project.id(), hex(1))).isTrue();
		assertThat(projects().deleteKey(project.id(), hex(1))).isFalse();
		assertThat(projects().findKeyByPublicKey(hex(1))).isEmpty();
		assertThat(projects().listKeys(project.id())).containsExactly(kept);
	}

	// ---- users and tokens -----------------------------------------------------------

	@Test
	void createdUserIsFoundByIdAndByEmailIgnoringCase() {
		User created = users().create("Ann.Lee@Example.com", "Ann Lee", "{bcrypt}$2a$10$abc");
		assertThat(created.id()).isPositive();
		assertThat(created.email()).isEqualTo("Ann.Lee@Example.com");
		assertThat(users().findById(created.id())).contains(created);
		assertThat(users().findByEmail("ann.lee@example.com")).contains(created);
		assertThat(users().findByEmail("ANN.LEE@EXAMPLE.COM")).contains(created);
		assertThat(users().findByEmail("ann@example.com")).isEmpty();
		assertThat(users().findById(created.id() + 1000)).isEmpty();
	}

	@Test
	void emailIsUniqueIgnoringCase() {
		users().create("ann@example.com", "Ann", "hash");
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> users().create("ANN@example.COM", "Ann again", "hash"));
	}

	@Test
	void tokensAreFoundByHashWithTheirScopes() {
		User ann = users().create("ann@example.com", "Ann", "hash");
		ApiToken token = users().createToken(ann.id(), "CI", hex(7), Set.of("project:read", "project:releases"));
		ApiToken bare = users().createToken(ann.id(), "none", hex(8), Set.of());
		assertThat(token).extracting(ApiToken::userId, ApiToken::name, ApiToken::tokenHash)
			.containsExactly(ann.id(), "CI", hex(7));
		assertThat(users().findTokenByHash(hex(7))).contains(token);
		assertThat(users().findTokenByHash(hex(7))).map(ApiToken::scopes)
			.contains(Set.of("project:read", "project:releases"));
		assertThat(users().findTokenByHash(hex(8))).contains(bare);
		assertThat(users().findTokenByHash(hex(9))).isEmpty();
	}

	@Test
	void tokenHashIsUnique() {
		User ann = users().create("ann@example.com", "Ann", "hash");
		User bob = users().create("bob@example.com", "Bob", "hash");
		users().createToken(ann.id(), "CI", hex(7), Set.of("org:read"));
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> users().createToken(bob.id(), "CI", hex(7), Set.of("org:read")));
		assertThat(users().findTokenByHash(hex(7))).map(ApiToken::userId).contains(ann.id());
	}

	// ---- issues: creation ----------------------------------------------------------

	@Test
	void findOrCreateCreatesAnUnresolvedUnseenIssue() {
		Project project = newProject();
		Map<String, String> metadata = Map.of("type", "IllegalStateException", "value", "boom", "function", "run");
		Issue issue = issues()
			.findOrCreate(new NewIssue(project.id(), hex(1), "IllegalStateException: boom", "com.example.Job in run",
					"error", "error", metadata, T0))
			.orElseThrow();
		assertThat(issue.id()).isPositive();
		assertThat(issue)
			.extracting(Issue::projectId, Issue::shortNumber, Issue::primaryHash, Issue::title, Issue::culprit,
					Issue::level, Issue::type, Issue::metadata, Issue::status, Issue::timesSeen, Issue::userCount,
					Issue::firstSeen, Issue::lastSeen)
			.containsExactly(project.id(), 1L, hex(1), "IllegalStateException: boom", "com.example.Job in run", "error",
					"error", metadata, IssueStatus.UNRESOLVED, 0L, 0L, T0, T0);
		assertThat(issues().findById(issue.id())).contains(issue);
		assertThat(issues().findById(issue.id() + 1000)).isEmpty();
	}

	@Test
	void findOrCreateReturnsTheExistingIssueUnchanged() {
		Project project = newProject();
		Issue first = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		Issue again = issues()
			.findOrCreate(new NewIssue(project.id(), hex(1), "other title", "other culprit", "fatal", "default",
					Map.of("title", "x"), T0.plusSeconds(60)))
			.orElseThrow();
		assertThat(again).isEqualTo(first);
	}

	@Test
	void shortNumbersCountUpPerProject() {
		Project project = newProject();
		Project other = newProject();
		assertThat(issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow().shortNumber()).isEqualTo(1);
		assertThat(issues().findOrCreate(candidate(project, hex(2), T0)).orElseThrow().shortNumber()).isEqualTo(2);
		assertThat(issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow().shortNumber()).isEqualTo(1);
		assertThat(issues().findOrCreate(candidate(other, hex(3), T0)).orElseThrow().shortNumber()).isEqualTo(1);
		assertThat(issues().findOrCreate(candidate(project, hex(4), T0)).orElseThrow().shortNumber()).isEqualTo(3);
	}

	@Test
	void theSameHashInAnotherProjectIsAnotherIssue() {
		Project project = newProject();
		Project other = newProject();
		Issue mine = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		Issue theirs = issues().findOrCreate(candidate(other, hex(1), T0)).orElseThrow();
		assertThat(theirs.id()).isNotEqualTo(mine.id());
		assertThat(theirs.projectId()).isEqualTo(other.id());
	}

	// ---- issues: occurrences -------------------------------------------------------

	@Test
	void anEventIsCountedOnce() {
		Project project = newProject();
		Issue issue = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		assertThat(issues().recordOccurrence(occurrence(issue, hex(11), T0, "id:1"))).isTrue();
		assertThat(issues().recordOccurrence(occurrence(issue, hex(11), T0, "id:1"))).isFalse();
		assertThat(issues().recordOccurrence(occurrence(issue, hex(11), T0.plusSeconds(5), "id:2"))).isFalse();
		assertThat(issues().recordOccurrence(occurrence(issue, hex(12), T0, null))).isTrue();
		Issue counted = issues().findById(issue.id()).orElseThrow();
		assertThat(counted.timesSeen()).isEqualTo(2);
		assertThat(counted.userCount()).isEqualTo(1);
		assertThat(counted.lastSeen()).isEqualTo(T0);
	}

	@Test
	void occurrencesWidenFirstAndLastSeen() {
		Project project = newProject();
		Issue issue = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		issues().recordOccurrence(occurrence(issue, hex(11), T0.plusSeconds(30), null));
		issues().recordOccurrence(occurrence(issue, hex(12), T0.minusSeconds(10), null));
		issues().recordOccurrence(occurrence(issue, hex(13), T0.plusSeconds(10), null));
		Issue counted = issues().findById(issue.id()).orElseThrow();
		assertThat(counted.firstSeen()).isEqualTo(T0.minusSeconds(10));
		assertThat(counted.lastSeen()).isEqualTo(T0.plusSeconds(30));
		assertThat(counted.timesSeen()).isEqualTo(3);
	}

	@Test
	void distinctUserKeysAreCountedOncePerIssue() {
		Project project = newProject();
		Issue issue = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		Issue other = issues().findOrCreate(candidate(project, hex(2), T0)).orElseThrow();
		issues().recordOccurrence(occurrence(issue, hex(11), T0, "id:1"));
		issues().recordOccurrence(occurrence(issue, hex(12), T0, "email:ann@example.com"));
		issues().recordOccurrence(occurrence(issue, hex(13), T0, "id:1"));
		issues().recordOccurrence(occurrence(issue, hex(14), T0, null));
		issues().recordOccurrence(occurrence(other, hex(15), T0, "id:1"));
		assertThat(issues().findById(issue.id())).map(Issue::userCount).contains(2L);
		assertThat(issues().findById(other.id())).map(Issue::userCount).contains(1L);
	}

	@Test
	void eventIdsAreUniquePerProjectOnly() {
		Project project = newProject();
		Project other = newProject();
		Issue mine = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		Issue theirs = issues().findOrCreate(candidate(other, hex(1), T0)).orElseThrow();
		assertThat(issues().recordOccurrence(occurrence(mine, hex(11), T0, null))).isTrue();
		assertThat(issues().recordOccurrence(occurrence(theirs, hex(11), T0, null))).isTrue();
		assertThat(issues().findById(theirs.id())).map(Issue::timesSeen).contains(1L);
	}

	@Test
	void anOccurrenceForAnIssueOfAnotherProjectIsRefused() {
		Project project = newProject();
		Project other = newProject();
		Issue issue = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		EventOccurrence misdirected = new EventOccurrence(issue.id(), other.id(), hex(11), T0, "error", "id:1",
				issue.primaryHash(), null);
		assertThatIllegalArgumentException().isThrownBy(() -> issues().recordOccurrence(misdirected));
		assertThat(issues().findById(issue.id())).contains(issue);
		// the refused event id was not consumed in either project
		assertThat(issues().recordOccurrence(occurrence(issue, hex(11), T0, null))).isTrue();
	}

	// ---- issues: list and status ---------------------------------------------------

	@Test
	void listSortsDescendingWithTiesBrokenByIdDescending() {
		Project project = newProject();
		List<Issue> abcd = sortFixture(project);
		Issue a = abcd.get(0);
		Issue b = abcd.get(1);
		Issue c = abcd.get(2);
		Issue d = abcd.get(3);
		assertThat(ids(list(project, null, IssueSort.DATE, 0, 100))).containsExactly(c.id(), b.id(), d.id(), a.id());
		assertThat(ids(list(project, null, IssueSort.NEW, 0, 100))).containsExactly(d.id(), b.id(), a.id(), c.id());
		assertThat(ids(list(project, null, IssueSort.FREQ, 0, 100))).containsExactly(c.id(), a.id(), b.id(), d.id());
		assertThat(ids(list(project, null, IssueSort.USER, 0, 100))).containsExactly(a.id(), b.id(), d.id(), c.id());
	}

	@Test
	void listReturnsCurrentCounters() {
		Project project = newProject();
		Issue a = sortFixture(project).get(0);
		assertThat(list(project, null, IssueSort.USER, 0, 1)).singleElement().satisfies((issue) -> {
			assertThat(issue.id()).isEqualTo(a.id());
			assertThat(issue.timesSeen()).isEqualTo(3);
			assertThat(issue.userCount()).isEqualTo(2);
		});
	}

	@Test
	void listFiltersByStatus() {
		Project project = newProject();
		List<Issue> abcd = sortFixture(project);
		issues().updateStatus(abcd.get(1).id(), IssueStatus.RESOLVED);
		issues().updateStatus(abcd.get(3).id(), IssueStatus.IGNORED);
		assertThat(ids(list(project, IssueStatus.UNRESOLVED, IssueSort.DATE, 0, 100))).containsExactly(abcd.get(2).id(),
				abcd.get(0).id());
		assertThat(ids(list(project, IssueStatus.RESOLVED, IssueSort.DATE, 0, 100))).containsExactly(abcd.get(1).id());
		assertThat(ids(list(project, IssueStatus.IGNORED, IssueSort.DATE, 0, 100))).containsExactly(abcd.get(3).id());
		assertThat(list(project, null, IssueSort.DATE, 0, 100)).hasSize(4);
	}

	@Test
	void listPagesWithOffsetAndLimit() {
		Project project = newProject();
		List<Issue> abcd = sortFixture(project);
		assertThat(ids(list(project, null, IssueSort.DATE, 1, 2))).containsExactly(abcd.get(1).id(), abcd.get(3).id());
		assertThat(ids(list(project, null, IssueSort.DATE, 3, 2))).containsExactly(abcd.get(0).id());
		assertThat(list(project, null, IssueSort.DATE, 4, 2)).isEmpty();
	}

	@Test
	void listIsScopedToTheProject() {
		Project project = newProject();
		Project other = newProject();
		Issue mine = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		issues().findOrCreate(candidate(other, hex(2), T0)).orElseThrow();
		assertThat(ids(list(project, null, IssueSort.DATE, 0, 100))).containsExactly(mine.id());
		assertThat(list(newProject(), null, IssueSort.DATE, 0, 100)).isEmpty();
	}

	@Test
	void updateStatusChangesOnlyTheStatus() {
		Project project = newProject();
		Issue issue = issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow();
		issues().recordOccurrence(occurrence(issue, hex(11), T0.plusSeconds(1), "id:1"));
		Issue counted = issues().findById(issue.id()).orElseThrow();
		Issue resolved = issues().updateStatus(issue.id(), IssueStatus.RESOLVED).orElseThrow();
		assertThat(resolved.status()).isEqualTo(IssueStatus.RESOLVED);
		assertThat(resolved).usingRecursiveComparison().ignoringFields("status").isEqualTo(counted);
		assertThat(issues().findById(issue.id())).contains(resolved);
		assertThat(issues().updateStatus(issue.id(), IssueStatus.UNRESOLVED)).map(Issue::status)
			.contains(IssueStatus.UNRESOLVED);
		assertThat(issues().updateStatus(issue.id() + 1000, IssueStatus.RESOLVED)).isEmpty();
	}

	@Test
	void listForProjectsMergesTheProjectsInOneOrder() {
		Project project = newProject();
		Project second = newProject();
		Project unlisted = newProject();
		List<Issue> abcd = sortFixture(project);
		Issue e = issues().findOrCreate(candidate(second, hex(5), T0.plusSeconds(35))).orElseThrow();
		issues().recordOccurrence(occurrence(e, hex(51), T0.plusSeconds(35), null));
		issues().findOrCreate(candidate(unlisted, hex(6), T0.plusSeconds(50))).orElseThrow();
		List<Long> both = List.of(project.id(), second.id());
		assertThat(ids(issues().listForProjects(both, new IssueQuery((IssueStatus) null, IssueSort.DATE, 0, 100))))
			.containsExactly(abcd.get(2).id(), e.id(), abcd.get(1).id(), abcd.get(3).id(), abcd.get(0).id());
		assertThat(ids(issues().listForProjects(both, new IssueQuery((IssueStatus) null, IssueSort.DATE, 1, 2))))
			.containsExactly(e.id(), abcd.get(1).id());
		issues().updateStatus(e.id(), IssueStatus.RESOLVED);
		assertThat(ids(issues().listForProjects(both, new IssueQuery(IssueStatus.RESOLVED, IssueSort.NEW, 0, 100))))
			.containsExactly(e.id());
		assertThat(ids(issues().listForProjects(List.of(second.id()),
				new IssueQuery((IssueStatus) null, IssueSort.FREQ, 0, 100))))
			.containsExactly(e.id());
		assertThat(issues().listForProjects(List.of(), new IssueQuery((IssueStatus) null, IssueSort.DATE, 0, 100)))
			.isEmpty();
	}

	// ---- sessions ------------------------------------------------------------------

	@Test
	void sessionIsFoundByTokenHashUntilItExpires() {
		User user = users().create("ann@example.com", "Ann", "hash");
		Instant expires = T0.plus(Duration.ofDays(14));
		Session created = sessions().create(user.id(), hex(1), hex(2), expires);
		assertThat(created.id()).isPositive();
		assertThat(created).extracting(Session::userId, Session::tokenHash, Session::csrfHash, Session::expiresAt)
			.containsExactly(user.id(), hex(1), hex(2), expires);
		assertThat(sessions().findByTokenHash(hex(1), T0)).contains(created);
		assertThat(sessions().findByTokenHash(hex(1), expires.minusMillis(1))).contains(created);
		assertThat(sessions().findByTokenHash(hex(1), expires)).isEmpty();
		assertThat(sessions().findByTokenHash(hex(3), T0)).isEmpty();
	}

	@Test
	void sessionTokenHashIsUnique() {
		User user = users().create("ann@example.com", "Ann", "hash");
		sessions().create(user.id(), hex(1), hex(2), T0.plusSeconds(60));
		assertThatExceptionOfType(DuplicateException.class)
			.isThrownBy(() -> sessions().create(user.id(), hex(1), hex(3), T0.plusSeconds(60)));
		assertThat(sessions().findByTokenHash(hex(1), T0)).map(Session::csrfHash).contains(hex(2));
	}

	@Test
	void deletedSessionNoLongerAuthenticates() {
		User user = users().create("ann@example.com", "Ann", "hash");
		sessions().create(user.id(), hex(1), hex(2), T0.plusSeconds(60));
		Session other = sessions().create(user.id(), hex(3), hex(4), T0.plusSeconds(60));
		assertThat(sessions().delete(hex(1))).isTrue();
		assertThat(sessions().delete(hex(1))).isFalse();
		assertThat(sessions().findByTokenHash(hex(1), T0)).isEmpty();
		assertThat(sessions().findByTokenHash(hex(3), T0)).contains(other);
	}

	@Test
	void deleteExpiredRemovesOnlyExpiredSessions() {
		User user = users().create("ann@example.com", "Ann", "hash");
		sessions().create(user.id(), hex(1), hex(2), T0.minusSeconds(1));
		sessions().create(user.id(), hex(3), hex(4), T0);
		Session live = sessions().create(user.id(), hex(5), hex(6), T0.plusMillis(1));
		assertThat(sessions().deleteExpired(T0)).isEqualTo(2);
		assertThat(sessions().deleteExpired(T0)).isZero();
		assertThat(sessions().findByTokenHash(hex(5), T0)).contains(live);
	}

	// ---- issues: concurrency -------------------------------------------------------

	@Test
	void concurrentFindOrCreateOfOneHashGivesOneIssue() {
		Project project = newProject();
		List<Issue> results = concurrently(
				(thread) -> issues().findOrCreate(candidate(project, hex(1), T0)).orElseThrow());
		assertThat(results).hasSize(THREADS);
		assertThat(results.stream().map(Issue::id).distinct()).hasSize(1);
		assertThat(results.get(0).shortNumber()).isEqualTo(1);
		assertThat(list(project, null, IssueSort.DATE, 0, 100)).hasSize(1);
	}

	@Test
	void concurrentFindOrCreateOfDistinctHashesGivesGaplessShortNumbers() {
		Project project = newProject();
		List<List<Long>> perThread = concurrently((thread) -> IntStream.range(0, 5)
			.mapToObj((i) -> issues().findOrCreate(candidate(project, hex(1000 + thread * 10 + i), T0))
				.orElseThrow()
				.shortNumber())
			.toList());
		List<Long> all = perThread.stream().flatMap(List::stream).sorted().toList();
		assertThat(all)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, THREADS * 5).mapToObj(Long::valueOf).toList());
	}

	@Test
	void concurrentOccurrencesWithOverlappingEventIdsAreCountedExactlyOnce() {
		Project project = newProject();
		int events = 60;
		String[] hashes = { hex(1), hex(2), hex(3) };
		Instant seenAt = T0.plusSeconds(30);
		List<Integer> counted = concurrently((thread) -> {
			List<Integer> order = new ArrayList<>(IntStream.range(0, events).boxed().toList());
			Collections.shuffle(order, new Random(thread));
			int mine = 0;
			for (int i : order) {
				Issue issue = issues().findOrCreate(candidate(project, hashes[i % 3], seenAt)).orElseThrow();
				if (issues().recordOccurrence(occurrence(issue, hex(5000 + i), T0.plusSeconds(i), userKey(i)))) {
					mine++;
				}
			}
			return mine;
		});
		assertThat(counted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(events);
		List<Issue> listed = list(project, null, IssueSort.DATE, 0, 100);
		assertThat(listed).hasSize(3);
		for (int k = 0; k < 3; k++) {
			int issueIndex = k;
			List<Integer> mineOnly = IntStream.range(0, events).filter((i) -> i % 3 == issueIndex).boxed().toList();
			Set<String> users = new HashSet<>();
			mineOnly.stream().map(MetadataStoresContract::userKey).forEach((key) -> {
				if (key != null) {
					users.add(key);
				}
			});
			Issue issue = listed.stream()
				.filter((candidate) -> candidate.primaryHash().equals(hashes[issueIndex]))
				.findFirst()
				.orElseThrow();
			assertThat(issue.timesSeen()).isEqualTo(mineOnly.size());
			assertThat(issue.userCount()).isEqualTo(users.size());
			assertThat(issue.firstSeen()).isEqualTo(T0.plusSeconds(mineOnly.get(0)));
			assertThat(issue.lastSeen()).isEqualTo(T0.plusSeconds(mineOnly.get(mineOnly.size() - 1)));
		}
	}

	// ---- fixtures ------------------------------------------------------------------

	private OrganizationStore orgs() {
		return this.stores.organizations();
	}

	private ProjectStore projects() {
		return this.stores.projects();
	}

	private UserStore users() {
		return this.stores.users();
	}

	private IssueStore issues() {
		return this.stores.issues();
	}

	private SessionStore sessions() {
		return this.stores.sessions();
	}

	/** A project in an organization and team of its own. */
	private Project newProject() {
		int n = this.sequence.incrementAndGet();
		Organization org = orgs().create("org-" + n, "Org " + n);
		Team team = orgs().createTeam(org.id(), "team", "Team");
		return projects().create(org.id(), team.id(), "project-" + n, "Project " + n, "java");
	}

	/**
	 * Four issues A, B, C, D (created in that order, so ids ascend) whose every sort
	 * order differs and contains a tie: <pre>
	 *      first  last  times  users
	 *   A   +10    +10     3      2
	 *   B   +20    +30     1      1
	 *   C    +5    +40     3      0
	 *   D   +20    +20     0      0
	 * </pre>
	 */
	private List<Issue> sortFixture(Project project) {
		Issue a = issues().findOrCreate(candidate(project, hex(1), T0.plusSeconds(10))).orElseThrow();
		Issue b = issues().findOrCreate(candidate(project, hex(2), T0.plusSeconds(20))).orElseThrow();
		Issue c = issues().findOrCreate(candidate(project, hex(3), T0.plusSeconds(5))).orElseThrow();
		Issue d = issues().findOrCreate(candidate(project, hex(4), T0.plusSeconds(20))).orElseThrow();
		issues().recordOccurrence(occurrence(a, hex(11), T0.plusSeconds(10), "id:1"));
		issues().recordOccurrence(occurrence(a, hex(12), T0.plusSeconds(10), "id:2"));
		issues().recordOccurrence(occurrence(a, hex(13), T0.plusSeconds(10), null));
		issues().recordOccurrence(occurrence(b, hex(21), T0.plusSeconds(30), "id:1"));
		issues().recordOccurrence(occurrence(c, hex(31), T0.plusSeconds(40), null));
		issues().recordOccurrence(occurrence(c, hex(32), T0.plusSeconds(40), null));
		issues().recordOccurrence(occurrence(c, hex(33), T0.plusSeconds(40), null));
		return List.of(a, b, c, d);
	}

	private List<Issue> list(Project project, @Nullable IssueStatus status, IssueSort sort, int offset, int limit) {
		return issues().list(project.id(), new IssueQuery(status, sort, offset, limit));
	}

	private static List<Long> ids(List<Issue> issues) {
		return issues.stream().map(Issue::id).toList();
	}

	private static NewIssue candidate(Project project, String hash, Instant seenAt) {
		return new NewIssue(project.id(), hash, "Error: " + hash, "app.js in main", "error", "error",
				Map.of("type", "Error", "value", hash), seenAt);
	}

	private static EventOccurrence occurrence(Issue issue, String eventId, Instant at, @Nullable String userKey) {
		return new EventOccurrence(issue.id(), issue.projectId(), eventId, at, "error", userKey, issue.primaryHash(),
				null);
	}

	private static @Nullable String userKey(int event) {
		return (event % 5 == 0) ? null : "id:" + (event % 7);
	}

	/** 32 lower-case hex characters derived from n, like an event id or a hash. */
	private static String hex(int n) {
		return String.format("%032x", n);
	}

	/**
	 * Runs the task on {@link #THREADS} threads released together; returns each thread's
	 * result in thread order, rethrowing the first failure.
	 */
	private static <T> List<T> concurrently(Function<Integer, T> task) {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				int thread = i;
				Callable<T> call = () -> {
					start.await();
					return task.apply(thread);
				};
				futures.add(executor.submit(call));
			}
			start.countDown();
			await().atMost(HANG_GUARD).until(() -> futures.stream().allMatch(Future::isDone));
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(0, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (Exception ex) {
			throw new AssertionError("a concurrent task failed", ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
