package dev.faultline.storage.tck.metadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.release.Commit;
import dev.faultline.storage.release.FileChange;
import dev.faultline.storage.release.NewCommit;
import dev.faultline.storage.release.NewDeploy;
import dev.faultline.storage.release.NewRelease;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseChange;
import dev.faultline.storage.release.ReleaseProject;
import dev.faultline.storage.release.ReleaseQuery;
import dev.faultline.storage.release.ReleaseStore;
import dev.faultline.storage.release.Repository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of {@link ReleaseStore}: releases by version per organization, created by
 * the API or by the first counted event carrying them, with deploys, repositories and
 * commit lists.
 */
public abstract class ReleaseContract extends IssueWorkflowFixture {

	private static final Instant STARTED = Instant.parse("2025-12-31T23:00:00.123Z");

	private ReleaseStore releases() {
		return this.stores.releases();
	}

	private Project secondProject() {
		return this.stores.projects().create(this.org.id(), this.team.id(), "web", "Web", "javascript");
	}

	private ReleaseStore.Created create(String version, Project... projects) {
		return releases().create(this.org.id(), new NewRelease(version, null, null, STARTED, null,
				List.of(projects).stream().map(Project::id).toList()));
	}

	private List<String> versions(ReleaseQuery query) {
		return releases().list(query).stream().map(Release::version).toList();
	}

	private ReleaseQuery all() {
		return new ReleaseQuery(this.org.id(), List.of(), null, null, 0, 100);
	}

	@Test
	void createIsIdempotentByVersionAndAddsProjects() {
		ReleaseStore.Created first = create("shop@1.0.0", this.project);
		assertThat(first.created()).isTrue();
		assertThat(first.release()).satisfies((release) -> {
			assertThat(release.id()).isPositive();
			assertThat(release.organizationId()).isEqualTo(this.org.id());
			assertThat(release.version()).isEqualTo("shop@1.0.0");
			assertThat(release.dateCreated()).isEqualTo(T0);
			assertThat(release.dateStarted()).isEqualTo(STARTED);
			assertThat(release.dateReleased()).isNull();
			assertThat(release.firstEvent()).isNull();
			assertThat(release.archived()).isFalse();
			assertThat(release.projectIds()).containsExactly(this.project.id());
			assertThat(release.commitCount()).isZero();
			assertThat(release.lastCommit()).isNull();
			assertThat(release.deployCount()).isZero();
			assertThat(release.lastDeploy()).isNull();
			assertThat(release.authors()).isEmpty();
		});

		this.clock.advance(Duration.ofMinutes(1));
		Project web = secondProject();
		ReleaseStore.Created again = create("shop@1.0.0", web);
		assertThat(again.created()).isFalse();
		assertThat(again.release().id()).isEqualTo(first.release().id());
		assertThat(again.release().dateCreated()).isEqualTo(T0);
		assertThat(again.release().projectIds()).containsExactlyInAnyOrder(this.project.id(), web.id());
		assertThat(releases().find(this.org.id(), "shop@1.0.0")).contains(again.release());
		assertThat(releases().find(this.org.id(), "shop@1.0.1")).isEmpty();
	}

	@Test
	void releasesBelongToTheirOrganization() {
		create("1.0", this.project);
		Organization other = this.stores.organizations().create("other", "Other");
		var otherTeam = this.stores.organizations().createTeam(other.id(), "t", "T");
		Project foreign = this.stores.projects().create(other.id(), otherTeam.id(), "shop", "Shop", "java");

		assertThat(releases().find(other.id(), "1.0")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> create("2.0", foreign));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> releases().update(this.org.id(), "1.0", change(null, List.of(foreign.id()))));
		var theirs = releases().create(other.id(),
				new NewRelease("1.0", null, null, null, null, List.of(foreign.id())));
		assertThat(theirs.created()).isTrue();
		assertThat(versions(all())).containsExactly("1.0");
		assertThat(releases().list(new ReleaseQuery(other.id(), List.of(), null, null, 0, 10))).extracting(Release::id)
			.containsExactly(theirs.release().id());
		assertThat(releases().delete(other.id(), "1.0")).isTrue();
		assertThat(releases().find(this.org.id(), "1.0")).isPresent();
		assertThatIllegalArgumentException().isThrownBy(() -> releases().setCommits(other.id(),
				releases().find(this.org.id(), "1.0").orElseThrow().id(), List.of()));
	}

	@Test
	void listsNewestFirstByProjectVersionTextAndStatus() {
		Project web = secondProject();
		create("shop@1.0", this.project);
		this.clock.advance(Duration.ofMinutes(1));
		create("web@1.0", web);
		this.clock.advance(Duration.ofMinutes(1));
		create("shop@1.1", this.project, web);
		this.clock.advance(Duration.ofMinutes(1));
		create("100%_done", this.project);

		assertThat(versions(all())).containsExactly("100%_done", "shop@1.1", "web@1.0", "shop@1.0");
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(web.id()), null, null, 0, 100)))
			.containsExactly("shop@1.1", "web@1.0");
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(this.project.id(), web.id()), null, null, 0, 100)))
			.hasSize(4);
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(), "SHOP@", null, 0, 100)))
			.containsExactly("shop@1.1", "shop@1.0");
		// LIKE's wildcards in the text are literal.
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(), "%_", null, 0, 100)))
			.containsExactly("100%_done");
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(), "_", null, 0, 100)))
			.containsExactly("100%_done");
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(), null, null, 1, 2))).containsExactly("shop@1.1",
				"web@1.0");

		releases().update(this.org.id(), "web@1.0", new ReleaseChange(null, null, null, true, List.of()));
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(), null, true, 0, 100))).containsExactly("web@1.0");
		assertThat(versions(new ReleaseQuery(this.org.id(), List.of(), null, false, 0, 100)))
			.containsExactly("100%_done", "shop@1.1", "shop@1.0");
	}

	@Test
	void updatesChangeOnlyWhatTheyName() {
		create("1.0", this.project);
		Instant released = Instant.parse("2026-01-02T03:04:05.678Z");
		Release finalized = releases()
			.update(this.org.id(), "1.0", new ReleaseChange("abc123", "https://ci/1", released, null, List.of()))
			.orElseThrow();
		assertThat(finalized.ref()).isEqualTo("abc123");
		assertThat(finalized.url()).isEqualTo("https://ci/1");
		assertThat(finalized.dateReleased()).isEqualTo(released);
		assertThat(finalized.dateStarted()).isEqualTo(STARTED);

		Project web = secondProject();
		Release widened = releases().update(this.org.id(), "1.0", change(null, List.of(web.id()))).orElseThrow();
		assertThat(widened.ref()).isEqualTo("abc123");
		assertThat(widened.dateReleased()).isEqualTo(released);
		assertThat(widened.projectIds()).containsExactlyInAnyOrder(this.project.id(), web.id());
		assertThat(releases().update(this.org.id(), "2.0", change("x", List.of()))).isEmpty();
	}

	@Test
	void deploysAreListedLastFinishedFirst() {
		Release release = create("1.0", this.project).release();
		var staging = releases().addDeploy(release.id(),
				new NewDeploy("staging", "deploy 1", "https://ci/d/1", STARTED, Instant.parse("2026-01-01T00:10:00Z")));
		this.clock.advance(Duration.ofHours(1));
		var production = releases().addDeploy(release.id(), new NewDeploy("production", null, null, null, null));
		assertThat(production.dateFinished()).isEqualTo(T0.plus(Duration.ofHours(1)));
		assertThat(staging.id()).isPositive();

		assertThat(releases().deploys(release.id())).containsExactly(production, staging);
		Release reloaded = releases().find(this.org.id(), "1.0").orElseThrow();
		assertThat(reloaded.deployCount()).isEqualTo(2);
		assertThat(reloaded.lastDeploy()).isEqualTo(production);
	}

	@Test
	void commitListsReplaceEachOtherAndCreateRepositories() {
		Repository shop = releases().addRepository(this.org.id(), "acme/shop", "https://git.example/acme/shop",
				"integrations:github");
		assertThatDuplicate(() -> releases().addRepository(this.org.id(), "acme/shop", "u", "p"));
		Release release = create("1.0", this.project).release();
		Instant at = Instant.parse("2025-12-30T10:00:00Z");
		releases().setCommits(this.org.id(), release.id(), List.of(
				new NewCommit("acme/shop", "c2", "Fix checkout", "Ann", "ann@example.com", at,
						List.of(new FileChange("src/cart.js", "M"), new FileChange("src/a.js", "A"))),
				new NewCommit("acme/lib", "c1", "Init", "Bob", "bob@example.com", at.minusSeconds(60), List.of()),
				new NewCommit("acme/shop", "c2", "listed twice", null, null, null, List.of())));

		List<Commit> commits = releases().commits(release.id());
		assertThat(commits)
			.extracting(Commit::repository, Commit::sha, Commit::message, Commit::authorName, Commit::authorEmail,
					Commit::dateCreated)
			.containsExactly(tuple("acme/shop", "c2", "listed twice", "Ann", "ann@example.com", at),
					tuple("acme/lib", "c1", "Init", "Bob", "bob@example.com", at.minusSeconds(60)));
		assertThat(commits.get(0).files()).containsExactly(new FileChange("src/a.js", "A"),
				new FileChange("src/cart.js", "M"));
		assertThat(releases().repositories(this.org.id())).extracting(Repository::name, Repository::provider)
			.containsExactly(tuple("acme/lib", Repository.UNKNOWN_PROVIDER), tuple("acme/shop", "integrations:github"));
		assertThat(releases().repositories(this.org.id()).get(1)).isEqualTo(shop);

		Release listed = releases().find(this.org.id(), "1.0").orElseThrow();
		assertThat(listed.commitCount()).isEqualTo(2);
		assertThat(listed.lastCommit()).extracting(Commit::sha).isEqualTo("c2");
		assertThat(listed.authors()).containsExactly("ann@example.com", "bob@example.com");

		// A ref without details: the head commit, keeping what is known of it.
		releases().setCommits(this.org.id(), release.id(),
				List.of(new NewCommit("acme/lib", "c1", null, null, null, null, List.of())));
		assertThat(releases().commits(release.id())).singleElement().satisfies((commit) -> {
			assertThat(commit.sha()).isEqualTo("c1");
			assertThat(commit.message()).isEqualTo("Init");
		});
		assertThat(releases().find(this.org.id(), "1.0").orElseThrow().commitCount()).isEqualTo(1);
	}

	@Test
	void thePreviousReleaseWithCommitsSharesAProject() {
		Project web = secondProject();
		Release first = create("1.0", this.project).release();
		releases().setCommits(this.org.id(), first.id(),
				List.of(new NewCommit("acme/shop", "c1", null, null, null, null, List.of())));
		this.clock.advance(Duration.ofMinutes(1));
		create("1.1", this.project);
		Release other = create("web-1", web).release();
		releases().setCommits(this.org.id(), other.id(),
				List.of(new NewCommit("acme/web", "w1", null, null, null, null, List.of())));
		this.clock.advance(Duration.ofMinutes(1));
		Release current = create("2.0", this.project).release();

		assertThat(releases().previousWithCommits(this.org.id(), current.id())).get()
			.extracting(Release::version)
			.isEqualTo("1.0");
		assertThat(releases().previousWithCommits(this.org.id(), first.id())).isEmpty();
		Organization stranger = this.stores.organizations().create("other", "Other");
		assertThat(releases().previousWithCommits(stranger.id(), current.id())).isEmpty();
	}

	@Test
	void releasesSeenOnEventsAreReleasesOfTheOrganization() {
		Issue issue = issue("h1");
		this.clock.advance(Duration.ofMinutes(5));
		occur(issue, "e1", T0, "u1", "shop@2.0");
		Instant firstSeen = T0.plus(Duration.ofMinutes(5));

		Release seen = releases().find(this.org.id(), "shop@2.0").orElseThrow();
		assertThat(seen.projectIds()).containsExactly(this.project.id());
		assertThat(seen.dateCreated()).isEqualTo(firstSeen);
		assertThat(seen.firstEvent()).isEqualTo(firstSeen);
		assertThat(versions(all())).containsExactly("shop@2.0");

		// An API create of the same version is the same release.
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(create("shop@2.0", this.project).created()).isFalse();
		occur(issue, "e2", T0, "u1", "shop@2.0");
		assertThat(releases().find(this.org.id(), "shop@2.0").orElseThrow().firstEvent()).isEqualTo(firstSeen);

		// newGroups: issues whose first counted event carried the release.
		Issue later = issue("h2");
		occur(later, "e4", T0, null, "shop@2.1");
		occur(later, "e5", T0, null, "shop@2.0");
		Issue bare = issue("h3");
		occur(bare, "e6", T0, null, null);
		occur(bare, "e7", T0, null, "shop@2.0");
		assertThat(releases().find(this.org.id(), "shop@2.0").orElseThrow().projects())
			.containsExactly(new ReleaseProject(this.project.id(), 1));
		assertThat(releases().find(this.org.id(), "shop@2.1").orElseThrow().newGroups()).isEqualTo(1);

		// A release created first gets its first event when one arrives.
		create("shop@3.0", this.project);
		assertThat(releases().find(this.org.id(), "shop@3.0").orElseThrow().firstEvent()).isNull();
		occur(issue, "e3", T0, "u1", "shop@3.0");
		assertThat(releases().find(this.org.id(), "shop@3.0").orElseThrow().firstEvent())
			.isEqualTo(this.clock.instant());
	}

	@Test
	void deletingForgetsTheReleaseUntilAnEventCarriesItAgain() {
		Release release = create("1.0", this.project).release();
		releases().addDeploy(release.id(), new NewDeploy("production", null, null, null, null));
		releases().setCommits(this.org.id(), release.id(),
				List.of(new NewCommit("acme/shop", "c1", "m", null, null, null, List.of())));
		Issue issue = issue("h1");
		occur(issue, "e1", T0, null, "1.0");

		assertThat(releases().delete(this.org.id(), "1.0")).isTrue();
		assertThat(releases().delete(this.org.id(), "1.0")).isFalse();
		assertThat(releases().find(this.org.id(), "1.0")).isEmpty();
		assertThat(releases().deploys(release.id())).isEmpty();
		assertThat(releases().commits(release.id())).isEmpty();
		assertThat(releases().repositories(this.org.id())).extracting(Repository::name).containsExactly("acme/shop");

		this.clock.advance(Duration.ofMinutes(1));
		occur(issue, "e2", T0, null, "1.0");
		Release again = releases().find(this.org.id(), "1.0").orElseThrow();
		assertThat(again.id()).isNotEqualTo(release.id());
		assertThat(again.firstEvent()).isEqualTo(this.clock.instant());
		assertThat(again.deployCount()).isZero();
	}

	private static ReleaseChange change(String ref, List<Long> projects) {
		return new ReleaseChange(ref, null, null, null, projects);
	}

}
