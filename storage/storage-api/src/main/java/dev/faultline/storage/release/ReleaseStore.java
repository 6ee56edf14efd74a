package dev.faultline.storage.release;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Releases of organizations with their projects, deploys, repositories and commits.
 *
 * <p>
 * Every method is scoped by organization (directly, or through a release the caller
 * fetched from its organization); nothing crosses organizations. Releases also come into
 * being without this port: the first counted event of a project that carries a release
 * version creates that release (or adds the project to it) in the same transaction that
 * counts the event ({@code IssueGrouping.recordOccurrence}), so the lists show releases
 * seen on events too. Thread-safe; each method is one transaction. Failures of the
 * database surface as unchecked exceptions of the adapter.
 */
public interface ReleaseStore {

	/**
	 * Creates the release, or adds the projects to the organization's release of that
	 * version when one exists (Sentry's idempotent create; other attributes of an
	 * existing release are left alone).
	 * @throws IllegalArgumentException when a project is not the organization's
	 */
	Created create(long organizationId, NewRelease release);

	Optional<Release> find(long organizationId, String version);

	/**
	 * A page of releases as the query asks.
	 */
	List<Release> list(ReleaseQuery query);

	/**
	 * Applies the change to the organization's release of that version.
	 * @return the changed release; empty when there is none
	 * @throws IllegalArgumentException when a project to add is not the organization's
	 */
	Optional<Release> update(long organizationId, String version, ReleaseChange change);

	/**
	 * Deletes the release with its deploys and commit list (the commits stay with their
	 * repositories). The projects forget the version too, so a later event carrying it
	 * creates the release again.
	 * @return whether there was one
	 */
	boolean delete(long organizationId, String version);

	/**
	 * The newest release of the organization created before this one that shares a
	 * project with it and has commits (Sentry's {@code previous-with-commits}, which
	 * {@code set-commits --local} reads to list only the commits since).
	 */
	Optional<Release> previousWithCommits(long organizationId, long releaseId);

	/**
	 * Records a deploy of a release.
	 */
	Deploy addDeploy(long releaseId, NewDeploy deploy);

	/**
	 * The deploys of a release, the last finished first.
	 */
	List<Deploy> deploys(long releaseId);

	/**
	 * Adds a repository to the organization.
	 * @throws dev.faultline.storage.metadata.DuplicateException when it has one of that
	 * name
	 */
	Repository addRepository(long organizationId, String name, @Nullable String url, String provider);

	/**
	 * The organization's repositories by name.
	 */
	List<Repository> repositories(long organizationId);

	/**
	 * Replaces the commit list of a release of the organization: the first commit is the
	 * newest (the release's last commit). Repositories the commits name that the
	 * organization does not have are created ({@link Repository#UNKNOWN_PROVIDER}). A sha
	 * listed twice in one repository counts once, at its first place.
	 */
	void setCommits(long organizationId, long releaseId, List<NewCommit> commits);

	/**
	 * The commits of a release in their order, each with its changed files.
	 */
	List<Commit> commits(long releaseId);

	/**
	 * The outcome of {@link #create}.
	 *
	 * @param created whether the version was new to the organization
	 */
	record Created(Release release, boolean created) {

	}

}
