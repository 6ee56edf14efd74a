package dev.faultline.api.debugfile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Access.OrganizationProject;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.api.web.Pagination;
import dev.faultline.core.proguard.MappingUuid;
import dev.faultline.core.proguard.ProguardMapping;
import dev.faultline.core.text.ClientPatterns;
import dev.faultline.storage.debugfile.DebugFile;
import dev.faultline.storage.debugfile.DebugFileStore;
import dev.faultline.storage.debugfile.NewDebugFile;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.sourcemap.ArtifactBundleStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A project's debug information files.
 *
 * <p>
 * {@code POST files/difs/assemble/} takes {@code {checksum: {name, debug_id?, chunks}}}
 * and answers, per checksum, {@code {state, detail, missingChunks, dif}}: with chunks
 * missing {@code not_found} and their checksums (the client uploads them through the
 * organization's chunk upload and asks again); with all there the file is joined, checked
 * against its checksum and stored, within the request, so the answer is its final state,
 * {@code ok} with the stored file or {@code error} with the reason (the client polls
 * until one of these). A file already stored for the project answers {@code ok} at once.
 * ProGuard/R8 mappings are the one kind of file kept: their debug id is the UUID in the
 * uploaded name ({@code /proguard/<uuid>.txt}, sentry-cli's, which carries a forced
 * {@code --uuid}) or else the UUID computed from the content; any other file is an
 * {@code error} that says so. The chunks of a failed file are kept, so that asking again
 * gives the same answer.
 */
@RestController
class DebugFileController {

	private static final Logger logger = LoggerFactory.getLogger(DebugFileController.class);

	/** sentry-cli's chunk upload cuts files of at most the chunk upload's 64 MiB. */
	static final int MAX_CHUNKS = 128;

	static final List<String> WRITE = List.of(Scopes.PROJECT_WRITE, "project:releases");

	static final List<String> READ = List.of(Scopes.PROJECT_READ, "project:releases");

	private static final Pattern PROGUARD_NAME = ClientPatterns.PROGUARD_FILE_NAME.jdk();

	private static final Pattern SHA1 = ClientPatterns.SHA1_HEX.jdk();

	private final Access access;

	private final DebugFileStore files;

	private final ArtifactBundleStore chunks;

	DebugFileController(Access access, MetadataStores stores) {
		this.access = access;
		this.files = stores.debugFiles();
		this.chunks = stores.artifactBundles();
	}

	@PostMapping("/api/0/projects/{organizationSlug}/{projectSlug}/files/difs/assemble/")
	Map<String, AssembleJson> assemble(Caller caller, @PathVariable String organizationSlug,
			@PathVariable String projectSlug, @RequestBody(required = false) @Nullable JsonNode body) {
		OrganizationProject owner = this.access.project(caller, organizationSlug, projectSlug, WRITE);
		if (body == null || !body.isObject()) {
			throw ApiException.badRequest("Malformed request body: an object of files by checksum is expected");
		}
		Map<String, AssembleJson> answer = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			String checksum = entry.getKey().toLowerCase(Locale.ROOT);
			if (!SHA1.matcher(checksum).matches() || !entry.getValue().isObject()) {
				throw ApiException.badRequest(
						"Malformed request body: " + entry.getKey() + " is not a sha1 checksum with {name, chunks}");
			}
			answer.put(entry.getKey(), assembleOne(owner, checksum, entry.getValue()));
		}
		return answer;
	}

	private AssembleJson assembleOne(OrganizationProject owner, String checksum, JsonNode file) {
		String name = file.path("name").asString("");
		List<String> chunkSums = chunkList(file.get("chunks"));
		Optional<DebugFile> known = this.files.findByChecksum(owner.project().id(), checksum);
		if (known.isPresent()) {
			return AssembleJson.ok(known.get());
		}
		long organizationId = owner.organization().id();
		Set<String> missing = this.chunks.missingChunks(organizationId, chunkSums);
		if (!missing.isEmpty() || chunkSums.isEmpty()) {
			return new AssembleJson("not_found", null, List.copyOf(missing), null);
		}
		byte[] data = this.chunks.joinChunks(organizationId, chunkSums);
		if (!sha1(data).equals(checksum)) {
			return AssembleJson.error("The joined chunks do not hash to the checksum " + checksum);
		}
		ProguardMapping mapping;
		try {
			mapping = ProguardMapping.parse(data);
		}
		catch (ProguardMapping.InvalidMappingException ex) {
			return AssembleJson.error("Unsupported debug information file " + name
					+ ": only ProGuard/R8 mapping files are stored (" + ex.getMessage() + ")");
		}
		Matcher named = PROGUARD_NAME.matcher(name);
		String uuid = named.find() ? named.group(1).toLowerCase(Locale.ROOT) : MappingUuid.of(data);
		DebugFile stored = this.files.save(organizationId, owner.project().id(),
				new NewDebugFile(checksum, uuid, DebugFile.PROGUARD, "proguard-mapping", List.of("mapping"), data),
				chunkSums);
		logger.debug("ProGuard mapping {} of project {} stored ({} classes, line info: {})", uuid, owner.project().id(),
				mapping.classCount(), mapping.hasLineInfo());
		return AssembleJson.ok(stored);
	}

	/**
	 * The project's files, newest first; with {@code id} the bytes of that file instead
	 * (Sentry's download). {@code query} matches the start of a debug id, checksum or
	 * object name.
	 */
	@GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/files/dsyms/")
	ResponseEntity<?> list(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@RequestParam(required = false) @Nullable String id, @RequestParam(required = false) @Nullable String query,
			@RequestParam(name = "per_page", required = false) @Nullable String perPage,
			@RequestParam(required = false) @Nullable String cursor) {
		if (id != null) {
			return download(caller, organizationSlug, projectSlug, id);
		}
		OrganizationProject owner = this.access.project(caller, organizationSlug, projectSlug, READ);
		int offset = Pagination.offset(cursor);
		int limit = Pagination.limit(perPage);
		List<DebugFile> rows = this.files.list(owner.project().id(), query, offset, limit + 1);
		boolean hasNext = rows.size() > limit;
		List<DebugFileJson> page = new ArrayList<>();
		for (DebugFile file : hasNext ? rows.subList(0, limit) : rows) {
			page.add(DebugFileJson.of(file));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.LINK,
					Pagination.linkHeader(ServletUriComponentsBuilder.fromCurrentRequest(), offset, limit, hasNext))
			.body(page);
	}

	private ResponseEntity<byte[]> download(Caller caller, String organizationSlug, String projectSlug, String id) {
		OrganizationProject owner = this.access.project(caller, organizationSlug, projectSlug, WRITE);
		DebugFile file = find(owner, id);
		byte[] data = this.files.data(file.id()).orElseThrow(ApiException::notFound);
		String name = file.debugId() + (file.symbolType().equals(DebugFile.PROGUARD) ? ".txt" : "");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(DebugFileJson.contentType(file)))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(data);
	}

	/**
	 * Sentry's delete: {@code ?id=} the file's id; 204, or 404 when the project has none.
	 */
	@DeleteMapping("/api/0/projects/{organizationSlug}/{projectSlug}/files/dsyms/")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String organizationSlug, @PathVariable String projectSlug,
			@RequestParam(required = false) @Nullable String id) {
		OrganizationProject owner = this.access.project(caller, organizationSlug, projectSlug, WRITE);
		if (id == null) {
			throw ApiException.notFound();
		}
		DebugFile file = find(owner, id);
		this.files.delete(owner.project().id(), file.id());
		return ResponseEntity.noContent().build();
	}

	private DebugFile find(OrganizationProject owner, String id) {
		long fileId;
		try {
			fileId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw ApiException.notFound();
		}
		return this.files.find(owner.project().id(), fileId).orElseThrow(ApiException::notFound);
	}

	private static List<String> chunkList(@Nullable JsonNode node) {
		if (node == null || !node.isArray() || node.size() > MAX_CHUNKS) {
			throw ApiException.badRequest("chunks: a list of at most " + MAX_CHUNKS + " sha1 checksums is expected");
		}
		List<String> list = new ArrayList<>();
		for (JsonNode chunk : node) {
			String value = chunk.asString("").toLowerCase(Locale.ROOT);
			if (!SHA1.matcher(value).matches()) {
				throw ApiException.badRequest("chunks: a list of sha1 checksums is expected");
			}
			list.add(value);
		}
		return list;
	}

	private static String sha1(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-1", ex);
		}
	}

	/**
	 * Sentry's answer for one file of an assemble request.
	 */
	record AssembleJson(String state, @Nullable String detail, List<String> missingChunks,
			@Nullable DebugFileJson dif) {

		static AssembleJson ok(DebugFile file) {
			return new AssembleJson("ok", null, List.of(), DebugFileJson.of(file));
		}

		static AssembleJson error(String detail) {
			return new AssembleJson("error", detail, List.of(), null);
		}

	}

}
