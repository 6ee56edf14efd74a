package dev.faultline.api.issue;

import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.ProjectIssue;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.member.Directory;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.IssueActivity;
import dev.faultline.storage.metadata.IssueComments;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An issue's activity log and its comments (Sentry's notes). Comment text is markdown,
 * stored and answered verbatim (rendering and escaping are the client's); only its author
 * edits or deletes a comment, anyone else gets a 404 as for a missing one.
 */
@RestController
class IssueCommentController {

	/** Longest comment, in characters. */
	static final int MAX_TEXT = 10_000;

	private final Access access;

	private final IssueComments issues;

	private final IssueRenderer renderer;

	private final Directory directory;

	IssueCommentController(Access access, IssueComments issues, IssueRenderer renderer, Directory directory) {
		this.access = access;
		this.issues = issues;
		this.renderer = renderer;
		this.directory = directory;
	}

	/** {@code {"activity": […]}}, newest first. */
	@GetMapping({ "/api/0/issues/{issueId}/activities/", "/api/0/groups/{issueId}/activities/" })
	Map<String, List<ActivityJson>> activities(Caller caller, @PathVariable long issueId) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_READ);
		return Map.of("activity", this.renderer.activity(issueId, this.directory.of(found.organization().id())));
	}

	@PostMapping({ "/api/0/issues/{issueId}/comments/", "/api/0/issues/{issueId}/notes/",
			"/api/0/groups/{issueId}/comments/", "/api/0/groups/{issueId}/notes/" })
	ResponseEntity<ActivityJson> add(Caller caller, @PathVariable long issueId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_WRITE);
		String text = text(body);
		IssueActivity comment;
		try {
			comment = this.issues.addComment(issueId, caller.user().id(), text);
		}
		catch (IllegalArgumentException ex) {
			// Deleted between the access check and now.
			throw ApiException.notFound();
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(ActivityJson.of(comment, this.directory.of(found.organization().id())));
	}

	@PutMapping({ "/api/0/issues/{issueId}/comments/{activityId}/", "/api/0/issues/{issueId}/notes/{activityId}/",
			"/api/0/groups/{issueId}/comments/{activityId}/", "/api/0/groups/{issueId}/notes/{activityId}/" })
	ActivityJson edit(Caller caller, @PathVariable long issueId, @PathVariable long activityId,
			@RequestBody(required = false) @Nullable JsonNode body) {
		ProjectIssue found = this.access.issue(caller, issueId, Scopes.EVENT_WRITE);
		String text = text(body);
		IssueActivity comment = this.issues.editComment(issueId, activityId, caller.user().id(), text)
			.orElseThrow(ApiException::notFound);
		return ActivityJson.of(comment, this.directory.of(found.organization().id()));
	}

	@DeleteMapping({ "/api/0/issues/{issueId}/comments/{activityId}/", "/api/0/issues/{issueId}/notes/{activityId}/",
			"/api/0/groups/{issueId}/comments/{activityId}/", "/api/0/groups/{issueId}/notes/{activityId}/" })
	ResponseEntity<Void> delete(Caller caller, @PathVariable long issueId, @PathVariable long activityId) {
		this.access.issue(caller, issueId, Scopes.EVENT_WRITE);
		if (!this.issues.deleteComment(issueId, activityId, caller.user().id())) {
			throw ApiException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * @throws ApiException 400 unless {@code text} is a string of 1 to {@link #MAX_TEXT}
	 * characters that is not only whitespace
	 */
	private static String text(@Nullable JsonNode body) {
		JsonNode text = (body != null && body.isObject()) ? body.get("text") : null;
		if (text == null || !text.isString()) {
			throw ApiException.badRequest("text: this field is required (a string)");
		}
		String value = text.stringValue();
		if (value.isBlank()) {
			throw ApiException.badRequest("text: may not be blank");
		}
		if (value.length() > MAX_TEXT) {
			throw ApiException.badRequest("text: at most " + MAX_TEXT + " characters");
		}
		return value;
	}

}
