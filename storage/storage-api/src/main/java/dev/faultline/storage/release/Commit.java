package dev.faultline.storage.release;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A commit of a repository as a release lists it.
 *
 * @param sha the commit id as the client sent it
 * @param dateCreated the commit's time, when the client sent one
 * @param files the files it changed, by path; empty when unknown
 */
public record Commit(long id, String repository, String sha, @Nullable String message, @Nullable String authorName,
		@Nullable String authorEmail, @Nullable Instant dateCreated, List<FileChange> files) {

	public Commit {
		Objects.requireNonNull(repository, "repository");
		Objects.requireNonNull(sha, "sha");
		files = List.copyOf(files);
	}

}
