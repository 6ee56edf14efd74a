package dev.faultline.api.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.releasehealth.ReleaseHealth;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.Pagination;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.release.NewCommit;
import dev.faultline.storage.release.NewRelease;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseChange;
import dev.faultline.storage.release.ReleaseQuery;
import dev.faultline.storage.release.ReleaseStore;
import dev.faultline.storage.release.Repository;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An organization's releases on Sentry's paths: list (organization-wide or one
 * project's), create, detail, update and delete.
 *
 * <p>
 * Scopes as Sentry's release permission: reading takes {@code project:read} or
 * {@code project:releases}, changing takes {@code project:write} or
 * {@code project:releases} (a CI token's scope), each within the caller's organization.
 */
@RestController
class ReleaseController {

	static final Set<String> READ = Set.of(Scopes.PROJECT_READ, "project:releases");

	static final Set<String> WRITE = Set.of(Scopes.PROJECT_WRITE, "project:releases");

	private final Access access;

	private final ProjectStore projects;

	private final ReleaseStore releases;

	private final ReleaseRenderer renderer;

	private final ReleaseHealth health;

	ReleaseController(Access access, ProjectStore projects, MetadataStores stores, ReleaseRenderer renderer,
			ReleaseHealth health) {
		this.access = access;
		this.projects = projects;
		this.releases = stores.releases();
		this.renderer = renderer;
		this.health = health;
	}

	/**
	 * Newest first ({@code sort=date}), or by release health ({@code sort=sessions},
	 * {@code users}, {@code crash_free_sessions}, {@code crash_free_users},
	 * {@code adoption}, {@code sessions_24h}, {@code users_24h}: only releases with
	 * sessions, best first); filtered by {@code project} ids ({@code -1} = all),
	 * {@code query} (text in the version) and {@code status} ({@code open},
	 * {@code archived}); {@code health=1} adds each project's {@code healthData}
	 * ({@link HealthParameters}).
	 */
	@GetMapping("/api/0/organizations/{organizationSlug}/releases/")
	ResponseEntity<List<ReleaseJson>> list(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(name = "project", required = false) @Nullable List<String> project,
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String health,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environments,
			@RequestParam(required = false) @Nullable String summaryStatsPeriod,
			@RequestParam(required = false) @Nullable String healthStatsPeriod,
			@RequestParam(required = false) @Nullable String healthStat,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String cursor) {
		Organization organization = this.access.organization(caller, organizationSlug, READ);
		return page(organization, projectIds(project), query, status, sort,
				HealthParameters.of(health, environments, summaryStatsPeriod, healthStatsPeriod, healthStat), perPage,
				cursor);
	}

	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/releases/")
	ResponseEntity<List<ReleaseJson>> listOfProject(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String health,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environments,
			@RequestParam(required = false) @Nullable String summaryStatsPeriod,
			@RequestParam(required = false) @Nullable String healthStatsPeriod,
			@RequestParam(required = false) @Nullable String healthStat,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String cursor) {
		Organization organization = this.access.organization(caller, organizationSlug, READ);
		Project project = this.projects.findBySlug(organization.id(), projectSlug).orElseThrow(ApiException::notFound);
		return page(organization, List.of(project.id()), query, status, sort,
				HealthParameters.of(health, environments, summaryStatsPeriod, healthStatsPeriod, healthStat), perPage,
				cursor);
	}

	/**
	 * {@code {version, projects, ref?, url?, dateStarted?, dateReleased?, refs?,
	 * commits?}}: 201 with the new release; 208 with the existing one (its projects
	 * widened) when the version exists.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/releases/")
	ResponseEntity<ReleaseJson> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, WRITE);
		JsonNode request = ReleaseBodies.object(body);
		String version = ReleaseBodies.version(ReleaseBodies.requiredText(request, "version"));
		List<Long> projectIds = ReleaseBodies.projects(request, organization.id(), this.projects, true);
		List<NewCommit> commits = commitsOf(organization, request);
		ReleaseStore.Created created = this.releases.create(organization.id(),
				new NewRelease(version, ReleaseBodies.text(request, "ref"), ReleaseBodies.text(request, "url"),
						ReleaseBodies.date(request, "dateStarted"), ReleaseBodies.date(request, "dateReleased"),
						projectIds));
		Release release = created.release();
		if (commits != null) {
			this.releases.setCommits(organization.id(), release.id(), commits);
			release = this.releases.find(organization.id(), version).orElseThrow(ApiException::notFound);
		}
		return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.ALREADY_REPORTED)
			.body(this.renderer.render(organization.id(), release, false));
	}

	@GetMapping({ "/api/0/organizations/{organizationSlug}/releases/{version}/",
			"/api/0/projects/{organizationSlug}/{projectSlug}/releases/{version}/" })
	ReleaseJson detail(Caller caller, @PathVariable String organizationSlug,
			@PathVariable(required = false) @Nullable String projectSlug, @PathVariable String version,
			@RequestParam(required = false) @Nullable String health,
			@RequestParam(name = "environment", required = false) @Nullable List<String> environments,
			@RequestParam(required = false) @Nullable String summaryStatsPeriod,
			@RequestParam(required = false) @Nullable String healthStatsPeriod,
			@RequestParam(required = false) @Nullable String healthStat) {
		Organization organization = this.access.organization(caller, organizationSlug, READ);
		Release release = this.releases.find(organization.id(), version).orElseThrow(ApiException::notFound);
		if (projectSlug != null) {
			Project project = this.projects.findBySlug(organization.id(), projectSlug)
				.orElseThrow(ApiException::notFound);
			if (!release.projectIds().contains(project.id())) {
				throw ApiException.notFound();
			}
		}
		return this.renderer.render(organization.id(), release,
				HealthParameters.of(health, environments, summaryStatsPeriod, healthStatsPeriod, healthStat));
	}

	/**
	 * {@code {ref?, url?, dateReleased?, status?, projects?, refs?|headCommits?,
	 * commits?}}: named attributes change, projects are added, a commit list replaces the
	 * release's.
	 */
	@PutMapping("/api/0/organizations/{organizationSlug}/releases/{version}/")
	ReleaseJson update(Caller caller, @PathVariable String organizationSlug, @PathVariable String version,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, WRITE);
		JsonNode request = ReleaseBodies.object(body);
		Boolean archived = archived(ReleaseBodies.text(request, "status"));
		ReleaseChange change = new ReleaseChange(ReleaseBodies.text(request, "ref"), ReleaseBodies.text(request, "url"),
				ReleaseBodies.date(request, "dateReleased"), archived,
				ReleaseBodies.projects(request, organization.id(), this.projects, false));
		List<NewCommit> commits = commitsOf(organization, request);
		Release release = this.releases.update(organization.id(), version, change).orElseThrow(ApiException::notFound);
		if (commits != null) {
			this.releases.setCommits(organization.id(), release.id(), commits);
			release = this.releases.find(organization.id(), version).orElseThrow(ApiException::notFound);
		}
		return this.renderer.render(organization.id(), release, false);
	}

	@DeleteMapping("/api/0/organizations/{organizationSlug}/releases/{version}/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable String version) {
		Organization organization = this.access.organization(caller, organizationSlug, WRITE);
		if (!this.releases.delete(organization.id(), version)) {
			throw ApiException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<List<ReleaseJson>> page(Organization organization, List<Long> projectIds,
			@Nullable String query, @Nullable String status, @Nullable String sort, HealthParameters health,
			@Nullable String perPage, @Nullable String cursor) {
		ReleaseHealth.Order order = order(sort);
		Boolean archived = (status == null || status.isEmpty()) ? Boolean.FALSE : archived(status);
		int offset = Pagination.offset(cursor);
		int limit = Pagination.limit(perPage);
		String text = (query != null && !query.isBlank()) ? query.trim() : null;
		List<Release> rows = (order == null)
				? this.releases.list(new ReleaseQuery(organization.id(), projectIds, text, archived, offset, limit + 1))
				: byHealth(organization, projectIds, text, archived, health, order, offset, limit + 1);
		boolean hasNext = rows.size() > limit;
		List<Release> page = hasNext ? rows.subList(0, limit) : rows;
		return ResponseEntity.ok()
			.header(HttpHeaders.LINK,
					Pagination.linkHeader(ServletUriComponentsBuilder.fromCurrentRequest(), offset, limit, hasNext))
			.body(this.renderer.render(organization.id(), page, health));
	}

	/**
	 * Sentry's health orders of the release list; null for {@code date} (the default).
	 */
	private static ReleaseHealth.@Nullable Order order(@Nullable String sort) {
		if (sort == null || sort.isEmpty() || sort.equals("date")) {
			return null;
		}
		return switch (sort) {
			case "sessions" -> ReleaseHealth.Order.SESSIONS;
			case "users" -> ReleaseHealth.Order.USERS;
			case "crash_free_sessions" -> ReleaseHealth.Order.CRASH_FREE_SESSIONS;
			case "crash_free_users" -> ReleaseHealth.Order.CRASH_FREE_USERS;
			case "adoption" -> ReleaseHealth.Order.ADOPTION;
			case "sessions_24h" -> ReleaseHealth.Order.SESSIONS_24H;
			case "users_24h" -> ReleaseHealth.Order.USERS_24H;
			default -> throw ApiException.badRequest("sort: " + ReleaseBodies.quoted(sort)
					+ " is not a valid choice (date, sessions, users, crash_free_sessions, crash_free_users, "
					+ "adoption, sessions_24h, users_24h)");
		};
	}

	/**
	 * The releases with sessions in the summary period (24 hours for adoption and the
	 * {@code _24h} orders), best first, as Sentry lists them sorted by health: releases
	 * without sessions are not listed.
	 */
	private List<Release> byHealth(Organization organization, List<Long> projectIds, @Nullable String text,
			@Nullable Boolean archived, HealthParameters health, ReleaseHealth.Order order, int offset, int limit) {
		Set<Long> organizationProjects = this.projects.listByOrganization(organization.id())
			.stream()
			.map(Project::id)
			.collect(Collectors.toSet());
		List<Long> scope = projectIds.isEmpty() ? organizationProjects.stream().sorted().toList()
				: projectIds.stream().filter(organizationProjects::contains).toList();
		List<Release> matching = new ArrayList<>();
		for (String version : this.health.order(scope, health.environments(), Instant.now(), health.summary(), order)) {
			Release release = this.releases.find(organization.id(), version).orElse(null);
			if (release == null || (archived != null && release.archived() != archived)
					|| (text != null
							&& !release.version().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))
					|| release.projectIds().stream().noneMatch(scope::contains)) {
				continue;
			}
			matching.add(release);
			if (matching.size() >= offset + limit) {
				break;
			}
		}
		return matching.subList(Math.min(offset, matching.size()), matching.size());
	}

	/**
	 * The commits a create or update body sets: {@code commits} as sent, else
	 * {@code refs} naming repositories the organization has.
	 */
	private @Nullable List<NewCommit> commitsOf(Organization organization, JsonNode request) {
		List<NewCommit> commits = ReleaseBodies.commits(request);
		if (commits != null) {
			return commits;
		}
		List<NewCommit> refs = ReleaseBodies.refs(request);
		if (refs != null) {
			Set<String> known = this.releases.repositories(organization.id())
				.stream()
				.map(Repository::name)
				.collect(Collectors.toSet());
			List<String> unknown = new ArrayList<>();
			for (NewCommit ref : refs) {
				if (!known.contains(ref.repository())) {
					unknown.add(ref.repository());
				}
			}
			if (!unknown.isEmpty()) {
				throw ApiException.badRequest("refs: Invalid repository names: " + String.join(", ", unknown));
			}
		}
		return refs;
	}

	private static @Nullable Boolean archived(@Nullable String status) {
		if (status == null) {
			return null;
		}
		return switch (status) {
			case "open" -> false;
			case "archived" -> true;
			default -> throw ApiException
				.badRequest("status: " + ReleaseBodies.quoted(status) + " is not a valid choice (open, archived)");
		};
	}

	/** Sentry's {@code project} ids; {@code -1} (or none) for all projects. */
	private static List<Long> projectIds(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (String value : values) {
			try {
				long id = Long.parseLong(value.trim());
				if (id == -1) {
					return List.of();
				}
				ids.add(id);
			}
			catch (NumberFormatException ex) {
				throw ApiException.badRequest("project: not a project id: " + ReleaseBodies.quoted(value));
			}
		}
		return ids;
	}

}
