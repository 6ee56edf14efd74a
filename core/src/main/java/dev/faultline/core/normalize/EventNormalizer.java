package dev.faultline.core.normalize;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.faultline.core.EventNodes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a raw Sentry event (as an SDK sent it) into the normalized event payload that is
 * stored and rendered. The shape is the project's payload contract:
 * <ul>
 * <li>{@code event_id} 32 lower-case hex (from the payload, else the envelope header,
 * else generated); {@code timestamp} and {@code received} ISO-8601 UTC with milliseconds;
 * {@code level} (default {@code error}) and {@code platform} (default {@code other});
 * {@code logger}, {@code transaction}, {@code server_name}, {@code release},
 * {@code environment}, {@code dist} only when known.</li>
 * <li>{@code logentry {formatted, message?, params?}} replaces {@code message}.</li>
 * <li>{@code exception {values}} innermost cause first, every frame with a boolean
 * {@code in_app}; {@code threads {values}}; {@code breadcrumbs {values}} with ISO
 * timestamps; {@code tags} as {@code [key, value]} string pairs with unique keys;
 * {@code user} with {@code {{auto}}} replaced by the client IP.</li>
 * <li>{@code title}, {@code culprit}, {@code type}, {@code metadata} from
 * {@link EventTitles}.</li>
 * </ul>
 * Timestamps: when the envelope's {@code sent_at} differs from the receive time by more
 * than {@value #DRIFT_MINUTES} minutes the client clock is taken as wrong and the event
 * time is shifted by the difference (as Relay does); a result more than 60 s in the
 * future or 30 days in the past is replaced by the receive time.
 *
 * <p>
 * Stateless and thread-safe. Never throws on odd shapes: fields of the wrong type are
 * dropped or defaulted.
 */
public final class EventNormalizer {

	static final int DRIFT_MINUTES = 55;

	private static final Duration MAX_FUTURE = Duration.ofSeconds(60);

	private static final Duration MAX_AGE = Duration.ofDays(30);

	private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{32}");

	private static final int MAX_TAG_KEY = 200;

	private static final int MAX_TAG_VALUE = 200;

	private static final String[] OPTIONAL_STRINGS = { "logger", "transaction", "server_name", "release", "environment",
			"dist" };

	private static final Set<String> LEVELS = Set.of("fatal", "error", "warning", "info", "debug");

	private static final Map<String, String> LEVEL_ALIASES = Map.of("warn", "warning", "critical", "fatal", "log",
			"info", "trace", "debug");

	private static final Set<String> AUTO_IP = Set.of("{{auto}}", "{{ auto }}");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * Returns the normalized copy of {@code rawEvent}; the argument is not modified.
	 */
	public ObjectNode normalize(ObjectNode rawEvent, NormalizationContext context) {
		ObjectNode event = rawEvent.deepCopy();
		event.put("event_id", eventId(rawEvent, context));
		Instant timestamp = timestamp(Timestamps.parse(rawEvent.get("timestamp")), context);
		event.put("timestamp", Timestamps.format(timestamp));
		event.put("received", Timestamps.format(context.receivedAt()));
		event.put("level", level(EventNodes.text(rawEvent, "level")));
		String platform = EventNodes.text(rawEvent, "platform");
		event.put("platform", (platform != null) ? platform.trim().toLowerCase(Locale.ROOT) : "other");
		for (String field : OPTIONAL_STRINGS) {
			String value = EventNodes.text(rawEvent, field);
			if (value != null) {
				event.put(field, value.trim());
			}
			else {
				event.remove(field);
			}
		}
		validateName(event, "release", ReleaseValidation::releaseError);
		validateName(event, "environment", ReleaseValidation::environmentError);
		ObjectNode logEntry = LogEntries.from(rawEvent);
		event.remove("message");
		event.remove("logentry");
		if (logEntry != null) {
			event.set("logentry", logEntry);
		}
		normalizeValues(event, "exception", this::normalizeException);
		normalizeValues(event, "threads", this::normalizeThread);
		normalizeBreadcrumbs(event, timestamp);
		normalizeTags(event);
		normalizeUser(event, context.clientIp());
		normalizeFingerprint(event);
		EventTitles titles = EventTitles.of(event);
		event.put("type", titles.type());
		event.put("title", titles.title());
		event.put("culprit", titles.culprit());
		ObjectNode metadata = event.putObject("metadata");
		titles.metadata().forEach(metadata::put);
		return event;
	}

	/**
	 * Drops an invalid release or environment name and records why in Sentry's
	 * {@code _meta} shape ({@code {"": {"err": [["invalid_data", {"reason": …}]]}}}); the
	 * rejected value itself is not kept there, since {@code _meta} is never scrubbed.
	 */
	private static void validateName(ObjectNode event, String field, Function<String, @Nullable String> validator) {
		JsonNode node = event.get(field);
		if (node == null || !node.isString()) {
			return;
		}
		String reason = validator.apply(node.asString());
		if (reason == null) {
			return;
		}
		event.remove(field);
		ObjectNode meta = (event.get("_meta") instanceof ObjectNode existing) ? existing : event.putObject("_meta");
		ObjectNode entry = meta.putObject(field).putObject("");
		entry.putArray("err").addArray().add("invalid_data").addObject().put("reason", reason);
	}

	private static String eventId(JsonNode rawEvent, NormalizationContext context) {
		String id = normalizeId(EventNodes.text(rawEvent, "event_id"));
		if (id == null) {
			id = normalizeId(context.envelopeEventId());
		}
		return (id != null) ? id : UUID.randomUUID().toString().replace("-", "");
	}

	private static @Nullable String normalizeId(@Nullable String candidate) {
		if (candidate == null) {
			return null;
		}
		String id = candidate.trim().replace("-", "").toLowerCase(Locale.ROOT);
		return HEX_ID.matcher(id).matches() ? id : null;
	}

	private static Instant timestamp(@Nullable Instant sent, NormalizationContext context) {
		Instant received = context.receivedAt();
		if (sent == null) {
			return received;
		}
		Instant timestamp = sent;
		if (context.sentAt() != null) {
			Duration drift = Duration.between(context.sentAt(), received);
			if (drift.abs().compareTo(Duration.ofMinutes(DRIFT_MINUTES)) > 0) {
				timestamp = timestamp.plus(drift);
			}
		}
		if (timestamp.isAfter(received.plus(MAX_FUTURE)) || timestamp.isBefore(received.minus(MAX_AGE))) {
			return received;
		}
		return timestamp;
	}

	private static String level(@Nullable String raw) {
		if (raw == null) {
			return "error";
		}
		String level = raw.trim().toLowerCase(Locale.ROOT);
		level = LEVEL_ALIASES.getOrDefault(level, level);
		return LEVELS.contains(level) ? level : "error";
	}

	/**
	 * Brings a list-or-{@code {values}} field to {@code {values: [...]}} with every
	 * element normalized; drops the field when nothing usable remains.
	 */
	private static void normalizeValues(ObjectNode event, String field, ElementNormalizer normalizer) {
		JsonNode raw = event.get(field);
		JsonNode values = (raw != null && raw.isObject()) ? raw.get("values") : raw;
		ArrayNode result = NODES.arrayNode();
		if (values != null && values.isArray()) {
			for (JsonNode value : values) {
				if (value.isObject()) {
					ObjectNode normalized = normalizer.normalize((ObjectNode) value);
					if (normalized != null) {
						result.add(normalized);
					}
				}
			}
		}
		if (result.isEmpty()) {
			event.remove(field);
			return;
		}
		ObjectNode container = (raw != null && raw.isObject()) ? (ObjectNode) raw : NODES.objectNode();
		container.set("values", result);
		event.set(field, container);
	}

	private @Nullable ObjectNode normalizeException(ObjectNode exception) {
		String type = EventNodes.text(exception, "type");
		String value = EventNodes.text(exception, "value");
		normalizeStacktrace(exception);
		if (type == null && value == null && !exception.has("stacktrace")) {
			return null;
		}
		exception.put("type", (type != null) ? type.trim() : "Error");
		exception.put("value", (value != null) ? value : "");
		return exception;
	}

	private @Nullable ObjectNode normalizeThread(ObjectNode thread) {
		normalizeStacktrace(thread);
		return thread;
	}

	private static void normalizeStacktrace(ObjectNode owner) {
		JsonNode stacktrace = owner.get("stacktrace");
		if (stacktrace == null || !stacktrace.isObject()) {
			owner.remove("stacktrace");
			return;
		}
		JsonNode frames = stacktrace.get("frames");
		ArrayNode kept = NODES.arrayNode();
		if (frames != null && frames.isArray()) {
			for (JsonNode frame : frames) {
				if (frame.isObject()) {
					ObjectNode copy = (ObjectNode) frame;
					copy.put("in_app", frame.path("in_app").asBoolean(false));
					kept.add(copy);
				}
			}
		}
		if (kept.isEmpty()) {
			owner.remove("stacktrace");
			return;
		}
		((ObjectNode) stacktrace).set("frames", kept);
	}

	private static void normalizeBreadcrumbs(ObjectNode event, Instant eventTime) {
		normalizeValues(event, "breadcrumbs", (crumb) -> {
			Instant time = Timestamps.parse(crumb.get("timestamp"));
			crumb.put("timestamp", Timestamps.format((time != null) ? time : eventTime));
			String level = EventNodes.text(crumb, "level");
			if (level != null) {
				crumb.put("level", level(level));
			}
			for (String field : new String[] { "type", "category", "message" }) {
				JsonNode value = crumb.get(field);
				if (value != null && !value.isString()) {
					String text = EventNodes.text(value);
					if (text != null) {
						crumb.put(field, text);
					}
					else {
						crumb.remove(field);
					}
				}
			}
			if (crumb.has("data") && !crumb.get("data").isObject()) {
				crumb.remove("data");
			}
			return crumb;
		});
	}

	private static void normalizeTags(ObjectNode event) {
		JsonNode raw = event.get("tags");
		ArrayNode pairs = NODES.arrayNode();
		Set<String> seen = new HashSet<>();
		if (raw != null && raw.isObject()) {
			for (Map.Entry<String, JsonNode> entry : raw.properties()) {
				addTag(pairs, seen, entry.getKey(), EventNodes.text(entry.getValue()));
			}
		}
		else if (raw != null && raw.isArray()) {
			for (JsonNode pair : raw) {
				if (pair.isArray() && pair.size() == 2) {
					addTag(pairs, seen, EventNodes.text(pair.get(0)), EventNodes.text(pair.get(1)));
				}
			}
		}
		if (pairs.isEmpty()) {
			event.remove("tags");
		}
		else {
			event.set("tags", pairs);
		}
	}

	private static void addTag(ArrayNode pairs, Set<String> seen, @Nullable String rawKey, @Nullable String value) {
		if (rawKey == null || value == null) {
			return;
		}
		String key = rawKey.trim();
		if (key.isEmpty() || key.length() > MAX_TAG_KEY || !seen.add(key)) {
			return;
		}
		String trimmed = value.trim();
		pairs.addArray()
			.add(key)
			.add((trimmed.length() > MAX_TAG_VALUE) ? trimmed.substring(0, MAX_TAG_VALUE) : trimmed);
	}

	private static void normalizeUser(ObjectNode event, @Nullable String clientIp) {
		JsonNode raw = event.get("user");
		if (raw == null || !raw.isObject()) {
			event.remove("user");
			return;
		}
		ObjectNode user = (ObjectNode) raw;
		String ip = EventNodes.text(user, "ip_address");
		if (ip != null && AUTO_IP.contains(ip)) {
			if (clientIp != null) {
				user.put("ip_address", clientIp);
			}
			else {
				user.remove("ip_address");
			}
		}
		for (String field : new String[] { "id", "username", "email", "ip_address" }) {
			JsonNode value = user.get(field);
			if (value != null && !value.isString()) {
				String text = EventNodes.text(value);
				if (text != null) {
					user.put(field, text);
				}
				else {
					user.remove(field);
				}
			}
		}
		if (user.isEmpty()) {
			event.remove("user");
		}
	}

	private static void normalizeFingerprint(ObjectNode event) {
		JsonNode raw = event.get("fingerprint");
		if (raw == null) {
			return;
		}
		ArrayNode values = NODES.arrayNode();
		if (raw.isArray()) {
			for (JsonNode value : raw) {
				String text = EventNodes.text(value);
				if (text != null) {
					values.add(text);
				}
			}
		}
		if (values.isEmpty()) {
			event.remove("fingerprint");
		}
		else {
			event.set("fingerprint", values);
		}
	}

	/**
	 * Normalizes one element of a list field in place; null drops it.
	 */
	@FunctionalInterface
	private interface ElementNormalizer {

		@Nullable ObjectNode normalize(ObjectNode element);

	}

}
