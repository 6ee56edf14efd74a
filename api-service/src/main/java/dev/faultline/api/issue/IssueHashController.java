package dev.faultline.api.issue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.events.EventMaintenance;
import dev.faultline.storage.metadata.Issue;
import dev.faultline.storage.metadata.IssueHash;
import dev.faultline.storage.metadata.IssueReader;
import dev.faultline.storage.metadata.IssueWorkflow;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An issue's grouping hashes and unmerge: chosen hashes with their counted and stored
 * events move to a new issue.
 */
@RestController
class IssueHashController {

	private final Access access;

	private final IssueReader issues;

	private final IssueWorkflow workflow;

	private final EventMaintenance events;

	IssueHashController(Access access, IssueReader issues, IssueWorkflow workflow, EventMaintenance events) {
		this.access = access;
		this.issues = issues;
		this.workflow = workflow;
		this.events = events;
	}

	/** Most events first; {@code latestEvent} names the newest event of each hash. */
	@GetMapping({ "/api/0/issues/{issueId}/hashes/", "/api/0/groups/{issueId}/hashes/" })
	List<HashJson> list(Caller caller, @PathVariable long issueId) {
		this.access.issue(caller, issueId, Scopes.EVENT_READ);
		return this.issues.hashes(issueId).stream().map(HashJson::of).toList();
	}

	/**
	 * Unmerges the hashes named by repeated {@code id} parameters: 202 once they and
	 * their events belong to the new issue.
	 */
	@RequestMapping(path = { "/api/0/issues/{issueId}/hashes/", "/api/0/groups/{issueId}/hashes/" },
			method = { RequestMethod.PUT, RequestMethod.DELETE })
	ResponseEntity<Void> unmerge(Caller caller, @PathVariable long issueId,
			@RequestParam(name = "id", required = false) @Nullable List<String> ids) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_WRITE);
		Set<String> hashes = new LinkedHashSet<>();
		if (ids != null) {
			for (String id : ids) {
				for (String part : id.split(",")) {
					if (!part.isBlank()) {
						hashes.add(part.trim());
					}
				}
			}
		}
		if (hashes.isEmpty()) {
			throw ApiException.badRequest("id: name at least one hash to unmerge");
		}
		Issue created;
		try {
			created = this.workflow.unmerge(issueId, hashes, caller.user().id());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("id: " + ex.getMessage());
		}
		this.events.moveEvents(found.project().id(), issueId, hashes, created.id());
		return ResponseEntity.accepted().build();
	}

	record HashJson(String id, long eventCount, @Nullable Map<String, String> latestEvent) {

		static HashJson of(IssueHash hash) {
			return new HashJson(hash.hash(), hash.eventCount(),
					(hash.latestEventId() != null) ? Map.of("eventID", hash.latestEventId()) : null);
		}

	}

}
