package dev.faultline.storage.sourcemap;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Chunks of uploads and the artifact bundles assembled from them, per organization, and
 * the lookups that symbolication makes: a file by debug id, or by URL within a release.
 *
 * <p>
 * Bytes live in the metadata database (SQLite {@code BLOB}, PostgreSQL {@code BYTEA}):
 * one implementation serves both shapes and every replica of the distributed one. Every
 * method is one transaction; thread-safe. Lookups only see bundles of the project asked
 * for.
 */
public interface ArtifactBundleStore {

	/**
	 * Keeps an uploaded chunk; a chunk already kept is left alone.
	 * @param checksum the sha1 (hex, lower-case) of {@code data}, which the caller has
	 * verified
	 */
	void putChunk(long organizationId, String checksum, byte[] data);

	/**
	 * The checksums among {@code checksums} that the organization has no chunk of.
	 */
	Set<String> missingChunks(long organizationId, List<String> checksums);

	/**
	 * The chunks in order, joined.
	 * @throws IllegalStateException when one is missing
	 */
	byte[] joinChunks(long organizationId, List<String> checksums);

	/**
	 * The organization's bundle of that checksum (stored or failed).
	 */
	Optional<ArtifactBundle> findBundle(long organizationId, String checksum);

	/**
	 * Stores an assembled bundle with its file index, state {@link ArtifactBundle#OK},
	 * and drops its chunks. A bundle of the same checksum already stored is returned as
	 * it is.
	 */
	ArtifactBundle saveBundle(long organizationId, NewArtifactBundle bundle, List<String> chunks);

	/**
	 * Records that the bundle of that checksum could not be assembled, and why; its
	 * chunks are dropped.
	 */
	ArtifactBundle failBundle(long organizationId, String checksum, String detail, List<String> chunks);

	/**
	 * The project's bundles, newest first.
	 */
	List<ArtifactBundle> listBundles(long projectId);

	/**
	 * The newest file of a project's bundles with that debug id and type.
	 */
	Optional<StoredFile> findByDebugId(long projectId, String debugId, String type);

	/**
	 * The newest file of a project's bundles uploaded for {@code release} (and
	 * {@code dist}, when given) whose URL is the first of {@code urls} that any has.
	 */
	Optional<StoredFile> findByUrl(long projectId, String release, @Nullable String dist, List<String> urls);

	/**
	 * The bytes of a bundle.
	 */
	Optional<byte[]> bundleData(long bundleId);

	/**
	 * A bundle file found by a lookup.
	 */
	record StoredFile(long bundleId, BundleFile file) {

	}

}
