package dev.faultline.protocol.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the properties of one JSON object into typed values and remembers which it used,
 * so that the rest becomes the record's {@code other} map. A property whose value does
 * not fit its typed slot (an object where text belongs, an explicit {@code null}) is not
 * used and so stays verbatim in {@code other}: nothing is lost, and the typed slot reads
 * absent.
 */
final class Fields {

	private final ObjectNode node;

	private final Set<String> used = new HashSet<>();

	Fields(ObjectNode node) {
		this.node = node;
	}

	/**
	 * The value of the first of the names (the modern name first, then its legacy
	 * aliases) whose value the reader accepts; null when none does.
	 */
	<T> @Nullable T take(Function<JsonNode, @Nullable T> reader, String... names) {
		for (String name : names) {
			JsonNode value = this.node.get(name);
			if (value == null || value.isNull()) {
				continue;
			}
			T result = reader.apply(value);
			if (result != null) {
				this.used.add(name);
				return result;
			}
		}
		return null;
	}

	@Nullable String text(String... names) {
		return take(Fields::text, names);
	}

	@Nullable Integer integer(String name) {
		return take((value) -> (value.isIntegralNumber() && value.canConvertToInt()) ? value.intValue() : null, name);
	}

	@Nullable Boolean bool(String name) {
		return take((value) -> value.isBoolean() ? value.booleanValue() : null, name);
	}

	@Nullable JsonNode scalar(String name) {
		return take((value) -> value.isValueNode() ? value : null, name);
	}

	@Nullable JsonNode any(String name) {
		return take((value) -> value, name);
	}

	@Nullable Timestamp timestamp(String name) {
		return take((value) -> (value.isString() || value.isNumber()) ? new Timestamp(value) : null, name);
	}

	@Nullable Map<String, JsonNode> object(String... names) {
		return take(Fields::object, names);
	}

	@Nullable Map<String, String> textMap(String name) {
		return take((value) -> {
			if (!value.isObject()) {
				return null;
			}
			Map<String, String> result = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				String text = text(entry.getValue());
				if (text == null) {
					return null;
				}
				result.put(entry.getKey(), text);
			}
			return result;
		}, name);
	}

	@Nullable List<String> textList(String name) {
		return take(Fields::textList, name);
	}

	/**
	 * Elements that are objects, read by the reader; other elements are dropped.
	 */
	<T> @Nullable List<T> objects(Function<ObjectNode, T> reader, String name) {
		return take((value) -> objectList(value, reader), name);
	}

	/**
	 * The properties not used, in wire order.
	 */
	Map<String, JsonNode> rest() {
		if (this.used.size() == this.node.size()) {
			return Map.of();
		}
		Map<String, JsonNode> rest = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : this.node.properties()) {
			if (!this.used.contains(entry.getKey())) {
				rest.put(entry.getKey(), entry.getValue());
			}
		}
		return rest;
	}

	/**
	 * Strings as they are; numbers and booleans as their JSON text (Relay's lenient
	 * strings); anything else null.
	 */
	static @Nullable String text(JsonNode value) {
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.toString();
		}
		return null;
	}

	static @Nullable Map<String, JsonNode> object(JsonNode value) {
		if (!value.isObject()) {
			return null;
		}
		Map<String, JsonNode> result = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			result.put(entry.getKey(), entry.getValue());
		}
		return result;
	}

	static @Nullable List<String> textList(JsonNode value) {
		if (!value.isArray()) {
			return null;
		}
		List<String> result = new ArrayList<>(value.size());
		for (JsonNode element : value) {
			String text = text(element);
			if (text == null) {
				return null;
			}
			result.add(text);
		}
		return result;
	}

	static <T> @Nullable List<T> objectList(JsonNode value, Function<ObjectNode, T> reader) {
		if (!value.isArray()) {
			return null;
		}
		List<T> result = new ArrayList<>(value.size());
		for (JsonNode element : value) {
			if (element instanceof ObjectNode object) {
				result.add(reader.apply(object));
			}
		}
		return result;
	}

}
