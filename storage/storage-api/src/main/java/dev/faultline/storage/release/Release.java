package dev.faultline.storage.release;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A release of an organization, unique there by {@code version}, with what its list and
 * detail pages show.
 *
 * @param dateCreated when the release was created: by the API, or by the first event of
 * any of its projects that carried it (the store clock)
 * @param dateStarted when the build started, as the client said
 * @param dateReleased when it was finalized (released to users)
 * @param firstEvent when the first event carrying the version was counted in one of the
 * organization's projects (store clock); null when none has been
 * @param projects the projects of the release by id
 * @param commitCount the number of commits set on the release
 * @param lastCommit the newest commit set (the first of the list), without its files
 * @param deployCount the number of deploys of the release
 * @param lastDeploy the deploy that finished last
 * @param authors the distinct author e-mails of its commits, by e-mail
 */
public record Release(long id, long organizationId, String version, @Nullable String ref, @Nullable String url,
		boolean archived, Instant dateCreated, @Nullable Instant dateStarted, @Nullable Instant dateReleased,
		@Nullable Instant firstEvent, List<ReleaseProject> projects, int commitCount, @Nullable Commit lastCommit,
		int deployCount, @Nullable Deploy lastDeploy, List<String> authors) {

	public Release {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(dateCreated, "dateCreated");
		projects = List.copyOf(projects);
		authors = List.copyOf(authors);
	}

	/**
	 * The ids of its projects, ascending.
	 */
	public List<Long> projectIds() {
		return this.projects.stream().map(ReleaseProject::projectId).toList();
	}

	/**
	 * Sentry's {@code newGroups}: the issues of all its projects whose first counted
	 * event carried the release.
	 */
	public int newGroups() {
		return this.projects.stream().mapToInt(ReleaseProject::newGroups).sum();
	}

}
