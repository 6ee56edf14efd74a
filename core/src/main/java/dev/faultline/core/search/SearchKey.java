package dev.faultline.core.search;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.faultline.core.text.ClientPatterns;

/**
 * The key of a filter. {@code name} is canonical: Sentry's aliases are resolved when
 * parsing ({@code first-seen} and {@code age} are {@code firstSeen}, {@code last-seen} is
 * {@code lastSeen}, {@code times-seen} is {@code timesSeen}…). A key Faultline does not
 * know is a tag. {@code tags[name]} ({@code explicitTag}) always means the tag, which is
 * how a tag named like a reserved key ({@code tags[level]}) is searched.
 *
 * @param name the canonical key or tag name; never empty
 * @param explicitTag whether it was written as {@code tags[name]}
 */
public record SearchKey(String name, boolean explicitTag) {

	private static final Pattern NAME = ClientPatterns.SEARCH_KEY_NAME.jdk();

	/**
	 * Keys and their aliases, in Sentry's spelling.
	 */
	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("first-seen", "firstSeen"),
			Map.entry("first_seen", "firstSeen"), Map.entry("age", "firstSeen"), Map.entry("last-seen", "lastSeen"),
			Map.entry("last_seen", "lastSeen"), Map.entry("times-seen", "timesSeen"),
			Map.entry("times_seen", "timesSeen"), Map.entry("first-release", "firstRelease"),
			Map.entry("first_release", "firstRelease"), Map.entry("id", "event.id"),
			Map.entry("user.ip_address", "user.ip"), Map.entry("trace.id", "trace"));

	private static final Map<String, Kind> ISSUE_KEYS = Map.of("is", Kind.IS, "assigned", Kind.TEXT,
			"assigned_or_suggested", Kind.TEXT, "bookmarks", Kind.TEXT, "firstRelease", Kind.TEXT, "firstSeen",
			Kind.TIME, "lastSeen", Kind.TIME, "timesSeen", Kind.NUMBER, "issue.category", Kind.TEXT, "issue.type",
			Kind.TEXT);

	private static final Map<String, EventField> EVENT_KEYS = Map.ofEntries(Map.entry("level", EventField.LEVEL),
			Map.entry("release", EventField.RELEASE), Map.entry("environment", EventField.ENVIRONMENT),
			Map.entry("platform", EventField.PLATFORM), Map.entry("title", EventField.TITLE),
			Map.entry("message", EventField.MESSAGE), Map.entry("culprit", EventField.CULPRIT),
			Map.entry("transaction", EventField.TRANSACTION), Map.entry("trace", EventField.TRACE_ID),
			Map.entry("event.id", EventField.EVENT_ID), Map.entry("user.id", EventField.USER_ID),
			Map.entry("user.email", EventField.USER_EMAIL), Map.entry("user.username", EventField.USER_USERNAME),
			Map.entry("user.ip", EventField.USER_IP), Map.entry("timestamp", EventField.TIMESTAMP),
			Map.entry("event.type", EventField.EVENT_TYPE));

	/**
	 * Event keys that hold numbers (milliseconds for durations), compared with {@code >},
	 * {@code <=}…: Sentry's performance columns, and every {@code measurements.*} key.
	 */
	private static final Set<String> NUMERIC_EVENT_KEYS = Set.of("transaction.duration", "span.duration",
			"span.self_time");

	private static final String MEASUREMENT_PREFIX = "measurements.";

	/**
	 * What values a key takes, which decides how its value is parsed.
	 */
	public enum Kind {

		/** Text, with wildcards and lists. */
		TEXT,
		/** A whole number, with comparisons. */
		NUMBER,
		/** A relative or absolute time, with comparisons. */
		TIME,
		/** An {@link IsQualifier}. */
		IS

	}

	public SearchKey {
		Objects.requireNonNull(name, "name");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("bad key name: '" + name + "'");
		}
	}

	/**
	 * Returns the key written as {@code written} (not {@code tags[…]}), its alias
	 * resolved.
	 * @param written the key as in the query
	 * @return the canonical key
	 */
	public static SearchKey of(String written) {
		return new SearchKey(ALIASES.getOrDefault(written, written), false);
	}

	/**
	 * Returns the key {@code tags[name]}.
	 * @param name the tag name
	 * @return the explicit tag key
	 */
	public static SearchKey tag(String name) {
		return new SearchKey(name, true);
	}

	/**
	 * Returns which store answers filters on this key: tags and event fields are
	 * {@link Scope#EVENT}; status, assignment, bookmarks, first/last seen, times seen and
	 * first release are {@link Scope#ISSUE}.
	 * @return the scope
	 */
	public Scope scope() {
		return (!this.explicitTag && ISSUE_KEYS.containsKey(this.name)) ? Scope.ISSUE : Scope.EVENT;
	}

	/**
	 * Returns what values the key takes.
	 * @return the kind; {@link Kind#TEXT} for every tag
	 */
	public Kind kind() {
		if (this.explicitTag) {
			return Kind.TEXT;
		}
		Kind kind = ISSUE_KEYS.get(this.name);
		if (kind != null) {
			return kind;
		}
		if (NUMERIC_EVENT_KEYS.contains(this.name) || this.name.startsWith(MEASUREMENT_PREFIX)) {
			return Kind.NUMBER;
		}
		return (eventField().orElse(null) == EventField.TIMESTAMP) ? Kind.TIME : Kind.TEXT;
	}

	/**
	 * Returns the event column this key names, if any.
	 * @return the field; empty for issue keys and tags
	 */
	public Optional<EventField> eventField() {
		return this.explicitTag ? Optional.empty() : Optional.ofNullable(EVENT_KEYS.get(this.name));
	}

	/**
	 * Returns whether the key is a tag: unknown to Faultline, or written {@code tags[…]}.
	 * @return whether the key is read from the event's tags
	 */
	public boolean isTag() {
		return scope() == Scope.EVENT && eventField().isEmpty();
	}

	@Override
	public String toString() {
		return this.explicitTag ? "tags[" + this.name + "]" : this.name;
	}

}
