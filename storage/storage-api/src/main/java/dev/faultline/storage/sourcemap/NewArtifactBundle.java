package dev.faultline.storage.sourcemap;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An assembled artifact bundle to store.
 *
 * @param checksum the sha1 (hex) of {@code data}, the bundle's key within its
 * organization
 * @param bundleId the manifest's {@code debug_id}
 * @param release the release the bundle was uploaded for, if any
 * @param dist the distribution within that release, if any
 * @param data the bundle's bytes as uploaded
 */
public record NewArtifactBundle(String checksum, @Nullable String bundleId, @Nullable String release,
		@Nullable String dist, List<Long> projectIds, List<BundleFile> files, byte[] data) {

	public NewArtifactBundle {
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(data, "data");
		projectIds = List.copyOf(projectIds);
		files = List.copyOf(files);
	}

}
