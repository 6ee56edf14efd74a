package dev.faultline.api.release;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.api.releasehealth.ReleaseHealth;
import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.release.Commit;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseProject;
import dev.faultline.storage.release.ReleaseStore;
import dev.faultline.storage.release.Repository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Renders releases of one organization, looking up its projects and repositories once per
 * call.
 */
@Component
class ReleaseRenderer {

	private final ProjectStore projects;

	private final ReleaseStore releases;

	private final ReleaseHealth health;

	private final Clock clock = Clock.systemUTC();

	ReleaseRenderer(ProjectStore projects, MetadataStores stores, ReleaseHealth health) {
		this.projects = projects;
		this.releases = stores.releases();
		this.health = health;
	}

	ReleaseJson render(long organizationId, Release release, boolean health) {
		return render(organizationId, List.of(release),
				health ? HealthParameters.of("1", null, null, null, null) : HealthParameters.NONE)
			.get(0);
	}

	ReleaseJson render(long organizationId, Release release, HealthParameters health) {
		return render(organizationId, List.of(release), health).get(0);
	}

	List<ReleaseJson> render(long organizationId, List<Release> page, HealthParameters health) {
		if (page.isEmpty()) {
			return List.of();
		}
		Map<Long, Project> projectsById = this.projects.listByOrganization(organizationId)
			.stream()
			.collect(Collectors.toMap(Project::id, Function.identity()));
		Map<String, RepositoryJson> repositories = repositories(organizationId);
		Map<ReleaseHealth.ProjectRelease, ReleaseHealth.Health> healthData = Map.of();
		if (health.health()) {
			Map<String, List<Long>> releases = new LinkedHashMap<>();
			page.forEach((release) -> releases.put(release.version(),
					release.projects().stream().map(ReleaseProject::projectId).toList()));
			healthData = this.health.health(releases, health.environments(), this.clock.instant(), health.summary(),
					health.healthPeriodName(), health.healthPeriod(), health.users());
		}
		Map<ReleaseHealth.ProjectRelease, ReleaseHealth.Health> data = healthData;
		return page.stream()
			.map((release) -> json(release, projectsById, repositories, health.health() ? data : null))
			.toList();
	}

	Map<String, RepositoryJson> repositories(long organizationId) {
		return this.releases.repositories(organizationId)
			.stream()
			.collect(Collectors.toMap(Repository::name, RepositoryJson::of));
	}

	static CommitJson commit(Commit commit, Map<String, RepositoryJson> repositories) {
		RepositoryJson repository = repositories.get(commit.repository());
		if (repository == null) {
			throw new IllegalStateException("commit of an unknown repository: " + commit.repository());
		}
		return CommitJson.of(commit, repository);
	}

	private static ReleaseJson json(Release release, Map<Long, Project> projectsById,
			Map<String, RepositoryJson> repositories,
			@Nullable Map<ReleaseHealth.ProjectRelease, ReleaseHealth.Health> health) {
		VersionInfo info = VersionInfo.parse(release.version());
		List<ReleaseJson.ProjectJson> projects = release.projects()
			.stream()
			.filter((project) -> projectsById.containsKey(project.projectId()))
			.map((project) -> project(projectsById.get(project.projectId()), project, (health != null)
					? health.get(new ReleaseHealth.ProjectRelease(project.projectId(), release.version())) : null,
					health != null))
			.toList();
		List<ReleaseJson.AuthorJson> authors = release.authors()
			.stream()
			.map((email) -> new ReleaseJson.AuthorJson(null, email))
			.toList();
		return new ReleaseJson(release.id(), release.version(), info.description(),
				release.archived() ? "archived" : "open", ReleaseJson.VersionInfoJson.of(info), release.ref(),
				release.url(), ApiDates.format(release.dateCreated()), ApiDates.formatNullable(release.dateStarted()),
				ApiDates.formatNullable(release.dateReleased()), ApiDates.formatNullable(release.firstEvent()), null,
				release.newGroups(), null, release.commitCount(),
				(release.lastCommit() != null) ? commit(release.lastCommit(), repositories) : null,
				release.deployCount(), (release.lastDeploy() != null) ? DeployJson.of(release.lastDeploy()) : null,
				authors, Map.of(), projects);
	}

	private static ReleaseJson.ProjectJson project(Project project, ReleaseProject ofRelease,
			ReleaseHealth.@Nullable Health health, boolean asked) {
		ReleaseJson.HealthJson json = null;
		if (asked) {
			json = (health != null) ? ReleaseJson.HealthJson.of(health) : ReleaseJson.HealthJson.NO_SESSIONS;
		}
		return new ReleaseJson.ProjectJson(Long.toString(project.id()), project.slug(), project.name(),
				project.platform(), List.of(project.platform()), ofRelease.newGroups(),
				health != null && health.hasHealthData(), json);
	}

}
