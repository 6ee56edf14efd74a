package dev.faultline.api.sourcemap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chunk-upload protocol as sentry-cli speaks it: options, gzip'd chunks named by
 * their sha1, and assembling an artifact bundle from them (missing chunks, ok, error).
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + ChunkUploadIT.TOKEN, "faultline.admin.password=admin-password" })
class ChunkUploadIT extends EmbeddedApplicationTest {

	static final String TOKEN = "chunk-token-0123456789abcdef";

	private static final String CHUNKS = "/api/0/organizations/faultline/chunk-upload/";

	private static final String ASSEMBLE = "/api/0/organizations/faultline/artifactbundle/assemble/";

	private static final String DEBUG_ID = "c941d872-af1f-4f0c-a7ff-ad3d295fe153";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void project() {
		Organization faultline = this.organizations.findBySlug("faultline").orElseThrow();
		if (this.projects.findBySlug(faultline.id(), "web").isEmpty()) {
			long team = this.organizations.listTeams(faultline.id()).get(0).id();
			this.projects.create(faultline.id(), team, "web", "Web", "javascript");
		}
	}

	@Test
	void optionsTellTheClientHowToCutAndSend() throws Exception {
		JsonNode options = jsonBody(send("GET", CHUNKS, null, null), 200);
		assertThat(options.path("url").asString()).isEqualTo("http://127.0.0.1:" + this.port + CHUNKS);
		assertThat(options.path("chunkSize").asInt()).isEqualTo(ChunkUploadController.CHUNK_SIZE);
		assertThat(Integer.bitCount(options.path("chunkSize").asInt())).isEqualTo(1);
		assertThat(options.path("hashAlgorithm").asString()).isEqualTo("sha1");
		assertThat(options.path("compression").get(0).asString()).isEqualTo("gzip");
		assertThat(options.path("accept").valueStream().map(JsonNode::asString)).contains("artifact_bundles");
	}

	@Test
	void aBundleIsAssembledFromItsChunks() throws Exception {
		byte[] bundle = bundle("1.0");
		int half = bundle.length / 2;
		byte[] first = Arrays.copyOfRange(bundle, 0, half);
		byte[] second = Arrays.copyOfRange(bundle, half, bundle.length);
		String checksum = ChunkUploadController.sha1(bundle);
		String body = assembleBody(checksum,
				List.of(ChunkUploadController.sha1(first), ChunkUploadController.sha1(second)), "\"version\": \"1.0\"");

		JsonNode missing = jsonBody(send("POST", ASSEMBLE, "application/json", body.getBytes(StandardCharsets.UTF_8)),
				200);
		assertThat(missing.path("state").asString()).isEqualTo("not_found");
		assertThat(missing.path("missingChunks").valueStream().map(JsonNode::asString))
			.containsExactly(ChunkUploadController.sha1(first), ChunkUploadController.sha1(second));

		upload(first, true);
		JsonNode stillMissing = jsonBody(
				send("POST", ASSEMBLE, "application/json", body.getBytes(StandardCharsets.UTF_8)), 200);
		assertThat(stillMissing.path("missingChunks").valueStream().map(JsonNode::asString))
			.containsExactly(ChunkUploadController.sha1(second));
		upload(second, false);
		JsonNode ok = jsonBody(send("POST", ASSEMBLE, "application/json", body.getBytes(StandardCharsets.UTF_8)), 200);
		assertThat(ok.path("state").asString()).as(ok.toString()).isEqualTo("ok");
		assertThat(ok.path("missingChunks")).isEmpty();
		// Asking again answers the stored state.
		assertThat(jsonBody(send("POST", ASSEMBLE, "application/json", body.getBytes(StandardCharsets.UTF_8)), 200)
			.path("state")
			.asString()).isEqualTo("ok");

		JsonNode listed = jsonBody(send("GET", "/api/0/projects/faultline/web/files/artifact-bundles/", null, null),
				200);
		assertThat(listed).anySatisfy((item) -> {
			assertThat(item.path("bundleId").asString()).isEqualTo("bundle-1.0");
			assertThat(item.path("fileCount").asInt()).isEqualTo(2);
			assertThat(item.path("associations").get(0).path("release").asString()).isEqualTo("1.0");
		});
	}

	@Test
	void whatCannotBeAssembledSaysWhy() throws Exception {
		byte[] notZip = "just text, no archive".getBytes(StandardCharsets.UTF_8);
		upload(notZip, true);
		String checksum = ChunkUploadController.sha1(notZip);
		JsonNode error = jsonBody(send("POST", ASSEMBLE, "application/json",
				assembleBody(checksum, List.of(checksum), "").getBytes(StandardCharsets.UTF_8)), 200);
		assertThat(error.path("state").asString()).isEqualTo("error");
		assertThat(error.path("detail").asString()).contains("ZIP");

		byte[] other = "other bytes".getBytes(StandardCharsets.UTF_8);
		upload(other, false);
		String wrong = "0".repeat(40);
		JsonNode mismatch = jsonBody(send("POST", ASSEMBLE, "application/json",
				assembleBody(wrong, List.of(ChunkUploadController.sha1(other)), "").getBytes(StandardCharsets.UTF_8)),
				200);
		assertThat(mismatch.path("state").asString()).isEqualTo("error");
		assertThat(mismatch.path("detail").asString()).contains("checksum");
	}

	@Test
	void malformedUploadsAreBadRequests() throws Exception {
		byte[] data = "chunk".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> misnamed = send("POST", CHUNKS, "multipart/form-data; boundary=b",
				multipart("file", "0".repeat(40), data));
		assertThat(jsonBody(misnamed, 400).path("detail").asString()).contains("hash");
		HttpResponse<String> notGzip = send("POST", CHUNKS, "multipart/form-data; boundary=b",
				multipart("file_gzip", ChunkUploadController.sha1(data), data));
		assertThat(notGzip.statusCode()).isEqualTo(400);
		assertThat(send("POST", CHUNKS, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(400);
		assertThat(send("POST", ASSEMBLE, "application/json", "{\"checksum\": \"x\"}".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(400);
		assertThat(send("POST", ASSEMBLE, "application/json",
				assembleBody("a".repeat(40), List.of(), "\"dist\": \"x\"").getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(400);
		assertThat(send("POST", ASSEMBLE, "application/json",
				("{\"checksum\": \"" + "a".repeat(40) + "\", \"chunks\": [], \"projects\": [\"nope\"]}")
					.getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(400);
	}

	// ---- helpers
	// -------------------------------------------------------------------------

	/**
	 * An artifact bundle as sentry-cli builds it: SYSB header, then a ZIP with manifest.
	 */
	private static byte[] bundle(String release) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { 'S', 'Y', 'S', 'B', 2, 0, 0, 0 });
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("files/_/_/app.min.js"));
			zip.write("function a(){throw new Error(\"x\")}a();\n//# debugId=".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("files/_/_/app.min.js.map"));
			zip.write("{\"version\":3,\"sources\":[\"app.js\"],\"names\":[],\"mappings\":\"AAAA\"}"
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("manifest.json"));
			zip.write(("{\"files\":{\"files/_/_/app.min.js\":{\"type\":\"minified_source\",\"url\":\"~/app.min.js\","
					+ "\"headers\":{\"debug-id\":\"" + DEBUG_ID + "\",\"sourcemap\":\"app.min.js.map\"}},"
					+ "\"files/_/_/app.min.js.map\":{\"type\":\"source_map\",\"url\":\"~/app.min.js.map\","
					+ "\"headers\":{\"debug-id\":\"" + DEBUG_ID + "\"}}},\"debug_id\":\"bundle-" + release
					+ "\",\"org\":\"faultline\",\"project\":\"web\"}")
				.getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	private static String assembleBody(String checksum, List<String> chunks, String extra) {
		String list = String.join("\", \"", chunks);
		return "{\"checksum\": \"" + checksum + "\", \"chunks\": [" + (chunks.isEmpty() ? "" : "\"" + list + "\"")
				+ "], \"projects\": [\"web\"]" + (extra.isEmpty() ? "" : ", " + extra) + "}";
	}

	private void upload(byte[] chunk, boolean gzip) throws Exception {
		byte[] content = chunk;
		if (gzip) {
			ByteArrayOutputStream compressed = new ByteArrayOutputStream();
			try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
				out.write(chunk);
			}
			content = compressed.toByteArray();
		}
		HttpResponse<String> response = send("POST", CHUNKS, "multipart/form-data; boundary=b",
				multipart(gzip ? "file_gzip" : "file", ChunkUploadController.sha1(chunk), content));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static byte[] multipart(String field, String filename, byte[] content) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--b\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private HttpResponse<String> send(String method, String path, @Nullable String contentType, byte @Nullable [] body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + TOKEN);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
