package dev.faultline.api.project;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.boot.FaultlineProperties;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectFilters;
import dev.faultline.storage.metadata.ProjectKey;
import dev.faultline.storage.metadata.ProjectSettings;
import dev.faultline.storage.metadata.ProjectSettingsStore;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.metadata.Team;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects and their client keys.
 */
@RestController
class ProjectController {

	private static final Logger logger = LoggerFactory.getLogger(ProjectController.class);

	/** Sentry names a project's first key so. */
	static final String DEFAULT_KEY_LABEL = "Default";

	private static final TypeReference<Map<String, @Nullable Object>> DETAIL = new TypeReference<>() {
	};

	private final OrganizationStore organizations;

	private final ProjectStore projects;

	private final ProjectSettingsStore settings;

	private final Access access;

	private final ObjectMapper mapper;

	private final Dsns dsns;

	private final ClientKeys clientKeys = new ClientKeys(new SecureRandom());

	ProjectController(OrganizationStore organizations, ProjectStore projects, MetadataStores metadataStores,
			Access access, FaultlineProperties properties, ObjectMapper mapper) {
		this.organizations = organizations;
		this.projects = projects;
		this.settings = metadataStores.projectSettings();
		this.access = access;
		this.mapper = mapper;
		this.dsns = new Dsns(properties.publicUrl());
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/projects/")
	List<ProjectJson> list(Caller caller, @PathVariable String organizationSlug) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		Map<Long, Team> teams = teamsById(organization);
		return this.projects.listByOrganization(organization.id())
			.stream()
			.map((project) -> ProjectJson.of(project, teams.get(project.teamId()), null))
			.toList();
	}

	@PostMapping("/api/0/teams/{organizationSlug}/{teamSlug}/projects/")
	@ResponseStatus(HttpStatus.CREATED)
	ProjectJson create(Caller caller, @PathVariable String organizationSlug, @PathVariable String teamSlug,
			@RequestBody CreateProjectRequest body) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.PROJECT_WRITE);
		Team team = this.organizations.findTeam(organization.id(), teamSlug).orElseThrow(ApiException::notFound);
		if (body.name() == null || body.name().isBlank()) {
			throw ApiException.badRequest("name: This field is required.");
		}
		String name = body.name().trim();
		String slug = Slugs.choose(body.slug(), name);
		Project project;
		try {
			project = this.projects.create(organization.id(), team.id(), slug, name,
					(body.platform() != null) ? body.platform() : "");
		}
		catch (DuplicateException ex) {
			throw ApiException.conflict("A project with this slug already exists.");
		}
		// Sentry gives every new project a first client key, so a DSN is ready at once.
		createKey(project, DEFAULT_KEY_LABEL);
		logger.info("Created project {} ({}) in organization {}", project.id(), project.slug(), organization.id());
		return ProjectJson.of(project, team, organization);
	}

	/**
	 * The project with its organization and its processing settings (Sentry's
	 * {@code fingerprintingRules}, {@code groupingEnhancements}, {@code relayPiiConfig},
	 * data scrubbing fields, {@code inAppIncludes} / {@code inAppExcludes}, and the
	 * inbound filter lists in {@code options}).
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/")
	Map<String, @Nullable Object> detail(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_READ);
		long projectId = found.project().id();
		return detail(found, this.settings.find(projectId).orElseThrow(ApiException::notFound),
				this.settings.findFilters(projectId).orElseThrow(ApiException::notFound));
	}

	/**
	 * Partial update of the processing settings; rules are validated by parsing them (a
	 * syntax error is a 400 naming the field and line), and of the inbound filter lists
	 * in {@code options} (Sentry's {@code filters:error_messages},
	 * {@code filters:releases}, {@code filters:blacklisted_ips}). Nothing is stored when
	 * a field is refused. The processor applies a change once its settings cache expires
	 * (30 s).
	 */
	@PutMapping("/api/0/projects/{organizationSlug}/{projectSlug}/")
	Map<String, @Nullable Object> update(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestBody ProjectSettingsJson.Update body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		long projectId = found.project().id();
		ProjectSettings current = this.settings.find(projectId).orElseThrow(ApiException::notFound);
		ProjectSettings updated = body.applyTo(current, this.mapper);
		ProjectFilters currentFilters = this.settings.findFilters(projectId).orElseThrow(ApiException::notFound);
		ProjectFilters filters = currentFilters;
		if (body.options() != null) {
			try {
				filters = FilterOptions.apply(currentFilters, body.options());
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest(ex.getMessage());
			}
		}
		if (!this.settings.update(projectId, updated)
				|| (!filters.equals(currentFilters) && !this.settings.updateFilters(projectId, filters))) {
			throw ApiException.notFound();
		}
		logger.info("Updated the processing settings of project {}", projectId);
		return detail(found, updated, filters);
	}

	private Map<String, @Nullable Object> detail(OrganizationProject found, ProjectSettings settings,
			ProjectFilters filters) {
		Team team = teamsById(found.organization()).get(found.project().teamId());
		ProjectJson json = ProjectJson.of(found.project(), team, found.organization());
		Map<String, @Nullable Object> result = new LinkedHashMap<>(this.mapper.convertValue(json, DETAIL));
		ProjectSettingsJson.render(settings, result);
		result.put("options", FilterOptions.render(filters));
		return result;
	}

	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/keys/")
	List<ProjectKeyJson> keys(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_READ);
		return this.projects.listKeys(found.project().id())
			.stream()
			.map((key) -> ProjectKeyJson.of(key, this.dsns))
			.toList();
	}

	@PostMapping("/api/0/projects/{organizationSlug}/{projectSlug}/keys/")
	@ResponseStatus(HttpStatus.CREATED)
	ProjectKeyJson createKey(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@RequestBody(required = false) @Nullable CreateKeyRequest body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		String label = (body != null && body.name() != null && !body.name().isBlank()) ? body.name().trim()
				: DEFAULT_KEY_LABEL;
		return ProjectKeyJson.of(createKey(found.project(), label), this.dsns);
	}

	/**
	 * Renames and/or (de)activates a key; Sentry's {@code name} and {@code isActive}.
	 * Ingest refuses a deactivated key once its key cache entry expires.
	 */
	@PutMapping("/api/0/projects/{organizationSlug}/{projectSlug}/keys/{keyId}/")
	ProjectKeyJson updateKey(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@PathVariable String keyId, @RequestBody UpdateKeyRequest body) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_WRITE);
		String label = (body.name() != null && !body.name().isBlank()) ? body.name().trim() : null;
		return this.projects.updateKey(found.project().id(), keyId, label, body.isActive())
			.map((key) -> ProjectKeyJson.of(key, this.dsns))
			.orElseThrow(ApiException::notFound);
	}

	/**
	 * Deletes a key for good (Sentry's "revoke"). Ingest refuses it once its key cache
	 * entry expires.
	 */
	@DeleteMapping("/api/0/projects/{organizationSlug}/{projectSlug}/keys/{keyId}/")
	ResponseEntity<Void> deleteKey(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @PathVariable String keyId) {
		OrganizationProject found = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_ADMIN);
		if (!this.projects.deleteKey(found.project().id(), keyId)) {
			throw ApiException.notFound();
		}
		logger.info("Deleted a client key of project {}", found.project().id());
		return ResponseEntity.noContent().build();
	}

	private ProjectKey createKey(Project project, String label) {
		return this.projects.createKey(project.id(), label, this.clientKeys.next(), this.clientKeys.next());
	}

	private Map<Long, Team> teamsById(Organization organization) {
		return this.organizations.listTeams(organization.id())
			.stream()
			.collect(Collectors.toMap(Team::id, Function.identity()));
	}

	record CreateProjectRequest(@Nullable String name, @Nullable String slug, @Nullable String platform) {

	}

	record CreateKeyRequest(@Nullable String name) {

	}

	record UpdateKeyRequest(@Nullable String name, @Nullable Boolean isActive) {

	}

}
