package dev.faultline.core.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounds the size of a normalized event the way Relay's trimming does, and marks every
 * trimmed place in Sentry's {@code _meta} tree (same path as the value, under the key
 * {@code ""}: {@code len} is the original length, {@code rem} the rule that trimmed it).
 * <ul>
 * <li>the message ({@code logentry.formatted}, {@code logentry.message}) and exception
 * values: at most {@value #MAX_MESSAGE} characters;</li>
 * <li>any other string: at most {@value #MAX_STRING} characters (frame source lines and
 * paths included);</li>
 * <li>breadcrumbs: the most recent {@value #MAX_BREADCRUMBS};</li>
 * <li>stack frames: at most {@value #MAX_FRAMES} per stack trace, the innermost and
 * outermost halves kept (the middle of a deep recursion says least);</li>
 * <li>{@code extra}, {@code contexts}, {@code request.data} and breadcrumb data: nested
 * at most {@value #MAX_DEPTH} levels; deeper containers become their JSON text,
 * trimmed.</li>
 * </ul>
 * A trimmed string ends with {@code ...}. Stateless and thread-safe; modifies the event
 * in place.
 */
public final class EventTrimmer {

	static final int MAX_MESSAGE = 8192;

	static final int MAX_STRING = 1024;

	static final int MAX_BREADCRUMBS = 100;

	static final int MAX_FRAMES = 250;

	static final int MAX_DEPTH = 5;

	private static final String ELLIPSIS = "...";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * Trims the event in place; returns how many places were trimmed (each has a
	 * {@code _meta} entry).
	 */
	public int trim(ObjectNode event) {
		List<Trimmed> trimmed = new ArrayList<>();
		trimBreadcrumbs(event, trimmed);
		for (String owner : List.of("exception", "threads")) {
			JsonNode values = event.path(owner).path("values");
			for (int i = 0; i < values.size(); i++) {
				JsonNode stacktrace = values.get(i).path("stacktrace");
				if (stacktrace.path("frames") instanceof ArrayNode frames && frames.size() > MAX_FRAMES) {
					int size = frames.size();
					int keepStart = MAX_FRAMES / 2;
					int keepEnd = MAX_FRAMES - keepStart;
					for (int n = size - keepEnd - keepStart; n > 0; n--) {
						frames.remove(keepStart);
					}
					trimmed.add(new Trimmed(List.of(owner, "values", String.valueOf(i), "stacktrace", "frames"), size,
							"!limit", "x"));
				}
			}
		}
		for (String bag : List.of("extra", "contexts")) {
			if (event.get(bag) instanceof ObjectNode object) {
				limitDepth(object, new ArrayList<>(List.of(bag)), 1, trimmed);
			}
		}
		if (event.path("request").get("data") instanceof ObjectNode data) {
			limitDepth(data, new ArrayList<>(List.of("request", "data")), 1, trimmed);
		}
		trimStrings(event, new ArrayList<>(), trimmed);
		if (!trimmed.isEmpty()) {
			ObjectNode meta = (event.get("_meta") instanceof ObjectNode existing) ? existing : event.putObject("_meta");
			for (Trimmed place : trimmed) {
				ObjectNode node = meta;
				for (String segment : place.path()) {
					node = (node.get(segment) instanceof ObjectNode child) ? child : node.putObject(segment);
				}
				ObjectNode entry = node.putObject("");
				entry.put("len", place.length());
				entry.putArray("rem").addArray().add(place.rule()).add(place.type());
			}
		}
		return trimmed.size();
	}

	private static void trimBreadcrumbs(ObjectNode event, List<Trimmed> trimmed) {
		if (event.path("breadcrumbs").path("values") instanceof ArrayNode crumbs && crumbs.size() > MAX_BREADCRUMBS) {
			int size = crumbs.size();
			for (int n = size - MAX_BREADCRUMBS; n > 0; n--) {
				crumbs.remove(0);
			}
			trimmed.add(new Trimmed(List.of("breadcrumbs", "values"), size, "!limit", "x"));
		}
		if (event.path("breadcrumbs").path("values") instanceof ArrayNode crumbs) {
			for (int i = 0; i < crumbs.size(); i++) {
				if (crumbs.get(i).get("data") instanceof ObjectNode data) {
					limitDepth(data, new ArrayList<>(List.of("breadcrumbs", "values", String.valueOf(i), "data")), 1,
							trimmed);
				}
			}
		}
	}

	private static void limitDepth(JsonNode container, List<String> path, int depth, List<Trimmed> trimmed) {
		List<String> keys = new ArrayList<>();
		if (container.isObject()) {
			container.propertyNames().forEach(keys::add);
		}
		else {
			for (int i = 0; i < container.size(); i++) {
				keys.add(String.valueOf(i));
			}
		}
		for (String key : keys) {
			JsonNode child = container.isObject() ? container.get(key) : container.get(Integer.parseInt(key));
			if (!child.isContainer()) {
				continue;
			}
			path.add(key);
			if (depth >= MAX_DEPTH) {
				String text = child.toString();
				if (container instanceof ObjectNode object) {
					object.put(key, text);
				}
				else {
					((ArrayNode) container).set(Integer.parseInt(key), text);
				}
				trimmed.add(new Trimmed(List.copyOf(path), text.length(), "!limit", "x"));
			}
			else {
				limitDepth(child, path, depth + 1, trimmed);
			}
			path.remove(path.size() - 1);
		}
	}

	private static void trimStrings(JsonNode node, List<String> path, List<Trimmed> trimmed) {
		if (node instanceof ObjectNode object) {
			List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
			for (Map.Entry<String, JsonNode> entry : entries) {
				if (path.isEmpty() && "_meta".equals(entry.getKey())) {
					continue;
				}
				path.add(entry.getKey());
				JsonNode value = entry.getValue();
				if (value.isString()) {
					String trimmedText = trimText(value.stringValue(), limit(path), path, trimmed);
					if (trimmedText != null) {
						object.put(entry.getKey(), trimmedText);
					}
				}
				else {
					trimStrings(value, path, trimmed);
				}
				path.remove(path.size() - 1);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				path.add(String.valueOf(i));
				JsonNode value = array.get(i);
				if (value.isString()) {
					String trimmedText = trimText(value.stringValue(), limit(path), path, trimmed);
					if (trimmedText != null) {
						array.set(i, NODES.stringNode(trimmedText));
					}
				}
				else {
					trimStrings(value, path, trimmed);
				}
				path.remove(path.size() - 1);
			}
		}
	}

	private static int limit(List<String> path) {
		String first = path.get(0);
		String last = path.get(path.size() - 1);
		if ("logentry".equals(first) && ("formatted".equals(last) || "message".equals(last))) {
			return MAX_MESSAGE;
		}
		if ("exception".equals(first) && path.size() == 4 && "value".equals(last)) {
			return MAX_MESSAGE;
		}
		return MAX_STRING;
	}

	private static @Nullable String trimText(String text, int limit, List<String> path, List<Trimmed> trimmed) {
		if (text.length() <= limit) {
			return null;
		}
		int end = limit - ELLIPSIS.length();
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		trimmed.add(new Trimmed(List.copyOf(path), text.length(), "!limit", "s"));
		return text.substring(0, end) + ELLIPSIS;
	}

	private record Trimmed(List<String> path, int length, String rule, String type) {

	}

}
