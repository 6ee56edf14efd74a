package dev.faultline.processor.retrace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.faultline.core.proguard.ProguardMapping;
import dev.faultline.core.proguard.ProguardMapping.RetracedFrame;
import dev.faultline.processor.event.SymbolicationStage;
import dev.faultline.processor.pipeline.EnvelopeContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retraces the Java frames and exception types of an event whose
 * {@code debug_meta.images} name ProGuard mappings ({@code {"type": "proguard", "uuid":
 * …}}, as {@code io.sentry:sentry} sends for {@code options.setProguardUuid} and the
 * Android Gradle plugin's {@code io.sentry.ProguardUuids}), as Sentry does before
 * grouping.
 *
 * <ul>
 * <li>Each frame of the exceptions' and threads' stack traces whose platform is Java and
 * whose class the first mapping names gets the original class ({@code module}), method
 * ({@code function}), line and source file; a frame into which methods were inlined
 * becomes several, the inlined ones after (inside) their caller. Other fields of the
 * frame, {@code in_app} among them, are kept on every frame it becomes. The stack trace
 * as sent is kept in {@code raw_stacktrace}.</li>
 * <li>Each exception's {@code module} and {@code type} (package and class as the Java SDK
 * splits them) get the original package and class.</li>
 * <li>A mapping the project does not have is said in {@code errors} as Sentry's
 * {@code {"type": "proguard_missing_mapping", "mapping_uuid": …}}; the event is otherwise
 * left as sent.</li>
 * </ul>
 * Thread-safe.
 */
public final class ProguardStage implements SymbolicationStage {

	/** Sentry's event error of a mapping that was not uploaded. */
	public static final String MISSING_MAPPING = "proguard_missing_mapping";

	private final ProguardMappings mappings;

	public ProguardStage(ProguardMappings mappings) {
		this.mappings = mappings;
	}

	@Override
	public void symbolicate(ObjectNode event, EnvelopeContext envelope) {
		symbolicate(event, envelope.projectId());
	}

	/**
	 * Retraces {@code event}, which belongs to project {@code projectId}.
	 */
	public void symbolicate(ObjectNode event, long projectId) {
		Set<String> uuids = mappingUuids(event);
		if (uuids.isEmpty()) {
			return;
		}
		List<ProguardMapping> found = new ArrayList<>();
		for (String uuid : uuids) {
			Optional<ProguardMapping> mapping = this.mappings.find(projectId, uuid);
			if (mapping.isPresent()) {
				found.add(mapping.get());
			}
			else {
				error(event).addObject().put("type", MISSING_MAPPING).put("mapping_uuid", uuid);
			}
		}
		if (found.isEmpty()) {
			return;
		}
		String platform = event.path("platform").asString("java");
		boolean changed = false;
		for (JsonNode exception : values(event, "exception")) {
			if (exception instanceof ObjectNode value) {
				changed |= retraceType(value, found);
				changed |= retraceStacktrace(value, platform, found);
			}
		}
		for (JsonNode thread : values(event, "threads")) {
			if (thread instanceof ObjectNode value) {
				changed |= retraceStacktrace(value, platform, found);
			}
		}
		if (changed) {
			SymbolicationStage.retitle(event);
		}
	}

	/**
	 * The UUIDs of the event's {@code proguard} images, lower-case, in order.
	 */
	static Set<String> mappingUuids(ObjectNode event) {
		Set<String> uuids = new LinkedHashSet<>();
		for (JsonNode image : event.path("debug_meta").path("images")) {
			if (!image.path("type").asString("").equals("proguard")) {
				continue;
			}
			String uuid = image.path("uuid").asString(image.path("debug_id").asString(""));
			if (isUuid(uuid)) {
				uuids.add(uuid.toLowerCase(Locale.ROOT));
			}
		}
		return uuids;
	}

	private static boolean isUuid(String text) {
		try {
			return text.length() == 36 && java.util.UUID.fromString(text) != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean retraceType(ObjectNode exception, List<ProguardMapping> mappings) {
		String type = textOrNull(exception.get("type"));
		if (type == null) {
			return false;
		}
		String module = textOrNull(exception.get("module"));
		String obfuscated = (module != null && !module.isEmpty()) ? module + "." + type : type;
		for (ProguardMapping mapping : mappings) {
			String original = mapping.originalClass(obfuscated);
			if (original != null) {
				int dot = original.lastIndexOf('.');
				exception.put("type", original.substring(dot + 1));
				if (dot > 0) {
					exception.put("module", original.substring(0, dot));
				}
				else {
					exception.remove("module");
				}
				return true;
			}
		}
		return false;
	}

	private static boolean retraceStacktrace(ObjectNode holder, String platform, List<ProguardMapping> mappings) {
		if (!(holder.get("stacktrace") instanceof ObjectNode stacktrace)
				|| !(stacktrace.get("frames") instanceof ArrayNode frames)) {
			return false;
		}
		ArrayNode raw = frames.deepCopy();
		List<JsonNode> retraced = new ArrayList<>();
		boolean changed = false;
		for (JsonNode frame : frames) {
			List<ObjectNode> replaced = (frame instanceof ObjectNode object) ? retraceFrame(object, platform, mappings)
					: null;
			if (replaced == null) {
				retraced.add(frame);
			}
			else {
				retraced.addAll(replaced);
				changed = true;
			}
		}
		if (!changed) {
			return false;
		}
		frames.removeAll();
		retraced.forEach(frames::add);
		if (!holder.has("raw_stacktrace")) {
			ObjectNode rawStacktrace = stacktrace.deepCopy();
			rawStacktrace.set("frames", raw);
			holder.set("raw_stacktrace", rawStacktrace);
		}
		return true;
	}

	/**
	 * The frames an obfuscated frame stands for, outermost first (Sentry's order), or
	 * null when no mapping names its class.
	 */
	private static @Nullable List<ObjectNode> retraceFrame(ObjectNode frame, String platform,
			List<ProguardMapping> mappings) {
		String framePlatform = frame.path("platform").asString(platform);
		String className = textOrNull(frame.get("module"));
		String method = textOrNull(frame.get("function"));
		if (!framePlatform.equals("java") || className == null || method == null) {
			return null;
		}
		JsonNode linenoNode = frame.get("lineno");
		Integer lineno = (linenoNode != null && linenoNode.canConvertToInt()) ? linenoNode.asInt() : null;
		for (ProguardMapping mapping : mappings) {
			List<RetracedFrame> originals = mapping.retrace(className, method, lineno);
			if (originals.isEmpty()) {
				continue;
			}
			List<ObjectNode> frames = new ArrayList<>(originals.size());
			for (int i = originals.size() - 1; i >= 0; i--) {
				RetracedFrame original = originals.get(i);
				ObjectNode copy = frame.deepCopy();
				copy.put("module", original.className());
				copy.put("function", original.method());
				if (original.line() != null) {
					copy.put("lineno", original.line());
				}
				else {
					copy.remove("lineno");
				}
				copy.put("filename", original.sourceFile());
				if (copy.has("abs_path")) {
					copy.put("abs_path", original.sourceFile());
				}
				frames.add(copy);
			}
			return frames;
		}
		return null;
	}

	private static ArrayNode error(ObjectNode event) {
		if (event.get("errors") instanceof ArrayNode errors) {
			return errors;
		}
		return event.putArray("errors");
	}

	private static List<JsonNode> values(ObjectNode event, String field) {
		JsonNode node = event.get(field);
		if (node == null) {
			return List.of();
		}
		JsonNode values = node.isArray() ? node : node.get("values");
		if (values == null || !values.isArray()) {
			return List.of();
		}
		List<JsonNode> list = new ArrayList<>();
		values.forEach(list::add);
		return list;
	}

	private static @Nullable String textOrNull(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

}
