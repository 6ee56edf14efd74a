package dev.faultline.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the recorded SDK envelopes of {@code shared/reference/sentry-wire/samples}. A
 * minimal envelope reader of its own keeps core's tests independent of the protocol
 * module's decoder.
 */
public final class Samples {

	public static final ObjectMapper JSON = JsonMapper.builder().build();

	private Samples() {
	}

	/**
	 * The envelope header of a sample.
	 */
	public static ObjectNode envelopeHeader(String name) {
		return (ObjectNode) JSON.readTree(lines(read(name)).get(0));
	}

	/**
	 * The payload of the sample's first {@code event} item.
	 */
	public static ObjectNode event(String name) {
		byte[] body = read(name);
		int position = indexOf(body, 0) + 1;
		while (position < body.length) {
			int headerEnd = indexOf(body, position);
			JsonNode header = JSON.readTree(new String(body, position, headerEnd - position, StandardCharsets.UTF_8));
			int start = headerEnd + 1;
			int end = header.has("length") ? start + header.get("length").asInt() : indexOf(body, start);
			if ("event".equals(header.path("type").asString(""))) {
				return (ObjectNode) JSON.readTree(Arrays.copyOfRange(body, start, end));
			}
			position = end + 1;
		}
		throw new IllegalArgumentException("no event item in " + name);
	}

	private static byte[] read(String name) {
		Path dir = Path.of(System.getProperty("faultline.samples.dir", "../../shared/reference/sentry-wire/samples"));
		try {
			return Files.readAllBytes(dir.resolve(name + ".envelope"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int indexOf(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == '\n') {
				return i;
			}
		}
		return body.length;
	}

	private static List<String> lines(byte[] body) {
		List<String> lines = new ArrayList<>();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (byte b : body) {
			if (b == '\n') {
				lines.add(line.toString(StandardCharsets.UTF_8));
				line.reset();
			}
			else {
				line.write(b);
			}
		}
		lines.add(line.toString(StandardCharsets.UTF_8));
		return lines;
	}

}
