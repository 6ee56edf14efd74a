package dev.faultline.storage.release;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A commit to set on a release. A commit already known by repository and sha keeps its
 * stored attributes where this one has none, and takes this one's where it has them.
 *
 * @param repository the repository's name; created when the organization has none of that
 * name
 */
public record NewCommit(String repository, String sha, @Nullable String message, @Nullable String authorName,
		@Nullable String authorEmail, @Nullable Instant dateCreated, List<FileChange> files) {

	public NewCommit {
		Objects.requireNonNull(repository, "repository");
		Objects.requireNonNull(sha, "sha");
		files = List.copyOf(files);
	}

}
