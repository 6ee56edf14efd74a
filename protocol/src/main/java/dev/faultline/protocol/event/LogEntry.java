package dev.faultline.protocol.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The message interface ({@code logentry}; {@code message} and the legacy
 * {@code sentry.interfaces.Message} on the wire).
 *
 * @param message the template, e.g. {@code "User %s failed"}
 * @param formatted the message with its params filled in
 * @param params the template's params: an array, or an object for named params
 * @param plain true when the SDK sent a plain string (then only {@code formatted} is
 * set), so that encoding writes a string again
 * @param other every other property, verbatim
 */
public record LogEntry(@Nullable String message, @Nullable String formatted, @Nullable JsonNode params, boolean plain,
		Map<String, JsonNode> other) {

	public LogEntry {
		other = Others.copy(other);
		if (plain && (message != null || params != null || !other.isEmpty() || formatted == null)) {
			throw new IllegalArgumentException("a plain message has only its formatted text");
		}
	}

	/**
	 * A log entry in object form.
	 */
	public static LogEntry of(@Nullable String message, @Nullable String formatted, @Nullable JsonNode params) {
		return new LogEntry(message, formatted, params, false, Map.of());
	}

}
