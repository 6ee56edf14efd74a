package dev.faultline.storage.sqlite;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.faultline.storage.metadata.EventOccurrence;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.NewIssue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.Team;
import dev.faultline.storage.tck.metadata.MetadataStoresContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the metadata contract against SQLite files in a temporary directory, one file per
 * store.
 */
class SqliteMetadataStoresTest extends MetadataStoresContract {

	private final AtomicInteger files = new AtomicInteger();

	@TempDir
	Path directory;

	@Override
	protected MetadataStores newStores() {
		return SqliteMetadataStores.open(this.directory.resolve("metadata-" + this.files.incrementAndGet() + ".db"));
	}

	@Test
	void dataSurvivesReopeningTheFile() {
		Path file = this.directory.resolve("nested/dir/reopen.db");
		try (MetadataStores first = SqliteMetadataStores.open(file)) {
			first.organizations().create("acme", "Acme");
		}
		try (MetadataStores second = SqliteMetadataStores.open(file)) {
			assertThat(second.organizations().findBySlug("acme")).isPresent();
			assertThat(second.organizations().isEmpty()).isFalse();
		}
	}

	/**
	 * Two instances on one file stand in for another process (a backup tool, a second JVM
	 * by mistake): their write locks do not see each other, so immediate transactions and
	 * busy_timeout must make the second writer wait instead of failing.
	 */
	@Test
	void twoInstancesOnOneFileWaitForEachOtherInsteadOfFailing() {
		Path file = this.directory.resolve("shared.db");
		try (MetadataStores first = SqliteMetadataStores.open(file);
				MetadataStores second = SqliteMetadataStores.open(file)) {
			Organization org = first.organizations().create("acme", "Acme");
			Team team = first.organizations().createTeam(org.id(), "web", "Web");
			Project project = first.projects().create(org.id(), team.id(), "web", "Web", "javascript");
			Issue issue = first.issues()
				.findOrCreate(new NewIssue(project.id(), "a".repeat(32), "Error", "", "error", "error", Map.of(),
						Instant.EPOCH))
				.orElseThrow();
			CompletableFuture<Long> fromFirst = CompletableFuture.supplyAsync(() -> record(first, issue, 0));
			CompletableFuture<Long> fromSecond = CompletableFuture.supplyAsync(() -> record(second, issue, 1));
			assertThat(fromFirst.join() + fromSecond.join()).isEqualTo(200);
			assertThat(second.issues().findById(issue.id())).map(Issue::timesSeen).contains(200L);
		}
	}

	private static long record(MetadataStores stores, Issue issue, int instance) {
		long counted = 0;
		for (int i = 0; i < 100; i++) {
			String eventId = String.format("%031x%x", i, instance);
			if (stores.issues()
				.recordOccurrence(new EventOccurrence(issue.id(), issue.projectId(), eventId, Instant.EPOCH, "error",
						null, issue.primaryHash(), null))) {
				counted++;
			}
		}
		return counted;
	}

}
