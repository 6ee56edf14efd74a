package dev.faultline.storage.sourcemap;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A stored artifact bundle, without its bytes.
 *
 * @param state {@link #OK} or {@link #ERROR}
 * @param detail why assembling failed, for {@link #ERROR}
 */
public record ArtifactBundle(long id, long organizationId, String checksum, @Nullable String bundleId, String state,
		@Nullable String detail, @Nullable String release, @Nullable String dist, int fileCount, List<Long> projectIds,
		Instant dateCreated) {

	public static final String OK = "ok";

	public static final String ERROR = "error";

	public ArtifactBundle {
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(dateCreated, "dateCreated");
		projectIds = List.copyOf(projectIds);
	}

}
