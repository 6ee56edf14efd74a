package dev.faultline.storage.metadata;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A grouping hash that routes events to an issue, for listing and unmerging.
 *
 * @param eventCount events of the issue counted with this hash
 * @param latestEventId the newest such event (by event timestamp), or null when none was
 * counted with it
 */
public record IssueHash(String hash, long eventCount, @Nullable String latestEventId) {

	public IssueHash {
		Objects.requireNonNull(hash, "hash");
	}

}
