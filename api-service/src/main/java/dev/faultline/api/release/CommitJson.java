package dev.faultline.api.release;

import java.util.List;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.release.Commit;
import dev.faultline.storage.release.FileChange;
import org.jspecify.annotations.Nullable;

/**
 * Sentry's commit serializer ({@code id} is the sha), with the files the commit changed
 * when the client sent them.
 */
record CommitJson(String id, @Nullable String message, @Nullable String dateCreated,
		ReleaseJson.@Nullable AuthorJson author, RepositoryJson repository, @Nullable Object pullRequest,
		String suspectCommitType, List<FileJson> files) {

	static CommitJson of(Commit commit, RepositoryJson repository) {
		ReleaseJson.AuthorJson author = (commit.authorEmail() != null)
				? new ReleaseJson.AuthorJson(commit.authorName(), commit.authorEmail()) : null;
		return new CommitJson(commit.sha(), commit.message(), ApiDates.formatNullable(commit.dateCreated()), author,
				repository, null, "", commit.files().stream().map(FileJson::of).toList());
	}

	record FileJson(String filename, String type) {

		static FileJson of(FileChange change) {
			return new FileJson(change.path(), change.type());
		}

	}

}
