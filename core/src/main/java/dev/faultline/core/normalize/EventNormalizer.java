package dev.faultline.core.normalize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.faultline.protocol.event.Breadcrumb;
import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.EventCodec;
import dev.faultline.protocol.event.Frame;
import dev.faultline.protocol.event.Pairs;
import dev.faultline.protocol.event.SentryException;
import dev.faultline.protocol.event.SentryThread;
import dev.faultline.protocol.event.Stacktrace;
import dev.faultline.protocol.event.Timestamp;
import dev.faultline.protocol.event.User;
import dev.faultline.protocol.event.Values;
import dev.faultline.core.text.ClientPatterns;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.faultline.core.EventNodes.nonBlank;

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
 * <li>Legacy interface names ({@code sentry.interfaces.Exception}, …) become their modern
 * fields (the codec reads them so); the deprecated event-level {@code stacktrace} moves
 * into the only exception when that has none, as Relay does.</li>
 * </ul>
 * It reads and builds the typed {@link Event}; everything it does not model is carried
 * over unchanged. Timestamps: when the envelope's {@code sent_at} differs from the
 * receive time by more than {@value #DRIFT_MINUTES} minutes the client clock is taken as
 * wrong and the event time is shifted by the difference (as Relay does); a result more
 * than 60 s in the future or 30 days in the past is replaced by the receive time.
 *
 * <p>
 * Stateless and thread-safe. Never throws on odd shapes: fields of the wrong type are
 * dropped or defaulted.
 */
public final class EventNormalizer {

	static final int DRIFT_MINUTES = 55;

	private static final Duration MAX_FUTURE = Duration.ofSeconds(60);

	private static final Duration MAX_AGE = Duration.ofDays(30);

	private static final Pattern HEX_ID = ClientPatterns.HEX_ID.jdk();

	private static final int MAX_TAG_KEY = 200;

	private static final int MAX_TAG_VALUE = 200;

	private static final Set<String> LEVELS = Set.of("fatal", "error", "warning", "info", "debug");

	private static final Map<String, String> LEVEL_ALIASES = Map.of("warn", "warning", "critical", "fatal", "log",
			"info", "trace", "debug");

	private static final Set<String> AUTO_IP = Set.of("{{auto}}", "{{ auto }}");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/**
	 * Returns the normalized tree of {@code rawEvent}; the argument is not modified, but
	 * the result shares the nodes of the values kept verbatim with it (see
	 * {@link EventCodec}), so the raw tree is not to be used afterwards.
	 */
	public ObjectNode normalize(ObjectNode rawEvent, NormalizationContext context) {
		return EventCodec.toTree(normalize(EventCodec.decode(rawEvent), context));
	}

	/**
	 * Returns the normalized event.
	 */
	public Event normalize(Event raw, NormalizationContext context) {
		Event.Builder event = raw.toBuilder();
		event.eventId(eventId(raw, context));
		Instant timestamp = timestamp(Timestamps.parse(raw.timestamp()), context);
		event.timestamp(Timestamp.of(timestamp));
		event.received(Timestamp.of(context.receivedAt()));
		event.level(level(nonBlank(raw.level())));
		String platform = nonBlank(raw.platform());
		event.platform((platform != null) ? platform.trim().toLowerCase(Locale.ROOT) : "other");
		event.logger(optional(event, "logger", raw.logger()));
		event.transaction(optional(event, "transaction", raw.transaction()));
		event.serverName(optional(event, "server_name", raw.serverName()));
		event.dist(optional(event, "dist", raw.dist()));
		Map<String, JsonNode> meta = new LinkedHashMap<>((raw.meta() != null) ? raw.meta() : Map.of());
		event.release(
				validName(meta, "release", optional(event, "release", raw.release()), ReleaseValidation::releaseError));
		event.environment(validName(meta, "environment", optional(event, "environment", raw.environment()),
				ReleaseValidation::environmentError));
		event.meta(meta.isEmpty() ? raw.meta() : meta);
		event.message(null).removeOther("message").logentry(LogEntries.from(raw)).removeOther("logentry");
		Values<SentryException> exceptions = normalizeValues(withEventStacktrace(raw), this::normalizeException);
		event.exception(exceptions).removeOther("exception");
		if (exceptions != null && raw.stacktrace() != null && raw.exceptions().size() == 1
				&& raw.exceptions().get(0).stacktrace() == null) {
			event.stacktrace(null);
		}
		event.threads(normalizeValues(raw.threads(), EventNormalizer::normalizeThread)).removeOther("threads");
		event.breadcrumbs(normalizeValues(raw.breadcrumbs(), (crumb) -> normalizeBreadcrumb(crumb, timestamp)))
			.removeOther("breadcrumbs");
		event.tags(normalizeTags(raw.tags())).removeOther("tags");
		event.user(normalizeUser(raw.user(), context.clientIp())).removeOther("user");
		if (raw.fingerprint() != null || raw.other().containsKey("fingerprint")) {
			event.fingerprint(normalizeFingerprint(raw.fingerprint())).removeOther("fingerprint");
		}
		Event normalized = event.build();
		EventTitles titles = EventTitles.of(normalized);
		return normalized.toBuilder()
			.type(titles.type())
			.title(titles.title())
			.culprit(titles.culprit())
			.metadata(titles.metadata())
			.build();
	}

	/**
	 * The trimmed text of an optional string field; null (and any value of the wrong type
	 * dropped) when absent or blank.
	 */
	private static @Nullable String optional(Event.Builder event, String wireName, @Nullable String value) {
		String text = nonBlank(value);
		if (text == null) {
			event.removeOther(wireName);
			return null;
		}
		return text.trim();
	}

	/**
	 * An invalid release or environment name is dropped and why is recorded in Sentry's
	 * {@code _meta} shape ({@code {"": {"err": [["invalid_data", {"reason": …}]]}}}); the
	 * rejected value itself is not kept there, since {@code _meta} is never scrubbed.
	 */
	private static @Nullable String validName(Map<String, JsonNode> meta, String field, @Nullable String value,
			Function<String, @Nullable String> validator) {
		if (value == null) {
			return null;
		}
		String reason = validator.apply(value);
		if (reason == null) {
			return value;
		}
		ObjectNode entry = NODES.objectNode();
		entry.putObject("").putArray("err").addArray().add("invalid_data").addObject().put("reason", reason);
		meta.put(field, entry);
		return null;
	}

	private static String eventId(Event raw, NormalizationContext context) {
		String id = normalizeId(nonBlank(raw.eventId()));
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
	 * The exceptions, with the deprecated event-level stack trace moved into the only
	 * exception when that has none (as Relay does for the legacy
	 * {@code sentry.interfaces.Stacktrace} of raven clients).
	 */
	private static @Nullable Values<SentryException> withEventStacktrace(Event raw) {
		List<SentryException> exceptions = raw.exceptions();
		if (raw.stacktrace() == null || exceptions.size() != 1 || exceptions.get(0).stacktrace() != null) {
			return raw.exception();
		}
		return raw.exception().withValues(List.of(exceptions.get(0).withStacktrace(raw.stacktrace())));
	}

	/**
	 * Brings a list interface to the {@code {values: [...]}} form with every element
	 * normalized; null (the field dropped) when nothing usable remains.
	 */
	private static <T> @Nullable Values<T> normalizeValues(@Nullable Values<T> raw,
			Function<T, @Nullable T> normalizer) {
		if (raw == null) {
			return null;
		}
		List<T> result = new ArrayList<>(raw.values().size());
		for (T value : raw.values()) {
			T normalized = normalizer.apply(value);
			if (normalized != null) {
				result.add(normalized);
			}
		}
		if (result.isEmpty()) {
			return null;
		}
		return new Values<>(result, Values.Shape.OBJECT, raw.other());
	}

	private @Nullable SentryException normalizeException(SentryException exception) {
		String type = nonBlank(exception.type());
		String value = nonBlank(exception.value());
		Stacktrace stacktrace = normalizeStacktrace(exception.stacktrace());
		if (type == null && value == null && stacktrace == null) {
			return null;
		}
		return new SentryException((type != null) ? type.trim() : "Error", (value != null) ? value : "",
				exception.module(), exception.threadId(), exception.mechanism(), stacktrace,
				without(exception.other(), "stacktrace"));
	}

	private static SentryThread normalizeThread(SentryThread thread) {
		return new SentryThread(thread.id(), thread.name(), thread.crashed(), thread.current(), thread.main(),
				thread.state(), normalizeStacktrace(thread.stacktrace()), without(thread.other(), "stacktrace"));
	}

	/**
	 * The stack trace with a boolean {@code in_app} on every frame; null when it has no
	 * frames.
	 */
	private static @Nullable Stacktrace normalizeStacktrace(@Nullable Stacktrace stacktrace) {
		if (stacktrace == null || stacktrace.frameList().isEmpty()) {
			return null;
		}
		List<Frame> frames = new ArrayList<>(stacktrace.frameList().size());
		for (Frame frame : stacktrace.frameList()) {
			frames.add((frame.inApp() != null) ? frame : frame.withInApp(false));
		}
		return stacktrace.withFrames(frames);
	}

	private static Breadcrumb normalizeBreadcrumb(Breadcrumb crumb, Instant eventTime) {
		Instant time = Timestamps.parse(crumb.timestamp());
		String level = nonBlank(crumb.level());
		return new Breadcrumb(Timestamp.of((time != null) ? time : eventTime), crumb.type(), crumb.category(),
				(level != null) ? level(level) : crumb.level(), crumb.message(), crumb.data(),
				without(crumb.other(), "type", "category", "message", "data"));
	}

	private static @Nullable Pairs normalizeTags(@Nullable Pairs raw) {
		if (raw == null) {
			return null;
		}
		List<Pairs.Pair> pairs = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Pairs.Pair pair : raw.pairs()) {
			String key = nonBlank(pair.key());
			String value = nonBlank(pair.value());
			if (key == null || value == null) {
				continue;
			}
			key = key.trim();
			if (key.length() > MAX_TAG_KEY || !seen.add(key)) {
				continue;
			}
			String trimmed = value.trim();
			pairs.add(new Pairs.Pair(key,
					(trimmed.length() > MAX_TAG_VALUE) ? trimmed.substring(0, MAX_TAG_VALUE) : trimmed));
		}
		return pairs.isEmpty() ? null : new Pairs(pairs, false);
	}

	private static @Nullable User normalizeUser(@Nullable User raw, @Nullable String clientIp) {
		if (raw == null) {
			return null;
		}
		String ip = raw.ipAddress();
		if (ip != null && AUTO_IP.contains(ip)) {
			ip = clientIp;
		}
		User user = new User(raw.id(), raw.email(), ip, raw.username(), raw.name(), raw.geo(), raw.data(),
				without(raw.other(), "id", "username", "email", "ip_address"));
		return user.isEmpty() ? null : user;
	}

	private static @Nullable List<String> normalizeFingerprint(@Nullable List<String> raw) {
		if (raw == null) {
			return null;
		}
		List<String> values = new ArrayList<>(raw.size());
		for (String value : raw) {
			if (nonBlank(value) != null) {
				values.add(value);
			}
		}
		return values.isEmpty() ? null : values;
	}

	private static Map<String, JsonNode> without(Map<String, JsonNode> other, String... keys) {
		Map<String, JsonNode> result = null;
		for (String key : keys) {
			if (other.containsKey(key)) {
				if (result == null) {
					result = new LinkedHashMap<>(other);
				}
				result.remove(key);
			}
		}
		return (result != null) ? result : other;
	}

}
