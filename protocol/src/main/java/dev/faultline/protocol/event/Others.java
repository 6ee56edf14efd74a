package dev.faultline.protocol.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Copies of the {@code other} maps of the models: unmodifiable and in the order the
 * properties were sent.
 */
final class Others {

	private Others() {
	}

	static Map<String, JsonNode> copy(Map<String, JsonNode> other) {
		return other.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
	}

	static <V> Map<String, V> copyOrdered(Map<String, V> map) {
		return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}
