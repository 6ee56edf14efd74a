package dev.faultline.api.issue;

import java.time.Clock;
import java.util.List;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.core.search.SearchParser;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.SavedSearch;
import dev.faultline.storage.metadata.SavedSearchStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's saved issue searches: the caller sees its own and the shared ones
 * ({@code visibility: organization}); only the owner deletes one.
 */
@RestController
class SavedSearchController {

	/** Sentry's search type of issue searches, the only one kept. */
	static final int ISSUE_TYPE = 0;

	static final int MAX_NAME = 128;

	static final int MAX_QUERY = 8192;

	private final Access access;

	private final SavedSearchStore searches;

	SavedSearchController(Access access, MetadataStores stores) {
		this.access = access;
		this.searches = stores.savedSearches();
	}

	/** By name. */
	@GetMapping("/api/0/organizations/{organizationSlug}/searches/")
	List<SavedSearchJson> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		return this.searches.listVisible(organization.id(), caller.user().id())
			.stream()
			.map(SavedSearchJson::of)
			.toList();
	}

	/**
	 * {@code {"type": 0, "name", "query", "sort"?, "visibility"?}}: the query must parse,
	 * {@code sort} defaults to {@code date}, {@code visibility} to {@code owner}.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/searches/")
	ResponseEntity<SavedSearchJson> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body");
		}
		JsonNode type = body.get("type");
		if (type != null && !type.isNull() && !(type.isIntegralNumber() && type.longValue() == ISSUE_TYPE)) {
			throw ApiException.badRequest("type: only issue searches (0) are supported");
		}
		String name = text(body, "name", MAX_NAME, true);
		String query = text(body, "query", MAX_QUERY, false);
		// A syntax error answers 400 with its position.
		new SearchParser(Clock.systemUTC()).parse(query);
		String sortText = optionalText(body, "sort");
		String sort = (sortText == null || sortText.isBlank()) ? "date" : sortText.trim();
		IssueSearch.sort(sort);
		String visibility = optionalText(body, "visibility");
		boolean shared;
		if (visibility == null || visibility.equals("owner")) {
			shared = false;
		}
		else if (visibility.equals("organization")) {
			shared = true;
		}
		else {
			throw ApiException.badRequest("visibility: \"" + visibility + "\" is not a valid choice.");
		}
		try {
			SavedSearch saved = this.searches.create(organization.id(), caller.user().id(), name, query, sort, shared);
			return ResponseEntity.status(HttpStatus.CREATED).body(SavedSearchJson.of(saved));
		}
		catch (DuplicateException ex) {
			throw ApiException.badRequest("name: a search named \"" + name + "\" exists already");
		}
	}

	@DeleteMapping("/api/0/organizations/{organizationSlug}/searches/{searchId}/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable long searchId) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		if (!this.searches.delete(organization.id(), searchId, caller.user().id())) {
			throw ApiException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	private static String text(JsonNode body, String field, int max, boolean nonBlank) {
		String value = optionalText(body, field);
		if (value == null || (nonBlank && value.isBlank())) {
			throw ApiException.badRequest(field + ": this field is required");
		}
		if (value.length() > max) {
			throw ApiException.badRequest(field + ": at most " + max + " characters");
		}
		return value;
	}

	private static @Nullable String optionalText(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw ApiException.badRequest(field + ": must be a string");
		}
		return node.stringValue();
	}

	record SavedSearchJson(String id, int type, String name, String query, String sort, String visibility,
			boolean isGlobal, boolean isPinned, String dateCreated) {

		static SavedSearchJson of(SavedSearch search) {
			return new SavedSearchJson(Long.toString(search.id()), ISSUE_TYPE, search.name(), search.query(),
					search.sort(), search.shared() ? "organization" : "owner", false, false,
					ApiDates.format(search.createdAt()));
		}

	}

}
