package dev.faultline.processor.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.faultline.core.normalize.Timestamps;
import dev.faultline.processor.pipeline.EnvelopeContext;
import dev.faultline.processor.pipeline.InvalidItemException;
import dev.faultline.processor.pipeline.ItemProcessor;
import dev.faultline.processor.pipeline.JsonPayloads;
import dev.faultline.processor.pipeline.PreparedItems;
import dev.faultline.protocol.envelope.DataCategories;
import dev.faultline.protocol.envelope.EnvelopeItem;
import dev.faultline.storage.metadata.Outcome;
import dev.faultline.storage.sessions.SessionStatus;
import dev.faultline.storage.sessions.SessionWriter;
import dev.faultline.storage.sessions.StoredSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code session} (one session update) and {@code sessions} (aggregates of the
 * request mode) kinds, read as Relay reads them:
 * <ul>
 * <li>an update needs a {@code sid} (a UUID, with or without dashes), a {@code started}
 * time and {@code attrs.release}; {@code seq} defaults to 0, {@code init} to false,
 * {@code status} to {@code ok}, {@code errors} to 0, {@code timestamp} to the time ingest
 * received it; the sessions role merges the updates of a {@code sid};</li>
 * <li>an aggregate item's {@code aggregates[]} each give a row per non-zero count
 * ({@code exited}, {@code errored}, {@code abnormal}, {@code crashed}) standing for that
 * many started sessions of its {@code did}, with an id made of the item's queue position
 * and place, so a replay writes the same rows;</li>
 * <li>a session that started more than five days before it was received, or whose status
 * Sentry does not define, is dropped as {@code invalid} (Relay's limits); an update
 * without a release or an unreadable time too. The client's IP address and user agent
 * ({@code attrs.ip_address}, {@code attrs.user_agent}) are not kept; the distinct id
 * ({@code did}) is, as Sentry keeps it.</li>
 * </ul>
 * Every item is counted once in the {@code session} category. Thread-safe.
 */
public final class SessionProcessor implements ItemProcessor {

	/** Relay's {@code max_session_secs_in_past}. */
	static final Duration MAX_AGE = Duration.ofDays(5);

	/** The reason of a session that cannot be read. */
	static final String INVALID_SESSION = "invalid_session";

	/** The reason of a session too old to count. */
	static final String TIMESTAMP = "timestamp";

	private static final int MAX_TEXT = 200;

	private final JsonPayloads decoding = new JsonPayloads();

	private final SessionBatchWriter writer;

	/**
	 * @param sessions the sessions role's writer
	 */
	public SessionProcessor(SessionWriter sessions) {
		this.writer = new SessionBatchWriter(sessions);
	}

	@Override
	public void prepare(EnvelopeContext envelope, EnvelopeItem item, int index, PreparedItems out) {
		ObjectNode payload = this.decoding.parse(item);
		Instant received = envelope.queued().receivedAt();
		List<StoredSession> rows = "sessions".equals(item.type()) ? aggregates(envelope, payload, index, received)
				: List.of(update(envelope, payload, received));
		if (rows.isEmpty()) {
			// An aggregate of only zero counts: nothing to store, the item is read.
			out.store(this.writer,
					new PreparedSessions(envelope.projectId(), item.type(), DataCategories.of(item.type()), rows, 1));
			return;
		}
		for (StoredSession row : rows) {
			if (row.started().isBefore(received.minus(MAX_AGE))) {
				// Too old to count, as Relay drops it: not a malformed item to park.
				out.drop(envelope, item, Outcome.INVALID, TIMESTAMP);
				return;
			}
		}
		out.store(this.writer,
				new PreparedSessions(envelope.projectId(), item.type(), DataCategories.of(item.type()), rows, 1));
	}

	private static StoredSession update(EnvelopeContext envelope, ObjectNode payload, Instant received) {
		String sid = sessionId(text(payload, "sid"));
		Instant started = time(payload.get("started"), null, "started");
		Instant timestamp = time(payload.get("timestamp"), received, "timestamp");
		String statusName = Optional.ofNullable(text(payload, "status")).orElse("ok");
		SessionStatus status = SessionStatus.fromWire(statusName.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new InvalidItemException(INVALID_SESSION, "unknown session status"));
		long seq = number(payload.get("seq"), "seq");
		long errors = number(payload.get("errors"), "errors");
		JsonNode init = payload.get("init");
		JsonNode attrs = attributes(payload);
		return new StoredSession(envelope.projectId(), sid, bounded(text(payload, "did")), started, timestamp, seq,
				init != null && init.asBoolean(false), status, errors, 1, release(attrs),
				bounded(text(attrs, "environment")), received);
	}

	private static List<StoredSession> aggregates(EnvelopeContext envelope, ObjectNode payload, int index,
			Instant received) {
		JsonNode attrs = attributes(payload);
		String release = release(attrs);
		String environment = bounded(text(attrs, "environment"));
		JsonNode groups = payload.get("aggregates");
		if (groups == null || !groups.isArray()) {
			throw new InvalidItemException(INVALID_SESSION, "a sessions item has an aggregates array");
		}
		List<StoredSession> rows = new ArrayList<>();
		for (int i = 0; i < groups.size(); i++) {
			JsonNode group = groups.get(i);
			if (!group.isObject()) {
				throw new InvalidItemException(INVALID_SESSION, "an aggregate is an object");
			}
			Instant started = time(group.get("started"), null, "started");
			String did = bounded(text(group, "did"));
			for (SessionStatus status : List.of(SessionStatus.EXITED, SessionStatus.ERRORED, SessionStatus.ABNORMAL,
					SessionStatus.CRASHED)) {
				long count = number(group.get(status.wireName()), status.wireName());
				if (count > 0) {
					String id = "agg:" + envelope.position() + ":" + index + ":" + i + ":" + status.wireName();
					rows.add(new StoredSession(envelope.projectId(), id, did, started, started, 0, true, status, 0,
							count, release, environment, received));
				}
			}
		}
		return rows;
	}

	private static JsonNode attributes(ObjectNode payload) {
		JsonNode attrs = payload.get("attrs");
		if (attrs == null || !attrs.isObject()) {
			throw new InvalidItemException(INVALID_SESSION, "a session has attrs with a release");
		}
		return attrs;
	}

	private static String release(JsonNode attrs) {
		String release = bounded(text(attrs, "release"));
		if (release == null || release.isBlank()) {
			throw new InvalidItemException(INVALID_SESSION, "a session has a release");
		}
		return release;
	}

	/** A session id as stored: 32 lower-case hex digits. */
	static String sessionId(@Nullable String sid) {
		if (sid == null) {
			throw new InvalidItemException(INVALID_SESSION, "a session has a sid");
		}
		String hex = sid.replace("-", "").toLowerCase(Locale.ROOT);
		if (hex.length() != 32 || !hex.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
			throw new InvalidItemException(INVALID_SESSION, "a sid is a UUID");
		}
		return hex;
	}

	private static Instant time(@Nullable JsonNode node, @Nullable Instant fallback, String name) {
		if (node == null || node.isNull()) {
			if (fallback == null) {
				throw new InvalidItemException(INVALID_SESSION, "a session has " + name);
			}
			return fallback;
		}
		Instant parsed;
		try {
			parsed = Timestamps.parse(node);
		}
		catch (RuntimeException ex) {
			parsed = null;
		}
		if (parsed == null || parsed.toEpochMilli() < 0) {
			throw new InvalidItemException(INVALID_SESSION, "unreadable " + name);
		}
		return parsed;
	}

	private static long number(@Nullable JsonNode node, String name) {
		if (node == null || node.isNull()) {
			return 0;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
			throw new InvalidItemException(INVALID_SESSION, name + " is a non-negative integer");
		}
		return node.asLong();
	}

	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static @Nullable String bounded(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		return (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}

}
