package dev.faultline.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Files of the repository, read from the directory that holds {@code docker-compose.yml}
 * (the working directory of a module's tests or one of its parents), and YAML navigation
 * for the checks.
 */
final class RepositoryFiles {

	private RepositoryFiles() {
	}

	static Path root() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy"))) {
				return dir;
			}
		}
		throw new IllegalStateException(
				"No repository root (docker-compose.yml) above " + Path.of("").toAbsolutePath());
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every document of a YAML text, merge keys ({@code <<}) and anchors resolved. */
	static List<Object> yamlDocuments(String text) {
		List<Object> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
			if (document != null) {
				documents.add(document);
			}
		}
		return documents;
	}

	static Map<String, Object> yamlMap(String text) {
		List<Object> documents = yamlDocuments(text);
		if (documents.size() != 1) {
			throw new IllegalArgumentException("Expected one YAML document, got " + documents.size());
		}
		return asMap(documents.get(0), "document");
	}

	/**
	 * The value at a dotted path of nested mappings
	 * ({@code "deploy.resources.limits.memory"}), or {@code null} when a step is missing
	 * or not a mapping.
	 */
	static @Nullable Object at(@Nullable Object node, String path) {
		Object current = node;
		for (String key : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(@Nullable Object node, String what) {
		if (!(node instanceof Map<?, ?>)) {
			throw new AssertionError(what + " is not a mapping: " + node);
		}
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	static List<Object> asList(@Nullable Object node, String what) {
		if (!(node instanceof List<?>)) {
			throw new AssertionError(what + " is not a list: " + node);
		}
		return (List<Object>) node;
	}

}
