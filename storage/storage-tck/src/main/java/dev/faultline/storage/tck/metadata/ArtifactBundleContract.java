package dev.faultline.storage.tck.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.sourcemap.ArtifactBundle;
import dev.faultline.storage.sourcemap.ArtifactBundleStore;
import dev.faultline.storage.sourcemap.BundleFile;
import dev.faultline.storage.sourcemap.NewArtifactBundle;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The contract of {@link ArtifactBundleStore}: upload chunks per organization, bundles
 * assembled from them by checksum, and the file lookups of symbolication (by debug id, by
 * release and URL), each seen only by the bundle's projects.
 */
public abstract class ArtifactBundleContract extends IssueWorkflowFixture {

	private static final String DEBUG_ID = "c941d872-af1f-4f0c-a7ff-ad3d295fe153";

	private static final BundleFile MINIFIED = new BundleFile("files/_/_/app.min.js", "~/app.min.js", "minified_source",
			DEBUG_ID, "app.min.js.map");

	private static final BundleFile MAP = new BundleFile("files/_/_/app.min.js.map", "~/app.min.js.map", "source_map",
			DEBUG_ID, null);

	private ArtifactBundleStore bundles() {
		return this.stores.artifactBundles();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void chunksAreKeptPerOrganizationAndJoinedInOrder() {
		bundles().putChunk(this.org.id(), "a1", bytes("hello "));
		bundles().putChunk(this.org.id(), "b2", bytes("world"));
		bundles().putChunk(this.org.id(), "b2", bytes("ignored: kept already"));
		Organization other = this.stores.organizations().create("other", "Other");

		assertThat(bundles().missingChunks(this.org.id(), List.of("a1", "c3", "b2", "c3"))).containsExactly("c3");
		assertThat(bundles().missingChunks(other.id(), List.of("a1"))).containsExactly("a1");
		assertThat(bundles().missingChunks(this.org.id(), List.of())).isEmpty();
		assertThat(new String(bundles().joinChunks(this.org.id(), List.of("b2", "a1", "b2")), StandardCharsets.UTF_8))
			.isEqualTo("worldhello world");
		assertThatIllegalStateException().isThrownBy(() -> bundles().joinChunks(other.id(), List.of("a1")));
	}

	@Test
	void bundlesAreStoredOnceByChecksumAndDropTheirChunks() {
		bundles().putChunk(this.org.id(), "a1", bytes("zip"));
		ArtifactBundle stored = bundles().saveBundle(this.org.id(), bundle("sum1", "1.0", null, this.project),
				List.of("a1"));
		assertThat(stored.id()).isPositive();
		assertThat(stored)
			.extracting("checksum", "bundleId", "state", "detail", "release", "dist", "fileCount", "projectIds",
					"dateCreated")
			.containsExactly("sum1", "b-1", ArtifactBundle.OK, null, "1.0", null, 2, List.of(this.project.id()), T0);
		assertThat(bundles().missingChunks(this.org.id(), List.of("a1"))).containsExactly("a1");
		assertThat(bundles().findBundle(this.org.id(), "sum1")).contains(stored);
		assertThat(new String(bundles().bundleData(stored.id()).orElseThrow(), StandardCharsets.UTF_8))
			.isEqualTo("bundle sum1");

		ArtifactBundle again = bundles().saveBundle(this.org.id(), bundle("sum1", "2.0", null, this.project),
				List.of());
		assertThat(again).isEqualTo(stored);
		Organization other = this.stores.organizations().create("other", "Other");
		assertThat(bundles().findBundle(other.id(), "sum1")).isEmpty();
	}

	@Test
	void failedAssembliesAreRemembered() {
		bundles().putChunk(this.org.id(), "a1", bytes("not a zip"));
		ArtifactBundle failed = bundles().failBundle(this.org.id(), "sum2", "not a ZIP archive", List.of("a1"));
		assertThat(failed.state()).isEqualTo(ArtifactBundle.ERROR);
		assertThat(failed.detail()).isEqualTo("not a ZIP archive");
		assertThat(failed.fileCount()).isZero();
		assertThat(bundles().bundleData(failed.id())).isEmpty();
		assertThat(bundles().missingChunks(this.org.id(), List.of("a1"))).containsExactly("a1");
		assertThat(bundles().findBundle(this.org.id(), "sum2")).contains(failed);
	}

	@Test
	void filesAreFoundByDebugIdInTheNewestBundleOfTheProject() {
		ArtifactBundle old = bundles().saveBundle(this.org.id(), bundle("old", null, null, this.project), List.of());
		this.clock.advance(Duration.ofMinutes(1));
		ArtifactBundle newer = bundles().saveBundle(this.org.id(), bundle("new", null, null, this.project), List.of());
		Project web = this.stores.projects().create(this.org.id(), this.team.id(), "web", "Web", "javascript");

		assertThat(bundles().findByDebugId(this.project.id(), DEBUG_ID, "source_map"))
			.contains(new ArtifactBundleStore.StoredFile(newer.id(), MAP));
		assertThat(bundles().findByDebugId(this.project.id(), DEBUG_ID, "minified_source"))
			.contains(new ArtifactBundleStore.StoredFile(newer.id(), MINIFIED));
		assertThat(bundles().findByDebugId(this.project.id(), DEBUG_ID.replace('c', 'd'), "source_map")).isEmpty();
		assertThat(bundles().findByDebugId(web.id(), DEBUG_ID, "source_map")).isEmpty();
		assertThat(bundles().listBundles(this.project.id())).extracting(ArtifactBundle::id)
			.containsExactly(newer.id(), old.id());
		assertThat(bundles().listBundles(web.id())).isEmpty();
	}

	@Test
	void filesAreFoundByReleaseDistAndTheFirstMatchingUrl() {
		ArtifactBundle plain = bundles().saveBundle(this.org.id(), bundle("plain", "1.0", null, this.project),
				List.of());
		ArtifactBundle ios = bundles().saveBundle(this.org.id(), bundle("ios", "1.0", "ios", this.project), List.of());

		assertThat(bundles().findByUrl(this.project.id(), "1.0", null,
				List.of("http://example.com/app.min.js", "~/app.min.js")))
			.get()
			.satisfies((found) -> assertThat(found.file()).isEqualTo(MINIFIED));
		assertThat(bundles().findByUrl(this.project.id(), "1.0", "ios", List.of("~/app.min.js")))
			.contains(new ArtifactBundleStore.StoredFile(ios.id(), MINIFIED));
		assertThat(bundles().findByUrl(this.project.id(), "1.0", "android", List.of("~/app.min.js"))).isEmpty();
		assertThat(bundles().findByUrl(this.project.id(), "2.0", null, List.of("~/app.min.js"))).isEmpty();
		assertThat(bundles().findByUrl(this.project.id(), "1.0", null, List.of("~/other.js"))).isEmpty();
		assertThat(plain.dist()).isNull();
	}

	private static NewArtifactBundle bundle(String checksum, @Nullable String release, @Nullable String dist,
			Project project) {
		return new NewArtifactBundle(checksum, "b-1", release, dist, List.of(project.id()), List.of(MINIFIED, MAP),
				bytes("bundle " + checksum));
	}

}
