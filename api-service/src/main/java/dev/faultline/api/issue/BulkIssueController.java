package dev.faultline.api.issue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.member.Directory;
import dev.faultline.api.member.People;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueReader;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.MergeResult;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sentry's bulk issue changes on the project and organization issue lists: the issues
 * named by repeated {@code id} parameters, or without them the issues matching
 * {@code query} (default {@code is:unresolved}), at most {@link #QUERY_LIMIT}. Every
 * named id must be an issue of the selected projects (else 404) and the body is validated
 * before anything changes.
 */
@RestController
class BulkIssueController {

	/** Issues a query-based change applies to at most. */
	static final int QUERY_LIMIT = 1000;

	private final Access access;

	private final ProjectStore projects;

	private final IssueReader issues;

	private final IssueFinder finder;

	private final IssueChanges changes;

	private final Directory directory;

	private final Clock clock = Clock.systemUTC();

	BulkIssueController(Access access, ProjectStore projects, IssueReader issues, IssueFinder finder,
			IssueChanges changes, Directory directory) {
		this.access = access;
		this.projects = projects;
		this.issues = issues;
		this.finder = finder;
		this.changes = changes;
		this.directory = directory;
	}

	/**
	 * 200 with the changed fields ({@code status} and {@code statusDetails},
	 * {@code assignedTo}, {@code isBookmarked}, {@code isSubscribed}, {@code merge}); 204
	 * for {@code discard} and when no issue matched.
	 */
	@PutMapping("/api/0/projects/{organizationSlug}/{projectSlug}/issues/")
	ResponseEntity<Map<String, Object>> updateInProject(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestParam(name = "id", required = false) @Nullable List<String> ids,
			@RequestParam(required = false) @Nullable String query, @RequestBody(required = false) JsonNode body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_WRITE);
		return update(caller, found.organization(), List.of(found.project()), ids, query, body);
	}

	@PutMapping("/api/0/organizations/{organizationSlug}/issues/")
	ResponseEntity<Map<String, Object>> updateInOrganization(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "project", required = false) @Nullable List<String> projectIds,
			@RequestParam(name = "id", required = false) @Nullable List<String> ids,
			@RequestParam(required = false) @Nullable String query, @RequestBody(required = false) JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_WRITE);
		List<Project> selected = IssueListController.selectProjects(this.projects, organization, projectIds);
		return update(caller, organization, selected, ids, query, body);
	}

	/** Deletes the issues with their events: 204. */
	@DeleteMapping("/api/0/projects/{organizationSlug}/{projectSlug}/issues/")
	ResponseEntity<Void> deleteInProject(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestParam(name = "id", required = false) @Nullable List<String> ids,
			@RequestParam(required = false) @Nullable String query) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_WRITE);
		this.changes.delete(targets(caller, found.organization(), List.of(found.project()), ids, query));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/0/organizations/{organizationSlug}/issues/")
	ResponseEntity<Void> deleteInOrganization(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "project", required = false) @Nullable List<String> projectIds,
			@RequestParam(name = "id", required = false) @Nullable List<String> ids,
			@RequestParam(required = false) @Nullable String query) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_WRITE);
		List<Project> selected = IssueListController.selectProjects(this.projects, organization, projectIds);
		this.changes.delete(targets(caller, organization, selected, ids, query));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<Map<String, Object>> update(Caller caller, Organization organization, List<Project> projects,
			@Nullable List<String> ids, @Nullable String query, @Nullable JsonNode body) {
		People people = this.directory.of(organization.id());
		long userId = caller.user().id();
		IssueUpdate update = IssueUpdate.parse(body, people, userId, this.clock);
		List<Issue> targets = targets(caller, organization, projects, ids, query);
		if (update.discard()) {
			this.changes.discard(targets, userId);
			return ResponseEntity.noContent().build();
		}
		if (update.merge() && (targets.size() < 2 || targets.stream().map(Issue::projectId).distinct().count() > 1)) {
			throw ApiException.badRequest("merge: needs two or more issues of one project");
		}
		if (targets.isEmpty()) {
			return ResponseEntity.noContent().build();
		}
		List<Issue> changed = this.changes.apply(targets, update, userId);
		Map<String, Object> result = new LinkedHashMap<>();
		if (update.status() != null) {
			result.put("status", update.status().status().apiName());
			result.put("statusDetails",
					changed.isEmpty() ? Map.of() : StatusDetailsJson.of(changed.get(0).statusDetails(), people));
		}
		if (update.assign()) {
			result.put("assignedTo", people.assignedTo(update.assignee()));
		}
		if (update.bookmarked() != null) {
			result.put("isBookmarked", update.bookmarked());
		}
		if (update.subscribed() != null) {
			result.put("isSubscribed", update.subscribed());
		}
		if (update.merge()) {
			MergeResult merged = this.changes.merge(targets, userId);
			result.put("merge", Map.of("parent", Long.toString(merged.parent().id()), "children",
					merged.childIds().stream().map((id) -> Long.toString(id)).toList()));
		}
		return ResponseEntity.ok(result);
	}

	/**
	 * The issues named by {@code id} (each of the projects), or else those matching the
	 * query, at most {@link #QUERY_LIMIT}.
	 */
	private List<Issue> targets(Caller caller, Organization organization, List<Project> projects,
			@Nullable List<String> ids, @Nullable String query) {
		Set<Long> projectIds = new LinkedHashSet<>();
		projects.forEach((project) -> projectIds.add(project.id()));
		Set<Long> wanted = ids(ids);
		if (wanted.isEmpty()) {
			IssueSearch search = IssueSearch.parse((query == null || query.isBlank()) ? null : query, this.clock,
					caller.user().id(), this.directory.of(organization.id()));
			return this.finder.find(projectIds, search, IssueSort.DATE, 0, QUERY_LIMIT);
		}
		List<Issue> found = new ArrayList<>(wanted.size());
		for (long id : wanted) {
			Issue issue = this.issues.findById(id)
				.filter((candidate) -> projectIds.contains(candidate.projectId()))
				.orElseThrow(ApiException::notFound);
			found.add(issue);
		}
		return found;
	}

	private static Set<Long> ids(@Nullable List<String> values) {
		Set<Long> ids = new LinkedHashSet<>();
		if (values == null) {
			return ids;
		}
		for (String value : values) {
			for (String part : value.split(",")) {
				if (part.isBlank()) {
					continue;
				}
				try {
					ids.add(Long.parseLong(part.trim()));
				}
				catch (NumberFormatException ex) {
					throw ApiException.badRequest("id: \"" + part.trim() + "\" is not an issue id");
				}
			}
		}
		if (ids.size() > QUERY_LIMIT) {
			throw ApiException.badRequest("id: at most " + QUERY_LIMIT + " issues at once");
		}
		return ids;
	}

}
