package dev.faultline.storage.metadata;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the processor knows about the first event of a would-be issue.
 */
public record NewIssue(long projectId, String primaryHash, String title, String culprit, String level, String type,
		Map<String, String> metadata, Instant seenAt) {

	public NewIssue {
		Objects.requireNonNull(primaryHash, "primaryHash");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(culprit, "culprit");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(type, "type");
		metadata = Map.copyOf(metadata);
		Objects.requireNonNull(seenAt, "seenAt");
	}

}
