package dev.faultline.api.issue;

import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.member.Directory;
import dev.faultline.api.member.People;
import dev.faultline.api.member.UserJson;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.IssueWorkflow;
import dev.faultline.storage.metadata.Tombstone;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's discarded issues; deleting a tombstone lets its hashes' events be grouped
 * again.
 */
@RestController
class TombstoneController {

	private final Access access;

	private final IssueWorkflow issues;

	private final Directory directory;

	TombstoneController(Access access, IssueWorkflow issues, Directory directory) {
		this.access = access;
		this.issues = issues;
		this.directory = directory;
	}

	/** Newest first. */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/tombstones/")
	List<TombstoneJson> list(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_READ);
		People people = this.directory.of(found.organization().id());
		return this.issues.tombstones(found.project().id())
			.stream()
			.map((tombstone) -> TombstoneJson.of(tombstone, people))
			.toList();
	}

	@DeleteMapping("/api/0/projects/{organizationSlug}/{projectSlug}/tombstones/{tombstoneId}/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable long tombstoneId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.EVENT_WRITE);
		if (!this.issues.deleteTombstone(found.project().id(), tombstoneId)) {
			throw ApiException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Sentry's tombstone; {@code message} is empty and {@code metadata} carries the
	 * title, as only those are kept.
	 */
	record TombstoneJson(String id, String level, String message, String culprit, String type,
			Map<String, String> metadata, @Nullable UserJson actor, String dateAdded) {

		static TombstoneJson of(Tombstone tombstone, People people) {
			return new TombstoneJson(Long.toString(tombstone.id()), tombstone.level(), "", tombstone.culprit(), "error",
					Map.of("title", tombstone.title()), people.user(tombstone.actorUserId()),
					ApiDates.format(tombstone.createdAt()));
		}

	}

}
