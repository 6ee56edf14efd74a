package dev.faultline.api.issue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.member.Directory;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.Pagination;
import dev.faultline.api.web.ProjectParameter;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issue lists of a project and of an organization, searched and paged.
 */
@RestController
class IssueListController {

	private final Access access;

	private final ProjectStore projects;

	private final IssueFinder finder;

	private final IssueRenderer renderer;

	private final Directory directory;

	private final Clock clock = Clock.systemUTC();

	IssueListController(Access access, ProjectStore projects, IssueFinder finder, IssueRenderer renderer,
			Directory directory) {
		this.access = access;
		this.projects = projects;
		this.finder = finder;
		this.renderer = renderer;
		this.directory = directory;
	}

	/**
	 * With {@code statsPeriod} ({@code 24h} or {@code 14d}) each issue carries its event
	 * counts over that period; the list itself is not limited to the period. Sentry's
	 * {@code environment} parameter (repeatable) is the event term
	 * {@code environment:[…]}. When the search has event terms (environment, time range,
	 * tags…) the list holds the issues with matching events, and their stats and
	 * {@code filtered.count} count only those events.
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/issues/")
	ResponseEntity<List<IssueJson>> list(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String statsPeriod,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environments) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		return page(caller, found.organization(), List.of(found.project()), withEnvironments(query, environments), sort,
				cursor, limit, statsPeriod);
	}

	/**
	 * The issues of several projects of an organization ({@code project} repeated; none
	 * or {@code -1} means every project), as Sentry's organization issue stream.
	 */
	@GetMapping("/api/0/organizations/{organizationSlug}/issues/")
	ResponseEntity<List<IssueJson>> listInOrganization(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "project", required = false) @Nullable List<String> projectIds,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String statsPeriod,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environments) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_READ);
		return page(caller, organization, selectProjects(this.projects, organization, projectIds),
				withEnvironments(query, environments), sort, cursor, limit, statsPeriod);
	}

	/**
	 * The organization's projects named by Sentry's repeated {@code project} parameter
	 * (none or {@code -1}: all of them).
	 * @throws ApiException 403 for a project of another organization, 400 for a
	 * non-numeric id
	 */
	static List<Project> selectProjects(ProjectStore projects, Organization organization,
			@Nullable List<String> projectIds) {
		List<Project> all = projects.listByOrganization(organization.id());
		Set<Long> wanted = ProjectParameter.ids(projectIds);
		List<Project> selected = wanted.isEmpty() ? all
				: all.stream().filter((project) -> wanted.contains(project.id())).toList();
		if (selected.size() != ((wanted.isEmpty()) ? all.size() : wanted.size())) {
			// A project of another organization, or none at all: Sentry refuses alike.
			throw ApiException.forbidden();
		}
		return selected;
	}

	private ResponseEntity<List<IssueJson>> page(Caller caller, Organization organization, List<Project> projects,
			@Nullable String query, @Nullable String sort, @Nullable String cursor, @Nullable String limit,
			@Nullable String statsPeriod) {
		String period = IssueStats.listPeriod(statsPeriod);
		int offset = Pagination.offset(cursor);
		int pageSize = Pagination.limit(limit);
		Map<Long, Project> byId = projects.stream().collect(Collectors.toMap(Project::id, Function.identity()));
		IssueSearch search = IssueSearch.parse(query, this.clock, caller.user().id(),
				this.directory.of(organization.id()));
		// One extra row tells whether a next page exists.
		List<Issue> rows = this.finder.find(byId.keySet(), search, IssueSearch.sort(sort), offset, pageSize + 1);
		List<Issue> shown = rows.stream().limit(pageSize).toList();
		List<IssueJson> page = this.renderer.list(caller, organization, byId, shown, period, search.eventSearch());
		String link = Pagination.linkHeader(ServletUriComponentsBuilder.fromCurrentRequest(), offset, pageSize,
				rows.size() > pageSize);
		return ResponseEntity.ok().header(HttpHeaders.LINK, link).body(page);
	}

	/**
	 * The query with Sentry's {@code environment} parameters as one event term (any of
	 * them); the query as it is when there are none. Without a query the default
	 * {@code is:unresolved} is kept.
	 */
	static @Nullable String withEnvironments(@Nullable String query, @Nullable List<String> environments) {
		List<String> names = (environments != null)
				? environments.stream().filter((name) -> !name.isBlank()).distinct().toList() : List.of();
		if (names.isEmpty()) {
			return query;
		}
		String term = "environment:[" + names.stream().map(IssueListController::quoted).collect(Collectors.joining(","))
				+ "]";
		return ((query != null) ? query : "is:unresolved") + " " + term;
	}

	private static String quoted(String value) {
		// Quotes, backslashes and stars are escaped: an environment name is matched as it
		// is.
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("*", "\\*") + "\"";
	}

}
