package dev.faultline.api.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event items of the recorded SDK envelopes in
 * {@code shared/reference/sentry-wire/samples} (directory overridable with
 * {@code -Dfaultline.samples.dir}).
 */
final class SampleEvents {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	private SampleEvents() {
	}

	/**
	 * The payload of the sample's first {@code event} item, as the SDK sent it.
	 */
	static ObjectNode rawEvent(String name) {
		Path dir = Path.of(System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples"));
		String body;
		try {
			body = Files.readString(dir.resolve(name + ".envelope"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String[] lines = body.split("\n");
		for (int i = 1; i + 1 < lines.length; i += 2) {
			JsonNode header = JSON.readTree(lines[i]);
			if ("event".equals(header.path("type").asString(""))) {
				return (ObjectNode) JSON.readTree(lines[i + 1]);
			}
		}
		throw new IllegalArgumentException("no event item in " + name);
	}

}
