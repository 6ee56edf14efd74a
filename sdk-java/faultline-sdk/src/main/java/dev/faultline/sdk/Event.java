package dev.faultline.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error or message event on its way out, mutable until it is handed to the client (for
 * example inside {@link FaultlineOptions#setBeforeSend}); not thread-safe. Fields left
 * null are omitted on the wire; the client fills release, environment, server name, SDK
 * and the scope's data when sending.
 */
public final class Event {

	private final String eventId;

	private final Instant timestamp;

	private final long threadId;

	private Level level;

	private String message;

	private String messageTemplate;

	private List<Object> messageParams;

	private String logger;

	private Throwable throwable;

	private Mechanism mechanism;

	private String transaction;

	private User user;

	private List<String> fingerprint;

	private final Map<String, String> tags = new LinkedHashMap<>();

	private final Map<String, Object> extra = new LinkedHashMap<>();

	private final Map<String, Map<String, Object>> contexts = new LinkedHashMap<>();

	private final List<Breadcrumb> breadcrumbs = new ArrayList<>();

	/**
	 * A new event with a random id, stamped now, on the calling thread.
	 */
	public Event() {
		this(Ids.id32(), Instant.now());
	}

	Event(String eventId, Instant timestamp) {
		this.eventId = eventId;
		this.timestamp = timestamp;
		this.threadId = Thread.currentThread().getId();
	}

	/**
	 * An error event for an exception.
	 * @param throwable the exception
	 * @return the event, level error
	 */
	public static Event ofThrowable(Throwable throwable) {
		Event event = new Event();
		event.throwable = throwable;
		event.level = Level.ERROR;
		return event;
	}

	/**
	 * A message event.
	 * @param message the formatted message
	 * @param level the level
	 * @return the event
	 */
	public static Event ofMessage(String message, Level level) {
		Event event = new Event();
		event.message = message;
		event.level = level;
		return event;
	}

	/** The 32-hex event id. */
	public String eventId() {
		return this.eventId;
	}

	public Instant timestamp() {
		return this.timestamp;
	}

	long threadId() {
		return this.threadId;
	}

	/** Nullable: the client writes {@code error} when none is set. */
	public Level level() {
		return this.level;
	}

	public Event setLevel(Level level) {
		this.level = level;
		return this;
	}

	/** The formatted message, nullable. */
	public String message() {
		return this.message;
	}

	public Event setMessage(String message) {
		this.message = message;
		return this;
	}

	/**
	 * Sets a parameterized message: the template groups, the formatted text displays.
	 * @param formatted the formatted text
	 * @param template the template, e.g. {@code "Cart %s holds %s items"}
	 * @param params the parameters
	 * @return this event
	 */
	public Event setMessage(String formatted, String template, List<Object> params) {
		this.message = formatted;
		this.messageTemplate = template;
		// Log frameworks pass null arguments; they are kept (written as JSON null).
		this.messageParams = Collections.unmodifiableList(new ArrayList<>(params));
		return this;
	}

	String messageTemplate() {
		return this.messageTemplate;
	}

	List<Object> messageParams() {
		return this.messageParams;
	}

	/** The logger name, nullable. */
	public String logger() {
		return this.logger;
	}

	public Event setLogger(String logger) {
		this.logger = logger;
		return this;
	}

	/** The captured exception, nullable. */
	public Throwable throwable() {
		return this.throwable;
	}

	public Event setThrowable(Throwable throwable) {
		this.throwable = throwable;
		return this;
	}

	/** How the exception was caught, nullable (then the cause chain is "chained"). */
	public Mechanism mechanism() {
		return this.mechanism;
	}

	public Event setMechanism(Mechanism mechanism) {
		this.mechanism = mechanism;
		return this;
	}

	/** The transaction (route) name, nullable. */
	public String transaction() {
		return this.transaction;
	}

	public Event setTransaction(String transaction) {
		this.transaction = transaction;
		return this;
	}

	/** Nullable; the scope's user when null. */
	public User user() {
		return this.user;
	}

	public Event setUser(User user) {
		this.user = user;
		return this;
	}

	/** Nullable; the scope's fingerprint when null. */
	public List<String> fingerprint() {
		return this.fingerprint;
	}

	public Event setFingerprint(List<String> fingerprint) {
		this.fingerprint = (fingerprint != null) ? List.copyOf(fingerprint) : null;
		return this;
	}

	/** Tags of this event, mutable; they win over the scope's. */
	public Map<String, String> tags() {
		return this.tags;
	}

	/** Extra data of this event, mutable. */
	public Map<String, Object> extra() {
		return this.extra;
	}

	/** Contexts by name, mutable. */
	public Map<String, Map<String, Object>> contexts() {
		return this.contexts;
	}

	/** Breadcrumbs, oldest first, mutable. */
	public List<Breadcrumb> breadcrumbs() {
		return this.breadcrumbs;
	}

	/**
	 * How an exception reached the SDK.
	 *
	 * @param type e.g. {@code UncaughtExceptionHandler}
	 * @param handled whether the application handled it
	 */
	public record Mechanism(String type, boolean handled) {

	}

}
