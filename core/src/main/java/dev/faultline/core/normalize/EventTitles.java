package dev.faultline.core.normalize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.faultline.protocol.event.Event;
import dev.faultline.protocol.event.Frame;
import dev.faultline.protocol.event.SentryException;
import dev.faultline.protocol.event.SentryThread;
import org.jspecify.annotations.Nullable;

import static dev.faultline.core.EventNodes.nonBlank;

/**
 * What an event is called, computed the way Sentry computes it.
 * <ul>
 * <li>{@code type}: {@code error} when the event has a real (non-synthetic) exception,
 * else {@code default}.</li>
 * <li>{@code title}: for errors {@code "<type>: <value>"} of the outermost (last) real
 * exception, the value cut to its first line and 100 characters; for others the formatted
 * message's first line, cut the same way; {@code <unlabeled event>} when there is
 * neither.</li>
 * <li>{@code culprit}: the {@code transaction} when set, else the last in-app frame (or
 * last frame) of the outermost exception, of a synthetic exception or of the crashed
 * thread (else of the deprecated event-level stack trace):
 * {@code "<module> in <function>"}, or {@code "<function>(<module or file>)"} on
 * JavaScript platforms; empty when nothing fits.</li>
 * <li>{@code metadata}: {@code type, value, filename?, function?} for errors,
 * {@code title} otherwise.</li>
 * </ul>
 *
 * @param type {@code error} or {@code default}
 * @param title the issue/event title, never blank
 * @param culprit where it happened; may be empty
 * @param metadata Sentry's issue metadata
 */
public record EventTitles(String type, String title, String culprit, Map<String, String> metadata) {

	static final String UNLABELED = "<unlabeled event>";

	private static final int TITLE_LENGTH = 100;

	private static final int VALUE_LENGTH = 1024;

	private static final int CULPRIT_LENGTH = 200;

	private static final Set<String> JS_PLATFORMS = Set.of("javascript", "node");

	private static final Set<String> NATIVE_PLATFORMS = Set.of("native", "objc", "cocoa", "c");

	public EventTitles {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(culprit, "culprit");
		metadata = Map.copyOf(metadata);
	}

	/**
	 * Computes the titles of a normalized event (exceptions as {@code {values}},
	 * {@code logentry} built).
	 */
	public static EventTitles of(Event event) {
		List<SentryException> exceptions = event.realExceptions();
		String platform = Objects.requireNonNullElse(nonBlank(event.platform()), "other");
		String culprit = culprit(event, exceptions, platform);
		if (!exceptions.isEmpty()) {
			SentryException outermost = exceptions.get(exceptions.size() - 1);
			String type = Objects.requireNonNullElse(nonBlank(outermost.type()), "Error");
			String value = Objects.requireNonNullElse(nonBlank(outermost.value()), "");
			String title = value.isEmpty() ? type : type + ": " + firstLine(value, TITLE_LENGTH);
			Map<String, String> metadata = new LinkedHashMap<>();
			metadata.put("type", type);
			metadata.put("value", truncate(value, VALUE_LENGTH));
			Frame frame = culpritFrame(outermost.frames());
			if (frame != null) {
				putIfPresent(metadata, "filename", nonBlank(frame.filename()));
				putIfPresent(metadata, "function", nonBlank(frame.function()));
			}
			return new EventTitles("error", title, culprit, metadata);
		}
		String message = (event.logentry() != null) ? nonBlank(event.logentry().formatted()) : null;
		if (message == null) {
			message = syntheticValue(event);
		}
		String title = (message != null) ? firstLine(message, TITLE_LENGTH) : UNLABELED;
		if (title.isEmpty()) {
			title = UNLABELED;
		}
		return new EventTitles("default", title, culprit, Map.of("title", title));
	}

	private static @Nullable String syntheticValue(Event event) {
		for (SentryException exception : event.exceptions()) {
			String value = nonBlank(exception.value());
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String culprit(Event event, List<SentryException> exceptions, String platform) {
		String transaction = nonBlank(event.transaction());
		if (transaction != null) {
			return truncate(transaction, CULPRIT_LENGTH);
		}
		Frame frame = culpritFrame(stackFrames(event, exceptions));
		if (frame == null) {
			return "";
		}
		return truncate(frameCulprit(frame, platform), CULPRIT_LENGTH);
	}

	/**
	 * Frames of the outermost real exception, else of any exception (synthetic ones carry
	 * a message's stack), else of the crashed (or only) thread, else of the deprecated
	 * event-level stack trace.
	 */
	private static List<Frame> stackFrames(Event event, List<SentryException> exceptions) {
		if (!exceptions.isEmpty()) {
			return exceptions.get(exceptions.size() - 1).frames();
		}
		List<SentryException> values = event.exceptions();
		for (int i = values.size() - 1; i >= 0; i--) {
			List<Frame> frames = values.get(i).frames();
			if (!frames.isEmpty()) {
				return frames;
			}
		}
		List<Frame> threadFrames = List.of();
		for (SentryThread thread : event.threadList()) {
			List<Frame> frames = thread.frames();
			if (thread.isCrashed() && !frames.isEmpty()) {
				return frames;
			}
			if (threadFrames.isEmpty()) {
				threadFrames = frames;
			}
		}
		if (threadFrames.isEmpty() && event.stacktrace() != null) {
			return event.stacktrace().frameList();
		}
		return threadFrames;
	}

	private static @Nullable Frame culpritFrame(List<Frame> frames) {
		for (int i = frames.size() - 1; i >= 0; i--) {
			if (frames.get(i).isInApp()) {
				return frames.get(i);
			}
		}
		return frames.isEmpty() ? null : frames.get(frames.size() - 1);
	}

	private static String frameCulprit(Frame frame, String eventPlatform) {
		String platform = Objects.requireNonNullElse(nonBlank(frame.platform()), eventPlatform);
		String function = Objects.requireNonNullElse(nonBlank(frame.function()), "?");
		if (NATIVE_PLATFORMS.contains(platform)) {
			return function;
		}
		String location = nonBlank(frame.module());
		if (location == null) {
			location = nonBlank(frame.filename());
		}
		if (location == null) {
			return "";
		}
		if (JS_PLATFORMS.contains(platform)) {
			return function + "(" + location + ")";
		}
		return location + " in " + function;
	}

	private static void putIfPresent(Map<String, String> metadata, String key, @Nullable String value) {
		if (value != null) {
			metadata.put(key, value);
		}
	}

	private static String firstLine(String text, int max) {
		String trimmed = text.strip();
		int newline = trimmed.indexOf('\n');
		String line = (newline >= 0) ? trimmed.substring(0, newline).strip() : trimmed;
		return truncate(line, max);
	}

	private static String truncate(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 3) + "...";
	}

}
