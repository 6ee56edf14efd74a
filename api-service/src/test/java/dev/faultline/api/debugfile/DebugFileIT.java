package dev.faultline.api.debugfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.core.proguard.MappingUuid;
import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.OrganizationStore;
import dev.faultline.storage.metadata.ProjectStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code files/difs/assemble/} as sentry-cli's {@code upload-proguard} speaks it (chunks
 * missing, then the stored mapping; the same file again; a forced UUID in the name; a
 * file that is no mapping), and the {@code files/dsyms/} list, download and delete.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + DebugFileIT.TOKEN, "faultline.admin.password=admin-password" })
class DebugFileIT extends EmbeddedApplicationTest {

	static final String TOKEN = "dif-token-0123456789abcdef";

	private static final String CHUNKS = "/api/0/organizations/faultline/chunk-upload/";

	private static final String ASSEMBLE = "/api/0/projects/faultline/android/files/difs/assemble/";

	private static final String DSYMS = "/api/0/projects/faultline/android/files/dsyms/";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String MAPPING = """
			com.example.shop.PriceCalculator -> com.example.shop.c:
			# {"fileName":"PriceCalculator.java","id":"sourceFile"}
			    3:3:void <init>() -> <init>
			    6:13:int total(com.example.shop.Cart) -> a
			""";

	@Autowired
	OrganizationStore organizations;

	@Autowired
	ProjectStore projects;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void project() {
		Organization faultline = this.organizations.findBySlug("faultline").orElseThrow();
		if (this.projects.findBySlug(faultline.id(), "android").isEmpty()) {
			long team = this.organizations.listTeams(faultline.id()).get(0).id();
			this.projects.create(faultline.id(), team, "android", "Android", "java-android");
		}
	}

	@Test
	void aMappingIsAssembledListedDownloadedAndDeleted() throws Exception {
		byte[] mapping = MAPPING.getBytes(StandardCharsets.UTF_8);
		byte[] first = Arrays.copyOfRange(mapping, 0, 40);
		byte[] second = Arrays.copyOfRange(mapping, 40, mapping.length);
		String checksum = sha1(mapping);
		String uuid = MappingUuid.of(mapping);
		String body = assembleBody(checksum, "/proguard/" + uuid + ".txt", sha1(first), sha1(second));

		JsonNode missing = post(ASSEMBLE, body).path(checksum);
		assertThat(missing.path("state").asString()).isEqualTo("not_found");
		assertThat(missing.path("missingChunks").valueStream().map(JsonNode::asString)).containsExactly(sha1(first),
				sha1(second));

		upload(first);
		upload(second);
		JsonNode ok = post(ASSEMBLE, body).path(checksum);
		assertThat(ok.path("state").asString()).as(ok.toString()).isEqualTo("ok");
		assertThat(ok.path("missingChunks")).isEmpty();
		JsonNode dif = ok.path("dif");
		assertThat(dif.path("uuid").asString()).isEqualTo(uuid);
		assertThat(dif.path("debugId").asString()).isEqualTo(uuid);
		assertThat(dif.path("objectName").asString()).isEqualTo("proguard-mapping");
		assertThat(dif.path("cpuName").asString()).isEqualTo("any");
		assertThat(dif.path("symbolType").asString()).isEqualTo("proguard");
		assertThat(dif.path("sha1").asString()).isEqualTo(checksum);
		assertThat(dif.path("size").asLong()).isEqualTo(mapping.length);
		assertThat(dif.path("data").path("features").get(0).asString()).isEqualTo("mapping");
		// the chunks went with assembling; asking again answers the stored file
		assertThat(post(ASSEMBLE, body).path(checksum).path("dif").path("id").asString())
			.isEqualTo(dif.path("id").asString());

		JsonNode listed = json(send("GET", DSYMS + "?query=" + uuid.substring(0, 8), null, null), 200);
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("id").asString()).isEqualTo(dif.path("id").asString());
		HttpResponse<String> download = send("GET", DSYMS + "?id=" + dif.path("id").asString(), null, null);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(MAPPING);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(uuid + ".txt");

		assertThat(send("DELETE", DSYMS + "?id=" + dif.path("id").asString(), null, null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", DSYMS + "?id=" + dif.path("id").asString(), null, null).statusCode()).isEqualTo(404);
		assertThat(json(send("GET", DSYMS + "?query=" + uuid, null, null), 200)).isEmpty();
	}

	@Test
	void aForcedUuidInTheNameIsTheDebugId() throws Exception {
		byte[] mapping = (MAPPING + "com.example.shop.Cart -> com.example.shop.a:\n    11:12:void add(int) -> a\n")
			.getBytes(StandardCharsets.UTF_8);
		upload(mapping);
		String forced = "0f2d8d35-3b8e-5f7a-9a5e-6f0c2b4d1e77";
		String checksum = sha1(mapping);

		JsonNode ok = post(ASSEMBLE, assembleBody(checksum, "/proguard/" + forced.toUpperCase() + ".txt", checksum))
			.path(checksum);

		assertThat(ok.path("dif").path("uuid").asString()).as(ok.toString()).isEqualTo(forced);
	}

	@Test
	void aFileThatIsNoMappingIsAnErrorThatSaysSo() throws Exception {
		byte[] binary = "\u007fELF not a mapping at all".getBytes(StandardCharsets.UTF_8);
		upload(binary);
		String checksum = sha1(binary);

		JsonNode error = post(ASSEMBLE, assembleBody(checksum, "libapp.so", checksum)).path(checksum);

		assertThat(error.path("state").asString()).isEqualTo("error");
		assertThat(error.path("detail").asString()).contains("ProGuard");
		// the same answer when asked again
		assertThat(
				post(ASSEMBLE, assembleBody(checksum, "libapp.so", checksum)).path(checksum).path("state").asString())
			.isEqualTo("error");
		assertThat(
				send("POST", ASSEMBLE, "application/json", "{\"x\": 1}".getBytes(StandardCharsets.UTF_8)).statusCode())
			.isEqualTo(400);
		assertThat(send("POST", "/api/0/projects/faultline/nope/files/difs/assemble/", "application/json",
				"{}".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(404);
	}

	private static String assembleBody(String checksum, String name, String... chunks) {
		return "{\"" + checksum + "\": {\"name\": \"" + name + "\", \"chunks\": [\"" + String.join("\", \"", chunks)
				+ "\"]}}";
	}

	private JsonNode post(String path, String body) throws Exception {
		return json(send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8)), 200);
	}

	private static JsonNode json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private void upload(byte[] chunk) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + sha1(chunk)
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(chunk);
		body.write("\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send("POST", CHUNKS, "multipart/form-data; boundary=b", body.toByteArray());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private static String sha1(byte[] data) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IOException(ex);
		}
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
