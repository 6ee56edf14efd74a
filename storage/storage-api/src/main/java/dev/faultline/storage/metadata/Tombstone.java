package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A discarded issue: future events with one of its hashes are dropped at processing.
 *
 * @param previousIssueId the deleted issue
 * @param hashes the grouping hashes that are dropped
 * @param actorUserId who discarded it, when a user did
 */
public record Tombstone(long id, long projectId, long previousIssueId, String title, String culprit, String level,
		List<String> hashes, @Nullable Long actorUserId, Instant createdAt) {

	public Tombstone {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(culprit, "culprit");
		Objects.requireNonNull(level, "level");
		hashes = List.copyOf(hashes);
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
