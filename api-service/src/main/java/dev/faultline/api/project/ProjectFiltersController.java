package dev.faultline.api.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.ProjectFilters;
import dev.faultline.storage.metadata.ProjectSettingsStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's built-in inbound filters on Sentry's paths: the list with each filter's
 * state, and the change of one. The processor applies a change once its settings cache
 * expires (30 s).
 */
@RestController
class ProjectFiltersController {

	private static final Logger logger = LoggerFactory.getLogger(ProjectFiltersController.class);

	private final ProjectSettingsStore settings;

	private final Access access;

	ProjectFiltersController(MetadataStores metadataStores, Access access) {
		this.settings = metadataStores.projectSettings();
		this.access = access;
	}

	/**
	 * Every built-in filter, sorted by name: {@code id}, {@code active} (a boolean, or
	 * the active subfilters of {@code legacy-browsers}), {@code description},
	 * {@code name} and {@code hello}, as Sentry answers.
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/filters/")
	List<Map<String, Object>> list(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_READ);
		ProjectFilters filters = this.settings.findFilters(found.project().id()).orElseThrow(ApiException::notFound);
		return InboundFilterSpecs.ALL.stream().map((spec) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", spec.id());
			json.put("active", InboundFilterSpecs.active(spec, filters));
			json.put("description", spec.description());
			json.put("name", spec.name());
			json.put("hello", spec.id() + " - " + spec.name());
			return json;
		}).toList();
	}

	/**
	 * Turns a filter on or off ({@code {"active": true}}), or chooses the subfilters of
	 * {@code legacy-browsers} ({@code {"subfilters": ["ie", "safari_pre_6"]}}); 204 as in
	 * Sentry, 404 for an unknown filter, 400 naming the field for a bad body.
	 */
	@PutMapping("/api/0/projects/{organizationSlug}/{projectSlug}/filters/{filterId}/")
	ResponseEntity<Void> update(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable String filterId, @RequestBody(required = false) @Nullable Map<String, Object> body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		InboundFilterSpecs.Spec spec = InboundFilterSpecs.find(filterId).orElseThrow(ApiException::notFound);
		long projectId = found.project().id();
		ProjectFilters current = this.settings.findFilters(projectId).orElseThrow(ApiException::notFound);
		ProjectFilters updated;
		try {
			updated = InboundFilterSpecs.apply(spec, current, (body != null) ? body : Map.of());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(ex.getMessage());
		}
		if (!this.settings.updateFilters(projectId, updated)) {
			throw ApiException.notFound();
		}
		logger.info("Updated inbound filter {} of project {}", spec.id(), projectId);
		return ResponseEntity.noContent().build();
	}

}
