package dev.faultline.e2e.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.faultline.e2e.deploy.RepositoryFiles.asList;
import static dev.faultline.e2e.deploy.RepositoryFiles.asMap;
import static dev.faultline.e2e.deploy.RepositoryFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} runs the distributed shape for production: each Faultline
 * service is health-checked, restarted, bounded in memory with a heap that follows the
 * bound, and waits for the one-time {@code migrate} init.
 */
class ComposeFileTest {

	private static final Path ROOT = RepositoryFiles.root();

	private static final Map<String, Object> COMPOSE = RepositoryFiles
		.yamlMap(RepositoryFiles.read(ROOT.resolve("docker-compose.yml")));

	private static Map<String, Object> service(String name) {
		return asMap(at(COMPOSE, "services." + name), "service " + name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest", "processor", "api" })
	void faultlineServiceIsHealthCheckedRestartedAndBounded(String name) {
		Map<String, Object> service = service(name);
		assertThat(asList(at(service, "healthcheck.test"), name + " healthcheck").toString())
			.contains("/actuator/health");
		assertThat(at(service, "restart")).isIn("always", "unless-stopped", "on-failure");
		assertThat(at(service, "deploy.resources.limits.memory")).asString().isNotBlank();
		assertThat(at(service, "deploy.resources.limits.cpus")).asString().isNotBlank();
		assertThat(at(service, "environment.JAVA_TOOL_OPTIONS")).asString().contains("MaxRAMPercentage");
		assertThat(at(service, "depends_on.migrate.condition")).isEqualTo("service_completed_successfully");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest", "processor" })
	void replicasAreSetByTheEnvironment(String name) {
		assertThat(at(service(name), "deploy.replicas")).asString()
			.startsWith("${FAULTLINE_" + name.toUpperCase() + "_REPLICAS:-");
	}

	@Test
	void migrateRunsTheApiOnceWithTheScriptTheImageHolds() {
		Map<String, Object> migrate = service("migrate");
		assertThat(at(migrate, "image")).isEqualTo(at(service("api"), "image"));
		assertThat(asList(at(migrate, "entrypoint"), "migrate entrypoint")).contains("/app/migrate-once.sh");
		assertThat(at(migrate, "restart")).isEqualTo("no");
		assertThat(at(migrate, "environment")).isEqualTo(at(service("api"), "environment"));
		assertThat(ROOT.resolve("deploy/migrate-once.sh")).isRegularFile();
		assertThat(RepositoryFiles.read(ROOT.resolve("deploy/Dockerfile")))
			.contains("COPY deploy/migrate-once.sh /app/migrate-once.sh")
			// The healthcheck and the script run curl: the image must hold it.
			.contains("install -y --no-install-recommends curl");
	}

	@Test
	void everyNamedVolumeIsDeclared() {
		Map<String, Object> declared = asMap(COMPOSE.get("volumes"), "volumes");
		for (Object serviceNode : asMap(COMPOSE.get("services"), "services").values()) {
			Object volumes = at(serviceNode, "volumes");
			for (Object volume : volumes == null ? List.of() : asList(volumes, "volumes")) {
				String source = volume.toString().split(":")[0];
				if (!source.startsWith(".") && !source.startsWith("/")) {
					assertThat(declared).containsKey(source);
				}
			}
		}
		assertThat(declared).containsKeys("kafka", "postgres", "clickhouse");
	}

	@Test
	void kafkaTopicsStayBoundedByBytesAndTime() {
		assertThat(asMap(at(service("kafka"), "environment"), "kafka environment"))
			.containsKeys("KAFKA_LOG_RETENTION_HOURS", "KAFKA_LOG_RETENTION_BYTES");
	}

	@Test
	void theProxyConfigurationItMountsExists() {
		assertThat(Files.isRegularFile(ROOT.resolve("deploy/nginx.conf"))).isTrue();
	}

}
