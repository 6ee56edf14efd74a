package dev.faultline.e2e.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.faultline.e2e.deploy.RepositoryFiles.asList;
import static dev.faultline.e2e.deploy.RepositoryFiles.asMap;
import static dev.faultline.e2e.deploy.RepositoryFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Helm chart {@code deploy/helm/faultline}, checked without Helm (not installable
 * here): its templates, with template actions stubbed ({@link HelmTemplateStub}), are
 * Kubernetes objects; every Deployment is probed on {@code /actuator/health} and bounded;
 * the Ingress routes like {@code deploy/nginx.conf}; every value a template reads is in
 * values.yaml.
 */
class HelmChartTest {

	private static final Path CHART = RepositoryFiles.root().resolve("deploy/helm/faultline");

	private static final Map<String, Object> VALUES = RepositoryFiles
		.yamlMap(RepositoryFiles.read(CHART.resolve("values.yaml")));

	private static final Pattern VALUES_REFERENCE = Pattern.compile("\\.Values\\.([A-Za-z]\\w*(?:\\.[A-Za-z]\\w*)*)");

	/**
	 * hpa.yaml reads each component's settings through
	 * {@code $settings := index $.Values $component}.
	 */
	private static final Pattern COMPONENT_REFERENCE = Pattern
		.compile("\\$settings\\.([A-Za-z]\\w*(?:\\.[A-Za-z]\\w*)*)");

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
			return files.sorted().toList();
		}
	}

	private static List<Object> objects(String template) {
		String rendered = new HelmTemplateStub(VALUES)
			.render(RepositoryFiles.read(CHART.resolve("templates/" + template)));
		return RepositoryFiles.yamlDocuments(rendered);
	}

	private static Map<String, Object> object(String template) {
		List<Object> objects = objects(template);
		assertThat(objects).as(template).hasSize(1);
		return asMap(objects.get(0), template);
	}

	@Test
	void chartIsAHelm3Application() {
		Map<String, Object> chart = RepositoryFiles.yamlMap(RepositoryFiles.read(CHART.resolve("Chart.yaml")));
		assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "faultline");
		assertThat(chart).containsKeys("version", "appVersion");
	}

	@Test
	void everyTemplateIsKubernetesObjects() throws IOException {
		List<String> yamlTemplates = new ArrayList<>();
		for (Path template : templates()) {
			String name = template.getFileName().toString();
			if (!name.endsWith(".yaml")) {
				continue;
			}
			yamlTemplates.add(name);
			List<Object> objects = objects(name);
			assertThat(objects).as(name).isNotEmpty();
			for (Object object : objects) {
				assertThat(asMap(object, name)).as(name).containsKeys("apiVersion", "kind");
				assertThat(at(object, "metadata.name")).as(name).isNotNull();
			}
		}
		assertThat(yamlTemplates).contains("deployment-ingest.yaml", "deployment-processor.yaml", "deployment-api.yaml",
				"services.yaml", "ingress.yaml", "secret.yaml", "configmap.yaml", "migrate-job.yaml", "hpa.yaml");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest", "processor", "api" })
	void deploymentIsProbedOnHealthAndBounded(String component) {
		Map<String, Object> deployment = object("deployment-" + component + ".yaml");
		assertThat(deployment).containsEntry("kind", "Deployment");
		List<Object> containers = asList(at(deployment, "spec.template.spec.containers"), "containers");
		assertThat(containers).hasSize(1);
		Object container = containers.get(0);
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			assertThat(at(container, probe + ".httpGet.path")).as(component + " " + probe)
				.isEqualTo("/actuator/health");
		}
		assertThat(at(container, "resources.limits.memory")).as(component).isNotNull();
		assertThat(at(container, "resources.limits.cpu")).as(component).isNotNull();
		assertThat(at(container, "resources.requests.memory")).as(component).isNotNull();
		// The settings come from the helper the stub drops: the ConfigMap and the Secret.
		assertThat(container).extracting(c -> asMap(c, "container"))
			.satisfies(c -> assertThat(c).containsKey("envFrom"));
		assertThat(RepositoryFiles.read(CHART.resolve("templates/deployment-" + component + ".yaml")))
			.contains("include \"faultline.envFrom\"");
		assertThat(at(container, "image")).asString().contains("/" + component + "-service:");
	}

	@Test
	void ingressSendsProjectIngestToIngestAndTheRestToTheApi() {
		Map<String, Object> ingress = object("ingress.yaml");
		List<Object> paths = asList(at(asList(at(ingress, "spec.rules"), "rules").get(0), "http.paths"), "paths");
		Map<String, String> backendByPath = new LinkedHashMap<>();
		for (Object path : paths) {
			assertThat(at(path, "pathType")).isEqualTo("Prefix");
			backendByPath.put(String.valueOf(at(path, "path")), String.valueOf(at(path, "backend.service.name")));
		}
		String stub = HelmTemplateStub.PLACEHOLDER;
		assertThat(backendByPath).containsExactlyInAnyOrderEntriesOf(
				Map.of("/api/0", stub + "-api", "/api", stub + "-ingest", "/", stub + "-api"));
		assertThat(at(VALUES, "ingress.annotations")).asString().contains("proxy-body-size");
	}

	@Test
	void passwordsAndKeysLiveInTheSecretOnly() {
		Map<String, Object> secretData = asMap(at(object("secret.yaml"), "stringData"), "secret");
		assertThat(secretData).containsKeys("FAULTLINE_METADATA_POSTGRES_PASSWORD",
				"FAULTLINE_EVENTS_CLICKHOUSE_PASSWORD", "FAULTLINE_DEAD_LETTERS_KEY", "FAULTLINE_MANAGEMENT_TOKEN",
				"FAULTLINE_ADMIN_PASSWORD", "FAULTLINE_ADMIN_TOKEN");
		Map<String, Object> config = asMap(at(object("configmap.yaml"), "data"), "configmap");
		assertThat(config.keySet())
			.noneMatch(key -> key.contains("PASSWORD") || key.endsWith("_KEY") || key.endsWith("TOKEN"));
	}

	@Test
	void migrateJobRunsBeforeInstallAndUpgradeAfterTheSettingsItReads() {
		Map<String, Object> job = object("migrate-job.yaml");
		Map<String, Object> annotations = asMap(at(job, "metadata.annotations"), "annotations");
		assertThat(annotations).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
		int jobWeight = Integer.parseInt(String.valueOf(annotations.get("helm.sh/hook-weight")));
		for (String settings : List.of("secret.yaml", "configmap.yaml")) {
			Map<String, Object> settingsAnnotations = asMap(at(object(settings), "metadata.annotations"), settings);
			assertThat(settingsAnnotations).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
			assertThat(Integer.parseInt(String.valueOf(settingsAnnotations.get("helm.sh/hook-weight"))))
				.isLessThan(jobWeight);
		}
		Object container = asList(at(job, "spec.template.spec.containers"), "containers").get(0);
		assertThat(asList(at(container, "command"), "command")).contains("/app/migrate-once.sh");
		assertThat(at(container, "image")).asString().contains("/api-service:");
	}

	@Test
	void everyValueATemplateReadsIsInValuesYaml() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			String text = RepositoryFiles.read(template);
			Matcher reference = VALUES_REFERENCE.matcher(text);
			while (reference.find()) {
				if (!present(VALUES, reference.group(1))) {
					missing.add(template.getFileName() + ": .Values." + reference.group(1));
				}
			}
			Matcher componentReference = COMPONENT_REFERENCE.matcher(text);
			while (componentReference.find()) {
				for (String component : List.of("ingest", "processor", "api")) {
					if (!present(VALUES, component + "." + componentReference.group(1))) {
						missing.add(template.getFileName() + ": " + component + "." + componentReference.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/**
	 * Whether every step of the dotted path is a key (its value may be empty, false or
	 * null).
	 */
	private static boolean present(Map<String, Object> values, String path) {
		Object current = values;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return false;
			}
			current = map.get(key);
		}
		return true;
	}

}
