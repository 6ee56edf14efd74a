package dev.faultline.api.issue;

import java.util.List;
import java.util.Locale;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.Pagination;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueQuery;
import dev.faultline.storage.metadata.IssueStatus;
import dev.faultline.storage.metadata.IssueStore;
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
 * A project's issue list, issue detail and status changes.
 */
@RestController
class IssueController {

	private final IssueStore issues;

	private final Access access;

	private final String publicUrl;

	IssueController(IssueStore issues, Access access, FaultlineProperties properties) {
		this.issues = issues;
		this.access = access;
		this.publicUrl = properties.publicUrl();
	}

	/**
	 * Sentry's {@code statsPeriod} is accepted and ignored: the list is not limited to a
	 * time window yet.
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/issues/")
	ResponseEntity<List<IssueJson>> list(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		int offset = Pagination.offset(cursor);
		int pageSize = Pagination.limit(limit);
		// One extra row tells whether a next page exists.
		List<Issue> rows = this.issues.list(found.project().id(),
				new IssueQuery(IssueSearch.status(query), IssueSearch.sort(sort), offset, pageSize + 1));
		List<IssueJson> page = rows.stream()
			.limit(pageSize)
			.map((issue) -> IssueJson.of(issue, found.project(), found.organization(), this.publicUrl))
			.toList();
		String link = Pagination.linkHeader(ServletUriComponentsBuilder.fromCurrentRequest(), offset, pageSize,
				rows.size() > pageSize);
		return ResponseEntity.ok().header(HttpHeaders.LINK, link).body(page);
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

	private IssueJson json(ProjectIssue found, Issue issue) {
		return IssueJson.of(issue, found.project(), found.organization(), this.publicUrl);
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
