package dev.faultline.api.release;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.DuplicateException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.release.Release;
import dev.faultline.storage.release.ReleaseStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's code repositories and the commits of its releases. Sentry adds
 * repositories through its source-code integrations; Faultline has none, so a repository
 * is added by name here (what {@code set-commits --commit repo@sha} needs first) or by
 * the first commit list that names it ({@code set-commits --local}).
 */
@RestController
class RepositoryController {

	static final int MAX_NAME = 200;

	private final Access access;

	private final ReleaseStore releases;

	private final ReleaseRenderer renderer;

	RepositoryController(Access access, MetadataStores stores, ReleaseRenderer renderer) {
		this.access = access;
		this.releases = stores.releases();
		this.renderer = renderer;
	}

	/** By name; {@code query} keeps names containing the text. */
	@GetMapping("/api/0/organizations/{organizationSlug}/repos/")
	List<RepositoryJson> list(Caller caller, @PathVariable String organizationSlug,
			@RequestParam(required = false) @Nullable String query) {
		Organization organization = this.access.organization(caller, organizationSlug, Scopes.ORG_READ);
		return this.releases.repositories(organization.id())
			.stream()
			.filter((repository) -> query == null || query.isBlank()
					|| repository.name().toLowerCase(Locale.ROOT).contains(query.trim().toLowerCase(Locale.ROOT)))
			.map(RepositoryJson::of)
			.toList();
	}

	/**
	 * {@code {name, url?, provider?}}: 201 with the repository; 400 when the organization
	 * has one of that name.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/repos/")
	ResponseEntity<RepositoryJson> create(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug,
				List.of("org:integrations", "org:write"));
		JsonNode request = ReleaseBodies.object(body);
		String name = ReleaseBodies.requiredText(request, "name").trim();
		if (name.length() > MAX_NAME) {
			throw ApiException.badRequest("name: at most " + MAX_NAME + " characters");
		}
		String provider = ReleaseBodies.text(request, "provider");
		try {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(RepositoryJson
					.of(this.releases.addRepository(organization.id(), name, ReleaseBodies.text(request, "url"),
							(provider != null && !provider.isBlank()) ? provider : "integrations:custom")));
		}
		catch (DuplicateException ex) {
			throw ApiException.badRequest("name: a repository named " + ReleaseBodies.quoted(name) + " exists already");
		}
	}

	/**
	 * The newest earlier release of a shared project with commits, or {@code {}} when
	 * there is none (as Sentry answers).
	 */
	@GetMapping("/api/0/organizations/{organizationSlug}/releases/{version}/previous-with-commits/")
	Object previousWithCommits(Caller caller, @PathVariable String organizationSlug, @PathVariable String version) {
		Organization organization = this.access.organization(caller, organizationSlug, ReleaseController.READ);
		Release release = this.releases.find(organization.id(), version).orElseThrow(ApiException::notFound);
		return this.releases.previousWithCommits(organization.id(), release.id())
			.<Object>map((previous) -> this.renderer.render(organization.id(), previous, false))
			.orElse(Map.of());
	}

	/** In the order they were set, newest first, each with its changed files. */
	@GetMapping("/api/0/organizations/{organizationSlug}/releases/{version}/commits/")
	List<CommitJson> commits(Caller caller, @PathVariable String organizationSlug, @PathVariable String version) {
		Organization organization = this.access.organization(caller, organizationSlug, ReleaseController.READ);
		Release release = this.releases.find(organization.id(), version).orElseThrow(ApiException::notFound);
		Map<String, RepositoryJson> repositories = this.renderer.repositories(organization.id());
		return this.releases.commits(release.id())
			.stream()
			.map((commit) -> ReleaseRenderer.commit(commit, repositories))
			.toList();
	}

}
