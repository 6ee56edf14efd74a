package dev.faultline.api.release;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.faultline.api.web.ApiDates;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.release.Commit;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseProject;
import dev.faultline.storage.release.ReleaseStore;
import dev.faultline.storage.release.Repository;

import org.springframework.stereotype.Component;

/**
 * Renders releases of one organization, looking up its projects and repositories once per
 * call.
 */
@Component
class ReleaseRenderer {

	private final ProjectStore projects;

	private final ReleaseStore releases;

	ReleaseRenderer(ProjectStore projects, MetadataStores stores) {
		this.projects = projects;
		this.releases = stores.releases();
	}

	ReleaseJson render(long organizationId, Release release, boolean health) {
		return render(organizationId, List.of(release), health).get(0);
	}

	List<ReleaseJson> render(long organizationId, List<Release> page, boolean health) {
		if (page.isEmpty()) {
			return List.of();
		}
		Map<Long, Project> projectsById = this.projects.listByOrganization(organizationId)
			.stream()
			.collect(Collectors.toMap(Project::id, Function.identity()));
		Map<String, RepositoryJson> repositories = repositories(organizationId);
		return page.stream().map((release) -> json(release, projectsById, repositories, health)).toList();
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
			Map<String, RepositoryJson> repositories, boolean health) {
		VersionInfo info = VersionInfo.parse(release.version());
		List<ReleaseJson.ProjectJson> projects = release.projects()
			.stream()
			.filter((project) -> projectsById.containsKey(project.projectId()))
			.map((project) -> project(projectsById.get(project.projectId()), project, health))
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

	private static ReleaseJson.ProjectJson project(Project project, ReleaseProject ofRelease, boolean health) {
		return new ReleaseJson.ProjectJson(Long.toString(project.id()), project.slug(), project.name(),
				project.platform(), List.of(project.platform()), ofRelease.newGroups(), false,
				health ? ReleaseJson.HealthJson.NO_SESSIONS : null);
	}

}
