package dev.faultline.processor.housekeeping;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.StatusChange;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.sqlite.SqliteMetadataStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Waking issues ignored until a time, on the real SQLite metadata store.
 */
class ExpiredIgnoreWakerTest {

	private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

	@TempDir
	Path dir;

	private SqliteMetadataStores metadata;

	private long projectId;

	@BeforeEach
	void open() {
		this.metadata = SqliteMetadataStores.open(this.dir.resolve("metadata.db"));
		Organization organization = this.metadata.organizations().create("acme", "Acme");
		Team team = this.metadata.organizations().createTeam(organization.id(), "core", "Core");
		Project project = this.metadata.projects().create(organization.id(), team.id(), "shop", "Shop", "java");
		this.projectId = project.id();
	}

	@AfterEach
	void close() {
		this.metadata.close();
	}

	@Test
	void wakesAnIssueIgnoredUntilAPastTimeAndLeavesTheOthers() {
		long expired = ignoredUntil("a", NOW.minus(Duration.ofMinutes(1)));
		long pending = ignoredUntil("b", NOW.plus(Duration.ofHours(1)));
		long forever = issue("c");
		this.metadata.issues().updateStatus(forever, StatusChange.Ignore.FOREVER, null);
		ExpiredIgnoreWaker waker = new ExpiredIgnoreWaker(this.metadata.issues(), Duration.ofSeconds(30),
				Clock.fixed(NOW, ZoneOffset.UTC));

		assertThat(waker.wake()).isEqualTo(1);

		assertThat(status(expired)).isEqualTo(IssueStatus.UNRESOLVED);
		assertThat(this.metadata.issues().activities(expired)).extracting(IssueActivity::type)
			.endsWith(IssueActivity.SET_UNRESOLVED);
		assertThat(status(pending)).isEqualTo(IssueStatus.IGNORED);
		assertThat(status(forever)).isEqualTo(IssueStatus.IGNORED);
		assertThat(waker.wake()).isZero();
	}

	@Test
	void aFailedRunIsLoggedAndTheScheduleGoesOn() {
		long expired = ignoredUntil("a", Instant.now().minus(Duration.ofMinutes(1)));
		AtomicInteger calls = new AtomicInteger();
		IssueStore failingOnce = failingFirst(this.metadata.issues(), calls);
		ExpiredIgnoreWaker waker = new ExpiredIgnoreWaker(failingOnce, Duration.ofSeconds(1), Clock.systemUTC());
		waker.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> status(expired) == IssueStatus.UNRESOLVED);
			assertThat(calls.get()).isGreaterThanOrEqualTo(2);
			assertThat(waker.isRunning()).isTrue();
		}
		finally {
			waker.stop();
		}
		assertThat(waker.isRunning()).isFalse();
	}

	@Test
	void anIntervalBelowASecondIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ExpiredIgnoreWaker(this.metadata.issues(), Duration.ofMillis(10), Clock.systemUTC()))
			.withMessageContaining("faultline.processor.ignore-wake-interval");
	}

	private long issue(String hashDigit) {
		Issue issue = this.metadata.issues()
			.findOrCreate(new NewIssue(this.projectId, hashDigit.repeat(32), "Boom", "Main in run", "error", "error",
					Map.of(), NOW.minus(Duration.ofDays(1))))
			.orElseThrow();
		return issue.id();
	}

	private long ignoredUntil(String hashDigit, Instant until) {
		long id = issue(hashDigit);
		this.metadata.issues().updateStatus(id, new StatusChange.Ignore(until, null, null, null, null), null);
		assertThat(status(id)).isEqualTo(IssueStatus.IGNORED);
		return id;
	}

	private IssueStatus status(long issueId) {
		return this.metadata.issues().findById(issueId).orElseThrow().status();
	}

	/**
	 * The store, but {@code wakeExpiredIgnores} fails on its first call.
	 */
	private static IssueStore failingFirst(IssueStore issues, AtomicInteger calls) {
		return (IssueStore) Proxy.newProxyInstance(IssueStore.class.getClassLoader(),
				new Class<?>[] { IssueStore.class }, (proxy, method, args) -> {
					if (method.getName().equals("wakeExpiredIgnores") && calls.incrementAndGet() == 1) {
						throw new IllegalStateException("database is down");
					}
					try {
						return method.invoke(issues, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
