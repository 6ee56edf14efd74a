package dev.faultline.storage.release;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of an organization's releases, newest first ({@code dateCreated}, then id, both
 * descending).
 *
 * @param projectIds only releases of at least one of these projects; empty for every
 * project
 * @param versionContains only versions containing this text, ignoring case
 * @param archived only archived (true) or open (false) releases; null for both
 * @param offset rows to skip
 * @param limit rows to return at most
 */
public record ReleaseQuery(long organizationId, List<Long> projectIds, @Nullable String versionContains,
		@Nullable Boolean archived, int offset, int limit) {

	public ReleaseQuery {
		projectIds = List.copyOf(projectIds);
		if (offset < 0 || limit < 1) {
			throw new IllegalArgumentException("offset >= 0 and limit >= 1 required");
		}
	}

}
