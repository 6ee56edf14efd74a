package dev.faultline.api.sourcemap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiDates;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.Project;
import dev.faultline.storage.metadata.ProjectStore;
import dev.faultline.storage.sourcemap.ArtifactBundle;
import dev.faultline.storage.sourcemap.ArtifactBundleStore;
import dev.faultline.storage.sourcemap.NewArtifactBundle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assembles uploaded chunks into an artifact bundle ({@code artifactbundle/assemble/})
 * and lists a project's bundles.
 *
 * <p>
 * Assembly happens within the request: with chunks missing the answer is
 * {@code not_found} with the missing checksums (the client uploads them and asks again);
 * with all there, the bundle is joined, checked against its checksum, its manifest read
 * and the bundle stored, and the answer is its final state, {@code ok} or {@code error}
 * with the reason (sentry-cli polls until one of these, so it never sees {@code created}
 * or {@code assembling}). Asking again for a stored checksum answers its state.
 */
@RestController
class ArtifactBundleController {

	private static final Logger logger = LoggerFactory.getLogger(ArtifactBundleController.class);

	static final int MAX_CHUNKS = (int) (ChunkUploadController.MAX_FILE_SIZE / ChunkUploadController.CHUNK_SIZE);

	private final Access access;

	private final ProjectStore projects;

	private final ArtifactBundleStore bundles;

	ArtifactBundleController(Access access, ProjectStore projects, MetadataStores stores) {
		this.access = access;
		this.projects = projects;
		this.bundles = stores.artifactBundles();
	}

	/**
	 * {@code {checksum, chunks, projects, version?, dist?}}.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/artifactbundle/assemble/")
	AssembleResponse assemble(Caller caller, @PathVariable String organizationSlug,
			@RequestBody(required = false) @Nullable JsonNode body) {
		Organization organization = this.access.organization(caller, organizationSlug, ChunkUploadController.WRITE);
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body: a JSON object is expected");
		}
		String checksum = sha1Text(body.get("checksum"), "checksum");
		List<String> chunks = chunks(body.get("chunks"));
		List<Long> projectIds = projectIds(organization, body.get("projects"));
		String release = optionalText(body, "version");
		String dist = optionalText(body, "dist");
		if (dist != null && release == null) {
			throw ApiException.badRequest("dist: a dist needs a version");
		}

		var known = this.bundles.findBundle(organization.id(), checksum);
		if (known.isPresent()) {
			return AssembleResponse.of(known.get());
		}
		Set<String> missing = this.bundles.missingChunks(organization.id(), chunks);
		if (!missing.isEmpty()) {
			return new AssembleResponse("not_found", null, List.copyOf(missing));
		}
		byte[] data = this.bundles.joinChunks(organization.id(), chunks);
		if (!ChunkUploadController.sha1(data).equals(checksum)) {
			return AssembleResponse.of(this.bundles.failBundle(organization.id(), checksum,
					"the joined chunks do not hash to the checksum", chunks));
		}
		try {
			BundleManifest manifest = BundleManifest.read(data);
			ArtifactBundle stored = this.bundles.saveBundle(organization.id(),
					new NewArtifactBundle(checksum, manifest.bundleId(),
							(release != null) ? release : manifest.release(), (dist != null) ? dist : manifest.dist(),
							projectIds, manifest.files(), data),
					chunks);
			logger.debug("Artifact bundle {} of organization {} stored with {} files", stored.id(), organization.id(),
					stored.fileCount());
			return AssembleResponse.of(stored);
		}
		catch (BundleManifest.InvalidBundleException ex) {
			return AssembleResponse.of(this.bundles.failBundle(organization.id(), checksum, ex.getMessage(), chunks));
		}
	}

	/** Newest first. */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/files/artifact-bundles/")
	List<ArtifactBundleJson> list(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug) {
		OrganizationProject owner = this.access.project(caller, organizationSlug, projectSlug, Scopes.PROJECT_READ);
		return this.bundles.listBundles(owner.project().id())
			.stream()
			.filter((bundle) -> bundle.state().equals(ArtifactBundle.OK))
			.map(ArtifactBundleJson::of)
			.toList();
	}

	private static String sha1Text(@Nullable JsonNode node, String field) {
		if (node == null || !node.isString()) {
			throw ApiException.badRequest(field + ": a sha1 checksum is expected");
		}
		String value = node.stringValue().toLowerCase(Locale.ROOT);
		if (value.length() != 40 || !value.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
			throw ApiException.badRequest(field + ": a sha1 checksum is expected");
		}
		return value;
	}

	private static List<String> chunks(@Nullable JsonNode node) {
		if (node == null || !node.isArray()) {
			throw ApiException.badRequest("chunks: a list of sha1 checksums is expected");
		}
		if (node.size() > MAX_CHUNKS) {
			throw ApiException.badRequest("chunks: at most " + MAX_CHUNKS + " chunks");
		}
		List<String> chunks = new ArrayList<>();
		for (JsonNode chunk : node) {
			chunks.add(sha1Text(chunk, "chunks"));
		}
		return chunks;
	}

	private List<Long> projectIds(Organization organization, @Nullable JsonNode node) {
		if (node == null || !node.isArray() || node.isEmpty()) {
			throw ApiException.badRequest("projects: a non-empty list of project slugs is expected");
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (JsonNode item : node) {
			Project project = null;
			if (item.isString()) {
				project = this.projects.findBySlug(organization.id(), item.stringValue()).orElse(null);
			}
			if (project == null) {
				throw ApiException.badRequest("projects: Invalid project slugs: " + item);
			}
			ids.add(project.id());
		}
		return List.copyOf(ids);
	}

	private static @Nullable String optionalText(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.stringValue().isBlank() || node.stringValue().length() > 200) {
			throw ApiException.badRequest(field + ": a non-empty string of at most 200 characters is expected");
		}
		return node.stringValue();
	}

	/**
	 * Sentry's assemble answer.
	 */
	record AssembleResponse(String state, @Nullable String detail, List<String> missingChunks) {

		static AssembleResponse of(ArtifactBundle bundle) {
			return new AssembleResponse(bundle.state(), bundle.detail(), List.of());
		}

	}

	/**
	 * Sentry's artifact bundle listing.
	 */
	record ArtifactBundleJson(@Nullable String bundleId, String date, String dateModified, int fileCount,
			List<Association> associations) {

		record Association(String release, @Nullable String dist) {

		}

		static ArtifactBundleJson of(ArtifactBundle bundle) {
			List<Association> associations = (bundle.release() != null)
					? List.of(new Association(bundle.release(), bundle.dist())) : List.of();
			String date = ApiDates.format(bundle.dateCreated());
			return new ArtifactBundleJson(bundle.bundleId(), date, date, bundle.fileCount(), associations);
		}

	}

}
