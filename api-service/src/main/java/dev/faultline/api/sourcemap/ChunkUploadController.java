package dev.faultline.api.sourcemap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.faultline.api.auth.Access;
import dev.faultline.api.auth.Caller;
import dev.faultline.api.auth.Scopes;
import dev.faultline.api.web.ApiException;
import dev.faultline.storage.metadata.MetadataStores;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.sourcemap.ArtifactBundleStore;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sentry's chunk upload: {@code GET} tells the client how to cut and send files,
 * {@code POST} takes a multipart request of chunks, each part named {@code file} (raw) or
 * {@code file_gzip} (gzip'd) with the sha1 of its uncompressed bytes as file name.
 *
 * <p>
 * Chunks are 512 KiB (a power of two, as older sentry-cli versions need) and at most 16
 * go in one request of at most 8 MiB, within the servlet container's default multipart
 * limits (1 MB a part, 10 MB a request).
 */
@RestController
class ChunkUploadController {

	static final int CHUNK_SIZE = 512 * 1024;

	static final int CHUNKS_PER_REQUEST = 16;

	static final int MAX_REQUEST_SIZE = 8 * 1024 * 1024;

	static final long MAX_FILE_SIZE = 64L * 1024 * 1024;

	static final List<String> WRITE = List.of(Scopes.PROJECT_WRITE, "project:releases");

	private final Access access;

	private final ArtifactBundleStore bundles;

	ChunkUploadController(Access access, MetadataStores stores) {
		this.access = access;
		this.bundles = stores.artifactBundles();
	}

	@GetMapping("/api/0/organizations/{organizationSlug}/chunk-upload/")
	ChunkUploadOptions options(Caller caller, @PathVariable String organizationSlug) {
		this.access.organization(caller, organizationSlug, WRITE);
		String url = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUriString();
		return new ChunkUploadOptions(url, CHUNK_SIZE, CHUNKS_PER_REQUEST, MAX_FILE_SIZE, MAX_REQUEST_SIZE, 2, "sha1",
				List.of("gzip"), List.of("artifact_bundles", "artifact_bundles_v2", "debug_files", "proguard"));
	}

	/**
	 * Keeps each chunk after checking that its bytes hash to its name; 400 when one does
	 * not, or the request is not a multipart of chunks.
	 */
	@PostMapping("/api/0/organizations/{organizationSlug}/chunk-upload/")
	ResponseEntity<Void> upload(Caller caller, @PathVariable String organizationSlug, HttpServletRequest request) {
		Organization organization = this.access.organization(caller, organizationSlug, WRITE);
		List<Part> parts = parts(request);
		if (parts.size() > CHUNKS_PER_REQUEST) {
			throw ApiException.badRequest("at most " + CHUNKS_PER_REQUEST + " chunks per request");
		}
		for (Part part : parts) {
			boolean gzip = part.getName().equals("file_gzip");
			if (!gzip && !part.getName().equals("file")) {
				continue;
			}
			String checksum = (part.getSubmittedFileName() != null)
					? part.getSubmittedFileName().toLowerCase(Locale.ROOT) : "";
			byte[] data = read(part, gzip);
			if (!sha1(data).equals(checksum)) {
				throw ApiException.badRequest("a chunk's bytes do not hash to its name " + checksum);
			}
			this.bundles.putChunk(organization.id(), checksum, data);
		}
		return ResponseEntity.ok().build();
	}

	private static List<Part> parts(HttpServletRequest request) {
		try {
			return List.copyOf(request.getParts());
		}
		catch (IOException | ServletException | IllegalStateException ex) {
			throw ApiException.badRequest("a multipart request of chunks is expected: " + ex.getMessage());
		}
	}

	/** The chunk's bytes, uncompressed, never more than a chunk. */
	private static byte[] read(Part part, boolean gzip) {
		try (InputStream raw = part.getInputStream(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				if (out.size() > CHUNK_SIZE) {
					throw ApiException.badRequest("a chunk is larger than " + CHUNK_SIZE + " bytes");
				}
			}
			return out.toByteArray();
		}
		catch (ZipException ex) {
			throw ApiException.badRequest("a file_gzip chunk is not gzip: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw ApiException.badRequest("a chunk could not be read: " + ex.getMessage());
		}
	}

	static String sha1(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-1", ex);
		}
	}

	/** What sentry-cli reads to cut and send files. */
	record ChunkUploadOptions(String url, int chunkSize, int chunksPerRequest, long maxFileSize, int maxRequestSize,
			int concurrency, String hashAlgorithm, List<String> compression, List<String> accept) {

	}

}
