package dev.faultline.storage.tck.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.faultline.storage.debugfile.DebugFile;
import dev.faultline.storage.debugfile.DebugFileStore;
import dev.faultline.storage.debugfile.NewDebugFile;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract of {@link DebugFileStore}: files stored once per project and checksum,
 * found by debug id (the newest), listed newest first with a prefix search, deleted, each
 * seen only by its project; storing drops the upload chunks it was joined from.
 */
public abstract class DebugFileContract extends IssueWorkflowFixture {

	private static final String UUID_A = "ad205de4-89ac-57ef-9124-1246b863e94b";

	private static final String UUID_B = "f1272942-1fe8-55e5-9f75-665341b624b7";

	private DebugFileStore files() {
		return this.stores.debugFiles();
	}

	private static NewDebugFile mapping(String checksum, String uuid, String text) {
		return new NewDebugFile(checksum, uuid, DebugFile.PROGUARD, "proguard-mapping", List.of("mapping"),
				text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aFileIsStoredOncePerProjectAndDropsItsChunks() {
		this.stores.artifactBundles().putChunk(this.org.id(), "c1", new byte[] { 1 });
		this.stores.artifactBundles().putChunk(this.org.id(), "c2", new byte[] { 2 });

		DebugFile stored = files().save(this.org.id(), this.project.id(),
				mapping("sum1", UUID_A.toUpperCase(), "a -> b:"), List.of("c1"));
		this.clock.advance(Duration.ofMinutes(1));
		DebugFile again = files().save(this.org.id(), this.project.id(), mapping("sum1", UUID_A, "a -> b:"), List.of());

		assertThat(again).isEqualTo(stored);
		assertThat(stored.debugId()).isEqualTo(UUID_A);
		assertThat(stored.symbolType()).isEqualTo(DebugFile.PROGUARD);
		assertThat(stored.objectName()).isEqualTo("proguard-mapping");
		assertThat(stored.features()).containsExactly("mapping");
		assertThat(stored.size()).isEqualTo(7);
		assertThat(stored.dateCreated()).isEqualTo(T0);
		assertThat(this.stores.artifactBundles().missingChunks(this.org.id(), List.of("c1", "c2")))
			.containsExactly("c1");
		assertThat(files().data(stored.id()))
			.hasValueSatisfying((data) -> assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo("a -> b:"));
		assertThat(files().findByChecksum(this.project.id(), "sum1")).contains(stored);
		assertThat(files().findByChecksum(this.project.id(), "sum2")).isEmpty();
	}

	@Test
	void theNewestFileOfADebugIdIsFoundAndOnlyByItsProject() {
		Project other = this.stores.projects().create(this.org.id(), this.team.id(), "web", "Web", "javascript");
		DebugFile older = files().save(this.org.id(), this.project.id(), mapping("sum1", UUID_A, "one"), List.of());
		this.clock.advance(Duration.ofMinutes(1));
		DebugFile newer = files().save(this.org.id(), this.project.id(), mapping("sum2", UUID_A, "two"), List.of());
		files().save(this.org.id(), other.id(), mapping("sum3", UUID_B, "three"), List.of());

		assertThat(files().findByDebugId(this.project.id(), UUID_A.toUpperCase(), DebugFile.PROGUARD)).contains(newer);
		assertThat(files().findByDebugId(this.project.id(), UUID_A, "dsym")).isEmpty();
		assertThat(files().findByDebugId(this.project.id(), UUID_B, DebugFile.PROGUARD)).isEmpty();
		assertThat(files().findByDebugId(other.id(), UUID_A, DebugFile.PROGUARD)).isEmpty();
		assertThat(files().list(this.project.id(), null, 0, 10)).containsExactly(newer, older);
		assertThat(files().list(this.project.id(), null, 1, 10)).containsExactly(older);
		assertThat(files().list(this.project.id(), null, 0, 1)).containsExactly(newer);
		assertThat(files().list(this.project.id(), "AD205", 0, 10)).containsExactly(newer, older);
		assertThat(files().list(this.project.id(), "sum1", 0, 10)).containsExactly(older);
		assertThat(files().list(this.project.id(), "proguard-", 0, 10)).hasSize(2);
		assertThat(files().list(this.project.id(), "%", 0, 10)).isEmpty();
		assertThat(files().list(this.project.id(), "f127", 0, 10)).isEmpty();
	}

	@Test
	void aFileIsDeletedOnlyByItsProject() {
		Project other = this.stores.projects().create(this.org.id(), this.team.id(), "web", "Web", "javascript");
		DebugFile stored = files().save(this.org.id(), this.project.id(), mapping("sum1", UUID_A, "one"), List.of());

		assertThat(files().find(this.project.id(), stored.id())).contains(stored);
		assertThat(files().find(other.id(), stored.id())).isEmpty();
		assertThat(files().delete(other.id(), stored.id())).isFalse();
		assertThat(files().delete(this.project.id(), stored.id())).isTrue();
		assertThat(files().delete(this.project.id(), stored.id())).isFalse();
		assertThat(files().findByDebugId(this.project.id(), UUID_A, DebugFile.PROGUARD)).isEmpty();
		assertThat(files().data(stored.id())).isEmpty();
		assertThat(files().find(this.project.id(), stored.id())).isEmpty();
	}

	@Test
	void aProjectOfAnotherOrganizationIsRefused() {
		Organization other = this.stores.organizations().create("other", "Other");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> files().save(other.id(), this.project.id(), mapping("sum1", UUID_A, "one"), List.of()));
	}

}
