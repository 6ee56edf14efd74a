package dev.faultline.api.release;

import java.util.List;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.release.NewDeploy;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Deploys of a release ({@code sentry-cli deploys new|list}).
 */
@RestController
class DeployController {

	static final int MAX_ENVIRONMENT = 64;

	private final Access access;

	private final ReleaseStore releases;

	DeployController(Access access, MetadataStores stores) {
		this.access = access;
		this.releases = stores.releases();
	}

	/** The last finished first. */
	@GetMapping("/api/0/organizations/{organizationSlug}/releases/{version}/deploys/")
	List<DeployJson> list(Caller caller, @PathVariable String organizationSlug, @PathVariable String version) {
		Organization organization = this.access.organization(caller, organizationSlug, ReleaseController.READ);
		Release release = this.releases.find(organization.id(), version).orElseThrow(ApiException::notFound);
		return this.releases.deploys(release.id()).stream().map(DeployJson::of).toList();
	}

	/**
	 * {@code {environment, name?, url?, dateStarted?, dateFinished?}}: 201 with the
	 * deploy; {@code dateFinished} defaults to now.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/releases/{version}/deploys/")
	ResponseEntity<DeployJson> create(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String version, @RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, ReleaseController.WRITE);
		Release release = this.releases.find(organization.id(), version).orElseThrow(ApiException::notFound);
		JsonNode request = ReleaseBodies.object(body);
		String environment = environment(ReleaseBodies.requiredText(request, "environment"));
		NewDeploy deploy = new NewDeploy(environment, ReleaseBodies.text(request, "name"),
				ReleaseBodies.text(request, "url"), ReleaseBodies.date(request, "dateStarted"),
				ReleaseBodies.date(request, "dateFinished"));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(DeployJson.of(this.releases.addDeploy(release.id(), deploy)));
	}

	/**
	 * Sentry's environment names: at most 64 characters, no slash or line break.
	 */
	static String environment(String name) {
		if (name.length() > MAX_ENVIRONMENT || name.indexOf('/') >= 0 || name.indexOf('\n') >= 0
				|| name.indexOf('\r') >= 0 || name.indexOf('\f') >= 0) {
			throw ApiException
				.badRequest("environment: " + ReleaseBodies.quoted(name) + " is not a valid environment name");
		}
		return name;
	}

}
