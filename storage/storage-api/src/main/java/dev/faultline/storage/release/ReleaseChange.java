package dev.faultline.storage.release;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a release; a null field (or an empty list) leaves that attribute as it is.
 *
 * @param addProjectIds projects to add to the release (never removed, as in Sentry)
 */
public record ReleaseChange(@Nullable String ref, @Nullable String url, @Nullable Instant dateReleased,
		@Nullable Boolean archived, List<Long> addProjectIds) {

	public ReleaseChange {
		addProjectIds = List.copyOf(addProjectIds);
	}

}
