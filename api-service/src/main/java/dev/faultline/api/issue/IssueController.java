package dev.faultline.api.issue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.Pagination;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.events.EventSearch;
import dev.faultline.storage.events.EventStore;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueSort;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issue lists (of a project, of an organization), issue detail and status changes.
 */
@RestController
class IssueController {

	private static final List<String> DETAIL_PERIODS = List.of("24h", "30d");

	/** Issues read from the metadata store at most when a query is filtered in Java. */
	private static final int SCAN_LIMIT = 10_000;

	private static final int SCAN_PAGE = 1000;

	private final IssueStore issues;

	private final Access access;

	private final String publicUrl;

	private final ProjectStore projects;

	private final IssueStats stats;

	private final EventStore events;

	private final Clock clock;

	IssueController(IssueStore issues, ProjectStore projects, EventStore events, Access access,
			FaultlineProperties properties) {
		this.issues = issues;
		this.projects = projects;
		this.access = access;
		this.publicUrl = properties.publicUrl();
		this.events = events;
		this.clock = Clock.systemUTC();
		this.stats = new IssueStats(events, this.clock);
	}

	/**
	 * With {@code statsPeriod} ({@code 24h} or {@code 14d}) each issue carries its event
	 * counts over that period; the list itself is not limited to the period.
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/issues/")
	ResponseEntity<List<IssueJson>> list(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String statsPeriod) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		return page(found.organization(), List.of(found.project()), query, sort, cursor, limit, statsPeriod);
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
			@RequestParam(required = false) @Nullable String statsPeriod) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.EVENT_READ);
		List<Project> all = this.projects.listByOrganization(organization.id());
		Set<Long> wanted = projectIds(projectIds);
		List<Project> selected = wanted.isEmpty() ? all
				: all.stream().filter((project) -> wanted.contains(project.id())).toList();
		if (selected.size() != ((wanted.isEmpty()) ? all.size() : wanted.size())) {
			// A project of another organization, or none at all: Sentry refuses alike.
			throw ApiException.forbidden();
		}
		return page(organization, selected, query, sort, cursor, limit, statsPeriod);
	}

	private ResponseEntity<List<IssueJson>> page(Organization organization, List<Project> projects,
			@Nullable String query, @Nullable String sort, @Nullable String cursor, @Nullable String limit,
			@Nullable String statsPeriod) {
		String period = IssueStats.listPeriod(statsPeriod);
		int offset = Pagination.offset(cursor);
		int pageSize = Pagination.limit(limit);
		Map<Long, Project> byId = projects.stream().collect(Collectors.toMap(Project::id, Function.identity()));
		IssueSearch search = IssueSearch.parse(query, this.clock);
		IssueSort order = IssueSearch.sort(sort);
		// One extra row tells whether a next page exists.
		List<Issue> rows = search.onlyStatus()
				? this.issues.listForProjects(byId.keySet(),
						new IssueQuery(search.status(), order, offset, pageSize + 1))
				: search(byId.keySet(), search, order, offset, pageSize + 1);
		List<Issue> shown = rows.stream().limit(pageSize).toList();
		Map<Long, List<List<Long>>> counts = (period != null) ? this.stats.compute(shown, period) : Map.of();
		List<IssueJson> page = shown.stream().map((issue) -> {
			IssueJson json = IssueJson.of(issue, byId.get(issue.projectId()), organization, this.publicUrl);
			return (period != null) ? json.withStats(Map.of(period, counts.get(issue.id()))) : json;
		}).toList();
		String link = Pagination.linkHeader(ServletUriComponentsBuilder.fromCurrentRequest(), offset, pageSize,
				rows.size() > pageSize);
		return ResponseEntity.ok().header(HttpHeaders.LINK, link).body(page);
	}

	/**
	 * A page of the issues matching a query the status filter alone does not answer: the
	 * event store names the issues with a matching event, the metadata store's pages
	 * (status and order) are read up to {@link #SCAN_LIMIT} issues and filtered in Java
	 * by the issue terms and those ids, then the page is cut out. Issues beyond the scan
	 * limit in the store's order are not found.
	 */
	private List<Issue> search(Set<Long> projectIds, IssueSearch search, IssueSort order, int offset, int limit) {
		EventSearch eventSearch = search.eventSearch();
		@Nullable Set<Long> withEvents = null;
		if (eventSearch != null) {
			withEvents = new HashSet<>(this.events.findIssueIds(List.copyOf(projectIds), eventSearch, SCAN_LIMIT));
			if (withEvents.isEmpty()) {
				return List.of();
			}
		}
		List<Issue> matching = new ArrayList<>();
		for (int scanned = 0; scanned < SCAN_LIMIT && matching.size() < offset + limit; scanned += SCAN_PAGE) {
			List<Issue> batch = this.issues.listForProjects(projectIds,
					new IssueQuery(search.status(), order, scanned, SCAN_PAGE));
			for (Issue issue : batch) {
				if (search.matches(issue) && (withEvents == null || withEvents.contains(issue.id()))) {
					matching.add(issue);
				}
			}
			if (batch.size() < SCAN_PAGE) {
				break;
			}
		}
		return (offset >= matching.size()) ? List.of()
				: matching.subList(offset, Math.min(matching.size(), offset + limit));
	}

	private static Set<Long> projectIds(@Nullable List<String> values) {
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
					long id = Long.parseLong(part.trim());
					if (id == -1) {
						// Sentry's "all projects".
						return Set.of();
					}
					ids.add(id);
				}
				catch (NumberFormatException ex) {
					throw ApiException.badRequest("Invalid project parameter. Values must be numbers.");
				}
			}
		}
		return ids;
	}

	@GetMapping({ "/api/0/issues/{issueId}/", "/api/0/groups/{issueId}/" })
	IssueDetailJson detail(Caller caller, @PathVariable long issueId) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		return IssueDetailJson.of(json(found, found.issue()));
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/issues/{issueId}/")
	IssueDetailJson detailInOrganization(Caller caller, @PathVariable String organizationSlug,
			@PathVariable long issueId) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		if (!found.organization().slug().equals(organizationSlug)) {
			throw ApiException.notFound();
		}
		return IssueDetailJson.of(json(found, found.issue()));
	}

	@PutMapping({ "/api/0/issues/{issueId}/", "/api/0/groups/{issueId}/" })
	IssueDetailJson update(Caller caller, @PathVariable long issueId, @RequestBody UpdateIssueRequest body) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_WRITE);
		if (body.status() == null) {
			// Fields this API does not keep yet (bookmarks, assignment…) change nothing.
			return IssueDetailJson.of(json(found, found.issue()));
		}
		IssueStatus status = parseStatus(body.status());
		Issue updated = this.issues.updateStatus(issueId, status).orElseThrow(ApiException::notFound);
		return IssueDetailJson.of(json(found, updated));
	}

	/**
	 * The detail always carries stats for {@code 24h} and {@code 30d}, as Sentry's.
	 */
	private IssueJson json(ProjectIssue found, Issue issue) {
		IssueJson json = IssueJson.of(issue, found.project(), found.organization(), this.publicUrl);
		Map<String, Object> stats = new LinkedHashMap<>();
		for (String period : DETAIL_PERIODS) {
			stats.put(period, this.stats.compute(List.of(issue), period).get(issue.id()));
		}
		return json.withStats(stats);
	}

	/**
	 * Sentry's resolve variants ("in next release", "in release", "in commit") resolve
	 * now: releases are not tracked yet.
	 */
	private static IssueStatus parseStatus(String status) {
		String value = status.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("resolvedin")) {
			return IssueStatus.RESOLVED;
		}
		try {
			return IssueStatus.fromApiName(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("status: \"" + status + "\" is not a valid choice.");
		}
	}

	record UpdateIssueRequest(@Nullable String status) {

	}

}
