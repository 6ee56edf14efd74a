package dev.faultline.api.issue;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.member.Directory;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One issue: detail (a merged-away id redirects to its parent), update, delete.
 */
@RestController
class IssueDetailController {

	private final Access access;

	private final IssueReader issues;

	private final IssueRenderer renderer;

	private final IssueChanges changes;

	private final Directory directory;

	private final Clock clock = Clock.systemUTC();

	IssueDetailController(Access access, IssueReader issues, IssueRenderer renderer, IssueChanges changes,
			Directory directory) {
		this.access = access;
		this.issues = issues;
		this.renderer = renderer;
		this.changes = changes;
		this.directory = directory;
	}

	@GetMapping({ "/api/0/issues/{issueId}/", "/api/0/groups/{issueId}/" })
	ResponseEntity<IssueDetailJson> detail(Caller caller, @PathVariable long issueId) {
		return detail(caller, issueId, null);
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/issues/{issueId}/")
	ResponseEntity<IssueDetailJson> detailInOrganization(Caller caller, @PathVariable String organizationSlug,
			@PathVariable long issueId) {
		return detail(caller, issueId, organizationSlug);
	}

	/**
	 * The detail, or a 302 to the parent's detail for an id that was merged away.
	 */
	private ResponseEntity<IssueDetailJson> detail(Caller caller, long issueId, @Nullable String organizationSlug) {
		if (this.issues.findById(issueId).isEmpty()) {
			Optional<ProjectIssue> parent = this.access.mergedInto(caller, issueId, Scopes.EVENT_READ);
			if (parent.isPresent()) {
				String path = (organizationSlug != null)
						? "/api/0/organizations/" + organizationSlug + "/issues/" + parent.get().issue().id() + "/"
						: "/api/0/issues/" + parent.get().issue().id() + "/";
				URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUri();
				return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
			}
		}
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		if (organizationSlug != null && !found.organization().slug().equals(organizationSlug)) {
			throw ApiException.notFound();
		}
		return ResponseEntity.ok(this.renderer.detail(caller, found, found.issue()));
	}

	/**
	 * Changes status, assignee, the caller's bookmark and subscription (body fields of
	 * Sentry's issue update); answers the detail as changed.
	 */
	@PutMapping({ "/api/0/issues/{issueId}/", "/api/0/groups/{issueId}/" })
	IssueDetailJson update(Caller caller, @PathVariable long issueId, @RequestBody(required = false) JsonNode body) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_WRITE);
		IssueUpdate update = IssueUpdate.parse(body, this.directory.of(found.organization().id()), caller.user().id(),
				this.clock);
		if (update.merge() || update.discard()) {
			throw ApiException.badRequest((update.merge() ? "merge" : "discard")
					+ ": only on an issue list (PUT /api/0/projects/{org}/{project}/issues/?id=…)");
		}
		List<Issue> changed = this.changes.apply(List.of(found.issue()), update, caller.user().id());
		Issue issue = changed.isEmpty() ? found.issue() : changed.get(0);
		return this.renderer.detail(caller, found, issue);
	}

	@DeleteMapping({ "/api/0/issues/{issueId}/", "/api/0/groups/{issueId}/" })
	ResponseEntity<Void> delete(Caller caller, @PathVariable long issueId) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_WRITE);
		this.changes.delete(List.of(found.issue()));
		return ResponseEntity.accepted().build();
	}

}
