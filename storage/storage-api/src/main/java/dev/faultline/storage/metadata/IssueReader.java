package dev.faultline.storage.metadata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The read role: issues by id, the issue lists, merge redirects and an issue's hashes.
 * Thread-safe.
 * <p>
 * A role of {@link IssueStore}: callers take the role they need.
 */
public interface IssueReader {

	Optional<Issue> findById(long id);

	/**
	 * A page of the project's issues matching the query's criteria, in its order.
	 */
	List<Issue> list(long projectId, IssueQuery query);

	/**
	 * A page of the issues of several projects (an organization's issue list), in the
	 * query's order across all of them; empty when no project id is given.
	 */
	List<Issue> listForProjects(Collection<Long> projectIds, IssueQuery query);

	/**
	 * The issue a merged issue id now belongs to (following chains), or empty when the id
	 * was never merged away.
	 */
	Optional<Long> redirect(long previousIssueId);

	/** The issue's hashes, most events first. */
	List<IssueHash> hashes(long issueId);

}
