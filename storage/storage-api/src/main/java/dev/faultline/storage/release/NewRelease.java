package dev.faultline.storage.release;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A release to create (or, when its version exists, to add projects to).
 *
 * @param projectIds the projects of the release; at least one
 */
public record NewRelease(String version, @Nullable String ref, @Nullable String url, @Nullable Instant dateStarted,
		@Nullable Instant dateReleased, List<Long> projectIds) {

	public NewRelease {
		Objects.requireNonNull(version, "version");
		projectIds = List.copyOf(projectIds);
		if (projectIds.isEmpty()) {
			throw new IllegalArgumentException("a release needs at least one project");
		}
	}

}
