package dev.faultline.api.system;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;

import dev.faultline.api.ApiServiceApplication;
import dev.faultline.api.EmbeddedApplicationTest;
import dev.faultline.api.auth.ApiTokens;
import dev.faultline.api.auth.Scopes;
import dev.faultline.storage.metadata.SchemaVersion;
import dev.faultline.storage.metadata.UserStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/0/internal/version/} on the embedded adapters: the build's version and
 * each store at its newest migration (read from the migration resources present, so a
 * migration added later is expected too), for the instance administrator only.
 */
@SpringBootTest(classes = ApiServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "faultline.admin.token=" + VersionApiIT.TOKEN, "faultline.admin.email=root@example.com" })
class VersionApiIT extends EmbeddedApplicationTest {

	static final String TOKEN = "version-admin-token-0123456789";

	private static final String OTHER_TOKEN = "version-other-token-0123456789";

	private static final String VERSION = "/api/0/internal/version/";

	@Autowired
	UserStore users;

	@Test
	void answersTheBuildAndTheNewestMigrationOfEachStore() throws Exception {
		JsonNode version = jsonBody(request("GET", VERSION, TOKEN), 200);

		assertThat(version.path("version").asString()).isNotBlank().isNotEqualTo("unknown");
		assertThat(version.path("builtAt").asString()).isNotBlank();
		SchemaVersion metadata = newest("db/migration/sqlite");
		assertThat(version.path("schemas").path("metadata").path("version").asString()).isEqualTo(metadata.version());
		assertThat(version.path("schemas").path("metadata").path("description").asString())
			.isEqualTo(metadata.description());
		SchemaVersion events = newest("db/duckdb");
		assertThat(version.path("schemas").path("events").path("version").asString()).isEqualTo(events.version());
		assertThat(version.path("schemas").path("events").path("description").asString())
			.isEqualTo(events.description());
	}

	@Test
	void onlyTheInstanceAdminMayReadIt() throws Exception {
		if (this.users.findByEmail("member@example.com").isEmpty()) {
			long member = this.users.create("member@example.com", "Member", "x").id();
			this.users.createToken(member, "all", ApiTokens.hash(OTHER_TOKEN), Scopes.ALL);
		}
		assertThat(request("GET", VERSION, OTHER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(request("GET", VERSION, null).statusCode()).isEqualTo(401);
	}

	/** The highest-numbered migration script in a classpath directory. */
	private static SchemaVersion newest(String directory) throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + directory + "/V*.sql");
		return Arrays.stream(scripts)
			.map((script) -> SchemaVersion.ofScript(script.getFilename()))
			.max(Comparator.comparingInt((schema) -> Integer.parseInt(schema.version())))
			.orElseThrow();
	}

}
